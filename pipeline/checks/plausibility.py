"""``implausible_value`` and ``ambiguous_number``.

``implausible_value``:

* a rate or share above 100 % (``poverty.*_rate``, ``award.*_share``, and
  ``tỷ lệ`` rows and phrases in percent — not growth or "so với" comparisons,
  which may exceed 100) — ``error``;
* natural population growth above 3 %/year (``Tỷ lệ tăng dân số tự nhiên``:
  9,2 where 0,92 was meant) — ``warning``;
* a figure a thousand times off its neighbours: in an indicator row, a target or
  result that only fits the row's stated percent when read 1000 times larger or
  smaller, while the number reader took it as certain — ``warning``.  When the
  reader had flagged it, the figure is reported as ``ambiguous_number`` instead;
* a count (households, people, collectives, communes) written with a decimal
  comma (``41,286 hộ``): not a whole number the Vietnamese way — ``warning``,
  ``observed`` the value as written (41,286), ``expected`` the thousands reading;
  likewise a count the number reader read, with certainty, as a decimal
  (``10.98`` in a column of ``6644.00``, ``6150.00``), ``observed`` that value.

``ambiguous_number`` (``info``): every figure the number reader had to choose a
reading for (``confidence < 1``: ``17.68`` read as 17 680), so an analyst can
confirm it.
"""
from __future__ import annotations

import re

from pipeline.model import Finding

from .base import ERROR, INFO, WARNING, Context, FactRow, excerpt, finding, quote, vn, where
from .percents import explain_row, indicator_rows
from rules.lexicon import P

IMPLAUSIBLE, AMBIGUOUS = "implausible_value", "ambiguous_number"
RATE_METRICS = re.compile(r"^(poverty\.\w*_rate|award\.\w*_share|poverty\.poor_rate_reduction)$")
RATE_LABEL = P("chk_plausibility_rate_label")
NOT_A_SHARE = P("chk_plausibility_not_a_share")
POP_GROWTH = P("chk_plausibility_pop_growth")
MAX_POP_GROWTH = 3.0
SLIP_FORM = re.compile(r"^\s*\d{1,3}\.\d{1,2}\s*$")    # 17.68, 13.10, 1.95: a decimal point or a slip


def _is_percent(f: FactRow) -> bool:
    return (f.unit or "").strip() in ("percent", "%") or "%" in (f.raw or "")


def rates_over_100(ctx: Context) -> list[Finding]:
    out = []
    for f in ctx.facts:
        if f.value is None or f.value <= 100 or not f.is_exact:
            continue
        if f.metric == "indicator.percent_of_target":
            continue
        label = f.label or ""
        if RATE_METRICS.match(f.metric or ""):
            pass
        elif (f.metric in ("indicator.result", "indicator.target", "quantity") and _is_percent(f)
              and RATE_LABEL.search(label) and not NOT_A_SHARE.search(label)):
            pass
        else:
            continue
        msg = (f"Tỷ lệ vượt 100%: {label or f.metric} ghi {vn(f.value)}%, một tỷ lệ (phần của một tổng) không thể "
               f"lớn hơn 100%. Nguồn: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
        out.append(finding(IMPLAUSIBLE, ERROR, f.doc_id, msg, fact_ids=[f.fact_id], expected=100.0,
                           observed=f.value, rule="plausible.rate_over_100"))
    return out


def population_growth(ctx: Context) -> list[Finding]:
    out = []
    for f in ctx.facts:
        if f.metric not in ("indicator.result", "quantity") or f.value is None:
            continue
        if not POP_GROWTH.search(f.label or "") or f.value <= MAX_POP_GROWTH:
            continue
        meant = f.value / 10 if f.value / 10 <= MAX_POP_GROWTH else None
        msg = (f"Giá trị khó tin: {f.label} ghi {vn(f.value)}%/năm; tỷ lệ tăng dân số tự nhiên thường dưới "
               f"{vn(MAX_POP_GROWTH)}%/năm" + (f" (có thể là {vn(meant, 2)}%)" if meant else "") +
               f". Nguồn: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
        out.append(finding(IMPLAUSIBLE, WARNING, f.doc_id, msg, fact_ids=[f.fact_id],
                           expected=meant if meant is not None else MAX_POP_GROWTH, observed=f.value,
                           rule="plausible.population_growth"))
    return out


def thousandfold(ctx: Context) -> list[Finding]:
    out = []
    for target, result, pct in indicator_rows(ctx):
        rd = explain_row(ctx, target, result, pct, pct.label or result.label or "")
        f = rd.alt_fact
        if not rd.ok or f is None or f.ambiguous or SLIP_FORM.match(f.raw or ""):
            continue
        meant = rd.alt_value
        if meant is None:
            continue
        msg = (f"Số liệu lệch khoảng 1000 lần so với cùng dòng: {where(f) or f.label} ghi {f.raw or vn(f.value)} "
               f"(đọc là {vn(f.value)}), nhưng mục tiêu/kết quả/tỷ lệ % của dòng chỉ khớp khi đọc là "
               f"{vn(meant)}. Dòng: {quote(f.text)}.")
        out.append(finding(IMPLAUSIBLE, WARNING, f.doc_id, msg, fact_ids=[target.fact_id, result.fact_id,
                                                                         pct.fact_id],
                           expected=meant, observed=f.value, rule="plausible.thousandfold"))
    return out


COUNT_METRICS = re.compile(r"^(award\.count|poverty\.\w*_households|ntm\.(?:communes|villages|districts)_\w+)$")
DECIMAL_COMMA = re.compile(r"^\s*(\d{1,3}),(\d{1,3})(?![\d.,%])[^\d%]*$")     # 41,286 / 41,286 hộ


def fractional_counts(ctx: Context) -> list[Finding]:
    """A count of households, people or collectives written with a decimal comma
    (``41,286 hộ``): in Vietnamese that reads 41,286 households, which cannot be;
    most likely thousands grouped the English way (41 286)."""
    out = []
    seen: set[tuple] = set()
    for f in ctx.facts:
        if not COUNT_METRICS.match(f.metric or "") or f.of_total is not None or f.value is None \
                or (f.unit or "") in ("percent", "%"):
            continue    # (a share of communes in percent, "74,1% số xã", is no count)
        m = DECIMAL_COMMA.match(f.raw or "")
        if m is None:
            if abs(f.value - round(f.value)) > 1e-9 and not f.ambiguous and (key := (f.doc_id, f.char_start)) not in seen:
                # "Số hộ thoát nghèo | 10.98" among cells written "6644.00": read as a decimal, no count
                seen.add(key)
                out.append(_fractional(ctx, f))
            continue
        if abs(f.value - round(f.value)) < 1e-9 and not f.ambiguous:
            continue                    # read as a whole number with a scale word (``1,5 nghìn``)
        key = (f.doc_id, f.char_start)
        if key in seen:
            continue
        seen.add(key)
        as_written = float(f"{m.group(1)}.{m.group(2)}")
        whole = float(m.group(1) + m.group(2)) if len(m.group(2)) == 3 else None
        msg = (f"Giá trị khó tin: số đếm ghi “{f.raw.strip()}” — theo cách viết số của Việt Nam là "
               f"{vn(as_written, len(m.group(2)))}, không thể là số lẻ" +
               (f"; có lẽ là {vn(whole)} (dấu phẩy phân cách hàng nghìn)" if whole else "") +
               f". Nguồn: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
        out.append(finding(IMPLAUSIBLE, WARNING, f.doc_id, msg, fact_ids=[f.fact_id], expected=whole,
                           observed=as_written, rule="plausible.fractional_count"))
    return out


def _fractional(ctx: Context, f: FactRow) -> Finding:
    msg = (f"Giá trị khó tin: số đếm ghi “{(f.raw or vn(f.value, 2)).strip()}”, đọc là {vn(f.value, 2)} — một số đếm "
           f"(hộ, người, tập thể, xã) không thể là số lẻ. Nguồn: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
    return finding(IMPLAUSIBLE, WARNING, f.doc_id, msg, fact_ids=[f.fact_id], expected=None, observed=f.value,
                   rule="plausible.fractional_count")


def ambiguous(ctx: Context) -> list[Finding]:
    out = []
    seen: set[tuple] = set()
    for f in ctx.facts:
        if not f.ambiguous:
            continue
        key = (f.doc_id, f.char_start, f.char_end)
        if key in seen:
            continue
        seen.add(key)
        msg = (f"Số viết không rõ cách đọc: “{f.raw or vn(f.value)}” được đọc là {vn(f.value)}"
               f" (độ tin cậy {vn(f.confidence, 1)})" + (f"; {f.note}" if f.note else "") +
               f". Cần xác nhận. Nguồn: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
        out.append(finding(AMBIGUOUS, INFO, f.doc_id, msg, fact_ids=[f.fact_id], observed=f.value,
                           rule="plausible.ambiguous"))
    return out


def check(ctx: Context) -> list[Finding]:
    return (rates_over_100(ctx) + population_growth(ctx) + thousandfold(ctx) + fractional_counts(ctx)
            + ambiguous(ctx))
