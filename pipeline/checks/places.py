"""Fill ``place_lookup`` (migration 010) from the names the documents and facts
use, so the analyst views give one canonical name to a district however it is
written and map every unit to today's province.

Each distinct spelling (``huyện Trùng Khánh``, ``H. Trùng Khánh``, ``Trùng
khánh``) is looked up in the gazetteer (:mod:`rules.gazetteer`) within its
document's province; what the gazetteer does not know keeps the spelling most
often written, without its prefix.  Keys are computed by the views' own
``tdkt_key`` macro so the views' joins always agree with this table.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional


def _gazetteer():
    try:
        from rules import gazetteer as g
        g.gazetteer()          # loads the data; fails when the package is missing
        return g
    except Exception:
        return None


def _strip(name: str) -> str:
    from .units import _PREFIX
    s = name.strip()
    m = _PREFIX.match(s.lower())
    return s[m.end():].strip() if m and m.end() < len(s) else s


def refresh_places(con) -> int:
    """Rewrite ``place_lookup``; returns the number of rows."""
    g = _gazetteer()
    docs = con.execute("SELECT district, province, count(*) FROM documents WHERE status = 'ok' "
                       "AND district IS NOT NULL GROUP BY ALL").fetchall()
    subs = con.execute("SELECT f.subject, f.subject_level, d.district, d.province, count(*) FROM facts f "
                       "JOIN documents d USING (doc_id) WHERE f.subject IS NOT NULL "
                       "AND coalesce(f.subject_level, '') IN ('district', 'commune', '') GROUP BY ALL").fetchall()
    key = lambda s: con.execute("SELECT tdkt_key(?)", [s]).fetchone()[0] if s else ""  # noqa: E731
    rows: dict[tuple[str, str, str], dict] = {}
    spellings: dict[tuple[str, str, str], Counter] = {}

    def add(level: str, name: str, province: Optional[str], district: Optional[str], n: int) -> None:
        pk = key(province) if province else ""
        k = (key(name), level, pk)
        if not k[0]:
            return
        spellings.setdefault(k, Counter())[_strip(name)] += n
        if k in rows:
            return
        rec = dict(name=None, district=None, province=_strip(province) if province else None,
                   province_2025=None, source="document")
        if g is not None:
            try:
                if level == "district":
                    cands = g.find_districts(name, province) if province else g.find_districts(name)
                    if len(cands) >= 1 and len({(c.name, c.province) for c in cands}) == 1:
                        rec.update(name=cands[0].name, province=cands[0].province, source="gazetteer")
                    rec["province_2025"] = g.province_2025(province, name)
                else:
                    cands = g.find_communes(name, district=district, province=province) if district else []
                    if not cands and province:
                        cands = g.find_communes(name, province=province)
                    if len({(c.name, c.district, c.province) for c in cands}) == 1:
                        c = cands[0]
                        rec.update(name=c.name, district=c.district, province=c.province, source="gazetteer")
                    rec["province_2025"] = g.province_2025(province, district, name)
            except Exception:
                pass
        rec.setdefault("district", district)
        if level == "commune" and rec["district"] is None and district:
            rec["district"] = _strip(district)
        rows[k] = rec

    for district, province, n in docs:
        add("district", district, province, None, n)
    for subject, level, district, province, n in subs:
        add(level or ("commune" if district else "district"), subject, province, district, n)
    out = []
    for k, rec in rows.items():
        name = rec["name"] or spellings[k].most_common(1)[0][0]
        out.append([k[0], k[1], k[2], name, rec["district"], rec["province"], rec["province_2025"], rec["source"]])
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM place_lookup")
        if out:
            con.executemany("INSERT INTO place_lookup VALUES (?, ?, ?, ?, ?, ?, ?, ?)", out)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(out)
