"""``tdkt compare``: rank districts on a metric, per-unit normalized where it
means something, against the mean of their (2025) province.

The ranking itself is the view ``v_compare`` (warehouse/views/50_compare.sql),
so the same table is one query away in SQL; this module picks the metric and
period and prints it.  ``award:<code>`` ranks one award per 1 000 Lao động tiên
tiến from ``v_awards``.
"""
from __future__ import annotations

import csv
import sys
from typing import Optional, TextIO

ALIASES = {
    "awards": "merit_awards_per_1000_ldtt",
    "merit": "merit_awards_per_1000_ldtt",
    "all_awards": "awards_per_1000_ldtt",
    "cstd": "cstd_pct_of_ldtt",
    "poverty": "poverty_rate",
    "poor": "poverty_rate",
    "near_poor": "near_poor_rate",
    "ntm": "ntm_communes_pct",
}
TITLES = {
    "merit_awards_per_1000_ldtt": "khen thưởng (trừ LĐTT và danh hiệu văn hóa) / 1.000 Lao động tiên tiến",
    "awards_per_1000_ldtt": "tổng số khen thưởng / 1.000 Lao động tiên tiến",
    "cstd_pct_of_ldtt": "Chiến sĩ thi đua cơ sở, % số Lao động tiên tiến",
    "poverty_rate": "tỷ lệ hộ nghèo (%)",
    "near_poor_rate": "tỷ lệ hộ cận nghèo (%)",
    "ntm_communes_pct": "% số xã đạt chuẩn nông thôn mới",
}
COLUMNS = ("rank_best", "district", "province", "province_2025", "period", "value", "base", "normalized",
           "province_mean", "vs_province_mean")

AWARD_SQL = """
WITH a AS (
    SELECT province_2025, province, district, period, year,
           sum(awards) FILTER (WHERE award = ?) AS value,
           sum(awards) FILTER (WHERE award = 'lao_dong_tien_tien') AS base
    FROM v_awards WHERE unit_level = 'district'
    GROUP BY ALL
), v AS (
    SELECT *, round(1000.0 * value / nullif(base, 0), 1) AS normalized FROM a WHERE value IS NOT NULL
)
SELECT ? AS metric, period, year, province_2025, province, district, value, base,
       coalesce(normalized, value) AS normalized,
       round(avg(coalesce(normalized, value)) OVER (PARTITION BY period, province_2025), 2) AS province_mean,
       round(coalesce(normalized, value) - avg(coalesce(normalized, value)) OVER (PARTITION BY period, province_2025),
             2) AS vs_province_mean,
       count(*) OVER (PARTITION BY period, province_2025) AS districts_in_province,
       rank() OVER (PARTITION BY period ORDER BY coalesce(normalized, value) DESC) AS rank,
       rank() OVER (PARTITION BY period ORDER BY coalesce(normalized, value) DESC) AS rank_best,
       false AS lower_is_better
FROM v
"""


def resolve_metric(metric: Optional[str]) -> str:
    m = (metric or "awards").strip()
    return ALIASES.get(m, m)


def ranking(con, metric: Optional[str] = None, period: Optional[str] = None) -> tuple[str, Optional[str], list[dict]]:
    """(metric, period, rows best first) for the metric in the period (default: the
    latest period with data)."""
    m = resolve_metric(metric)
    if m.startswith("award:"):
        code = m.split(":", 1)[1]
        sql, params = f"SELECT * FROM ({AWARD_SQL}) t", [code, m]
    else:
        sql, params = "SELECT * FROM v_compare WHERE metric = ?", [m]
    if period is None:
        r = con.execute(f"SELECT period FROM ({sql}) t GROUP BY period "
                        "ORDER BY max(coalesce(year, try_cast(substr(period, -4) AS INTEGER))) DESC NULLS LAST, "
                        "count(*) DESC, period DESC LIMIT 1", params).fetchone()
        period = r[0] if r else None
    cur = con.execute(f"SELECT * FROM ({sql}) t WHERE period = ? ORDER BY rank_best, district",
                      params + [str(period)])
    cols = [c[0] for c in cur.description]
    return m, period, [dict(zip(cols, r)) for r in cur.fetchall()]


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        s = f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v - round(v)) > 1e-9 else f"{v:,.0f}"
        return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return str(v)


def print_table(rows: list[dict], out: TextIO, limit: int) -> None:
    cells = [[_fmt(r.get(c)) for c in COLUMNS] for r in rows[:limit]]
    heads = ["rank" if c == "rank_best" else c for c in COLUMNS]
    widths = [max([len(c)] + [len(x[i]) for x in cells]) for i, c in enumerate(heads)]
    out.write("  ".join(c.ljust(w) for c, w in zip(heads, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for x in cells:
        out.write("  ".join(v.rjust(w) if i not in (1, 2, 3, 4) else v.ljust(w)
                            for i, (v, w) in enumerate(zip(x, widths))).rstrip() + "\n")


def compare_command(db: str, *, metric: Optional[str] = None, period: Optional[str] = None,
                    award: Optional[str] = None, limit: int = 50, fmt: str = "table",
                    out: TextIO = sys.stdout) -> int:
    from pathlib import Path

    from warehouse import connect

    if award and not (metric or "").startswith("award:"):
        metric = f"award:{award}"
    con = connect(db, read_only=True) if Path(db).exists() else connect(db)
    try:
        m, p, rows = ranking(con, metric, period)
    finally:
        con.close()
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(["rank" if c == "rank_best" else c for c in COLUMNS])
        for r in rows[:limit]:
            w.writerow([r.get(c) for c in COLUMNS])
        return 0
    title = TITLES.get(m, f"{m.split(':', 1)[1]} / 1.000 Lao động tiên tiến" if m.startswith("award:") else m)
    if not rows:
        out.write(f"no data for {m}" + (f" in {p}" if p else "") + "; metrics: "
                  + ", ".join(sorted(TITLES)) + ", award:<code>\n")
        return 0
    better = "thấp hơn là tốt hơn" if rows[0].get("lower_is_better") else "cao hơn xếp trước"
    out.write(f"{m} — {title}, kỳ {p} ({len(rows)} đơn vị; {better}; "
              f"province_mean = trung bình các huyện cùng tỉnh)\n")
    print_table(rows, out, limit)
    return 0
