"""``percent_mismatch``: a fraction against its stated percent, and indicator-table
rows (result / target) against their ``%`` column.

Tolerance (see docs/CHECKS.md):

* the stated percent is the interval its digits allow, rounded or truncated
  (``15,8`` -> [15,75; 15,9));
* the computed percent uses the inputs as written (the writer computed the
  percent from the figures shown);
* indicator tables get one more percentage point of slack: writers compute the
  ``%`` column from unrounded figures or round it to whole points;
* a target written as a range (``650-700``) accepts every percent between
  result/high and result/low, and 100 when the result lies inside the range; a
  bound (``>95``) is read as its number;
* a row whose indicator is better lower (a decrease, a poverty or malnutrition
  rate) also accepts target/result: writers score those that way (``Tỷ lệ hộ
  nghèo | 12 | 10,8 | 111``); any other row must not (``Trồng tái canh | 420 |
  398 | 105,5`` is 94,8 %, divided the wrong way round); a "decrease" indicator
  (``Giảm tỷ lệ ...``, poverty, malnutrition, birth-rate rows) for which no
  reading fits is left alone (the writers' conventions for them vary);
* a figure the number reader was unsure of (confidence < 1), and every number
  written in the row's cells, are tried as alternative readings before anything
  is flagged.

Also: the shares of direct workers and of leaders/managers among one award's
recipients, stated together, must add up to 100 (±1).

Severity: ``error`` when the stated percent is off by more than 10 points and
10 % of itself (``44/10`` = 440 % stated as 88), else ``warning``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline.model import Finding

from .base import ERROR, INFO, WARNING, Context, FactRow, excerpt, finding, quote, vn, what, where
from .rounding import Interval, decimals_in_text, decimals_of, exact, ratio_percent, stated
from rules.lexicon import P

CODE = "percent_mismatch"
TABLE_SLACK = 1.0          # percentage points, indicator tables only
PROSE_SLACK = 0.0

_DECREASE = P("chk_percents_decrease")
_VN_NUM = re.compile(r"\d+(?:[.,\s]\d+)*")


def vn_numbers(text: Optional[str]) -> list[float]:
    """Every reading of every number in a cell (``17.68`` -> 17.68 and 17 680;
    ``1.020/750`` -> 1020 and 750; ``7,40`` -> 7.4)."""
    out: list[float] = []
    for m in _VN_NUM.finditer(text or ""):
        s = re.sub(r"\s", "", m.group(0))
        cands = set()
        if "," in s:
            a, _, b = s.rpartition(",")
            try:
                cands.add(float(a.replace(".", "") + "." + b))
            except ValueError:
                pass
        elif "." in s:
            parts = s.split(".")
            try:
                cands.add(float(s.replace(".", "")))          # thousands
                if len(parts) == 2:
                    cands.add(float(s))                       # a decimal point
            except ValueError:
                pass
        else:
            try:
                cands.add(float(s))
            except ValueError:
                pass
        out.extend(sorted(cands))
    return out


def _interval(f: FactRow) -> Interval:
    """Inputs are taken as written: the writer computed the percent from them."""
    return exact(f.value)


def _alternatives(f: FactRow) -> list[float]:
    if not f.ambiguous:
        return []
    return [f.value * 1000, f.value / 1000]


@dataclass
class RowReading:
    """How a row's stated percent was (or was not) explained."""
    ok: bool
    expected: Optional[float] = None      # the percent result / target gives, as read
    via: str = ""                         # ratio, range, fraction, inverse, alternative, cell, decrease
    alt_fact: Optional[FactRow] = None    # the fact whose alternative reading made it fit
    alt_value: Optional[float] = None     # and that reading
    notes: list[str] = field(default_factory=list)


def explain_row(ctx: Optional[Context], target: FactRow, result: FactRow, pct: FactRow,
                label: str = "") -> RowReading:
    """Does result / target agree with the stated percent, under some reasonable reading?"""
    S = stated(pct.value, decimals_of(pct.raw, pct.value))
    slack = TABLE_SLACK
    decrease = bool(_DECREASE.search((label or "").lower()))

    def fits(iv: Optional[Interval]) -> bool:
        return iv is not None and iv.overlaps(S, slack)

    R = _interval(result)
    primary: Optional[Interval] = None
    plain: Optional[float] = None
    # 1. the plain reading, a range, or a bound
    if target.bound == "range" and target.value_low is not None and target.value_high is not None:
        lo, hi = sorted((target.value_low, target.value_high))
        if lo > 0:
            primary = ratio_percent(R, Interval(lo, hi))
            if fits(primary):
                return RowReading(True, primary.mid, "range")
            if R.lo <= hi and R.hi >= lo and S.overlaps(exact(100), slack):
                return RowReading(True, 100.0, "range")
    if target.value and target.value > 0:
        iv = ratio_percent(R, _interval(target))
        primary = primary or iv
        if fits(iv):
            return RowReading(True, iv.mid, "ratio")
        plain = 100 * result.value / target.value
    if primary is None:
        return RowReading(True, None, "no target")
    expected = plain if plain is not None else primary.mid
    # 2. the result written as a fraction (1.020/750)
    if result.of_total:
        iv = ratio_percent(exact(result.value), exact(result.of_total))
        if fits(iv):
            return RowReading(True, iv.mid, "fraction")
    # 3. an indicator where lower is better (a decrease, a poverty or malnutrition
    #    rate) is scored the other way round: target / result
    if result.value and decrease:
        iv = ratio_percent(_interval(target), R)
        if fits(iv):
            return RowReading(True, iv.mid, "inverse")
    # 4. alternative readings of an ambiguous figure
    for f, alts in ((target, _alternatives(target)), (result, _alternatives(result))):
        for a in alts:
            t = a if f is target else target.value
            r = a if f is result else result.value
            if t and t > 0 and fits(ratio_percent(exact(r), exact(t))):
                return RowReading(True, 100 * r / t, "alternative", alt_fact=f, alt_value=a)
    # 5. every number written in the row's target and result cells
    if ctx is not None and target.table_index is not None:
        tcell, rcell = _cell(ctx, target), _cell(ctx, result)
        tvals = vn_numbers(tcell) or [target.value]
        rvals = vn_numbers(rcell) or [result.value]
        if len(rvals) >= 2 and "/" in (rcell or ""):
            a, b = rvals[0], rvals[-1]
            if b and fits(ratio_percent(exact(a), exact(b))):
                return RowReading(True, 100 * a / b, "fraction")
        for t in tvals:
            for r in rvals:
                if t and t > 0 and fits(ratio_percent(exact(r), exact(t))):
                    alt = target if _x1000(t, target.value) else result if _x1000(r, result.value) else None
                    return RowReading(True, 100 * r / t, "cell", alt_fact=alt,
                                      alt_value=t if alt is target else r if alt is result else None)
    if decrease:
        return RowReading(True, expected, "decrease")
    return RowReading(False, expected, "ratio")


def _x1000(a: float, b: Optional[float]) -> bool:
    """a is b read a thousand times larger or smaller."""
    if not b or not a:
        return False
    q = a / b
    return abs(q - 1000) < 1e-3 or abs(q - 0.001) < 1e-9


def _cell(ctx: Context, f: FactRow) -> Optional[str]:
    if f.table_index is None or f.row_index is None or f.col_index is None:
        return f.raw
    rows = ctx.table(f.doc_id, f.table_index)
    if f.row_index < len(rows) and f.col_index < len(rows[f.row_index]):
        return rows[f.row_index][f.col_index]
    return f.raw


def severity(expected: float, observed: float) -> str:
    d = abs(expected - observed)
    return ERROR if d > 10 and d > 0.1 * abs(observed) else WARNING


def indicator_rows(ctx: Context) -> list[tuple[FactRow, FactRow, FactRow]]:
    """(target, result, percent) of every indicator-table row that has all three."""
    rows: dict[tuple, dict[str, list[FactRow]]] = {}
    for f in ctx.facts:
        if f.metric in ("indicator.target", "indicator.result", "indicator.percent_of_target") \
                and f.table_index is not None and f.row_index is not None:
            rows.setdefault((f.doc_id, f.table_index, f.row_index), {}).setdefault(f.metric, []).append(f)
    out = []
    for key in sorted(rows, key=lambda k: (k[0], k[1], k[2])):
        r = rows[key]
        if not all(m in r for m in ("indicator.target", "indicator.result", "indicator.percent_of_target")):
            continue
        for pct in r["indicator.percent_of_target"]:
            col = pct.col_index if pct.col_index is not None else 10 ** 6
            results = sorted(r["indicator.result"], key=lambda f: (f.col_index is None or f.col_index > col,
                                                                    -(f.col_index or 0)))
            targets = sorted(r["indicator.target"], key=lambda f: -(f.col_index or 0))
            out.append((targets[0], results[0], pct))
    return out


def check_tables(ctx: Context) -> list[Finding]:
    out = []
    for target, result, pct in indicator_rows(ctx):
        label = pct.label or result.label or target.label or ""
        rd = explain_row(ctx, target, result, pct, label)
        if rd.ok or rd.expected is None:
            continue
        exp = round(rd.expected, 1)
        sev = severity(exp, pct.value)
        msg = (f"Tỷ lệ % so với mục tiêu không khớp: {where(pct) or 'bảng chỉ tiêu'} ghi {vn(pct.value)}%, "
               f"nhưng kết quả {vn(result.value)} / mục tiêu {target.raw or vn(target.value)} = {vn(exp, 1)}% "
               f"(lệch {vn(abs(exp - pct.value), 1)} điểm %, quá sai số làm tròn). "
               f"Dòng: {quote(pct.text or result.text)}.")
        out.append(finding(CODE, sev, pct.doc_id, msg, fact_ids=[target.fact_id, result.fact_id, pct.fact_id],
                           expected=exp, observed=pct.value, rule="percent.indicator_row"))
    return out


_OF_PLAN = P("chk_percents_of_plan")


def _percent_of_something_else(ctx: Context, f: FactRow) -> bool:
    """``8/18 xã đạt chuẩn, đạt 100% kế hoạch``: the percent is of a plan, not the fraction."""
    text = ctx.text(f.doc_id)
    if f.char_end is None or not text:
        return False
    window = text[f.char_end:f.char_end + 160]
    for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s*%", window):
        try:
            v = float(m.group(1).replace(",", "."))
        except ValueError:
            continue
        if abs(v - f.stated_percent) < 1e-6:
            return bool(_OF_PLAN.match(window[m.end():m.end() + 30]))
    return False


def check_fractions(ctx: Context) -> list[Finding]:
    out = []
    seen: set[tuple] = set()
    for f in ctx.facts:
        if f.of_total is None or f.stated_percent is None or not f.of_total or f.of_total <= 0:
            continue
        key = (f.doc_id, f.char_start, f.value, f.of_total, f.stated_percent)
        if key in seen:
            continue
        seen.add(key)
        if _percent_of_something_else(ctx, f):
            continue
        d = decimals_in_text(f.text, f.stated_percent)
        S = stated(f.stated_percent, d if d is not None else decimals_of(None, f.stated_percent))
        iv = ratio_percent(exact(f.value), exact(f.of_total))
        if iv is None or iv.overlaps(S, PROSE_SLACK):
            continue
        if any(iv2 is not None and iv2.overlaps(S, PROSE_SLACK)
               for a in _alternatives(f) for iv2 in [ratio_percent(exact(a), exact(f.of_total))]):
            continue
        exp = round(100 * f.value / f.of_total, 2 if d and d >= 2 else 1)
        msg = (f"Tỷ lệ không khớp với phân số: {vn(f.value)}/{vn(f.of_total)} = {vn(exp)}%, nhưng văn bản ghi "
               f"{vn(f.stated_percent)}% (lệch {vn(abs(exp - f.stated_percent), 2)} điểm %). "
               f"Câu: {excerpt(ctx, f)}" + (f" ({where(f)})" if where(f) else "") + ".")
        out.append(finding(CODE, severity(exp, f.stated_percent), f.doc_id, msg, fact_ids=[f.fact_id],
                           expected=exp, observed=f.stated_percent, rule="percent.fraction"))
    return out


def check_stated_bases(ctx: Context) -> list[Finding]:
    """``834 hộ nghèo/53.577 hộ, tỷ lệ 1,56%``: the count's written base and the rate stated
    with it (paired as the ratio check pairs them) must agree. Counts that carry their own
    stated percent (table rows) are ``check_fractions``' business."""
    from .ratios import pairs_of
    out = []
    for key in sorted(pairs := pairs_of(ctx)):
        for p in pairs[key]:
            c, r = p.count, p.rate
            if c.stated_percent is not None or p.fits_stated_base():
                continue
            exp = round(100 * c.value / p.stated_base, 2)
            msg = (f"Tỷ lệ không khớp với phân số: {vn(c.value)}/{vn(p.stated_base)} hộ = {vn(exp)}%, nhưng văn bản "
                   f"ghi {vn(r.value)}% (lệch {vn(abs(exp - r.value), 2)} điểm %). Câu: {excerpt(ctx, r)}.")
            out.append(finding(CODE, severity(exp, r.value), r.doc_id, msg, fact_ids=[c.fact_id, r.fact_id],
                               expected=exp, observed=r.value, rule="percent.stated_base"))
    return out


SHARE_SLACK = 1.0


def check_shares(ctx: Context) -> list[Finding]:
    """Direct workers and leaders/managers are the two halves of one award's
    recipients (``người trực tiếp lao động, sản xuất đạt 71%; lãnh đạo, quản lý đạt
    29%``): stated together, their shares must add up to 100 (±1 point of
    rounding)."""
    out = []
    groups: dict[tuple, dict[str, FactRow]] = {}
    for f in ctx.facts:
        if f.metric in ("award.direct_worker_share", "award.leader_share") and f.is_exact and f.value is not None:
            k = (f.doc_id, f.award or "", f.period or "", f.qualifier or "", f.recipient or "", f.text or "")
            groups.setdefault(k, {}).setdefault(f.metric, f)
    for k in sorted(groups):
        g = groups[k]
        if len(g) < 2:
            continue
        d, l = g["award.direct_worker_share"], g["award.leader_share"]
        total = d.value + l.value
        if abs(total - 100) <= SHARE_SLACK:
            continue
        first, second = sorted((d, l), key=lambda f: f.char_start or 0)
        exp = round(100 - first.value, 2)
        msg = (f"Hai tỷ lệ bổ sung cho nhau không cộng thành 100%: người lao động trực tiếp {vn(d.value)}% + lãnh đạo, "
               f"quản lý {vn(l.value)}% = {vn(total)}% ({what(d)}). Với {vn(first.value)}%, tỷ lệ còn lại phải là "
               f"{vn(exp)}%. Câu: {excerpt(ctx, second)}.")
        out.append(finding(CODE, severity(exp, second.value), second.doc_id, msg, fact_ids=[first.fact_id, second.fact_id],
                           expected=exp, observed=second.value, rule="percent.complementary_shares"))
        exp2 = round(100 - second.value, 2)
        out.append(finding(CODE, INFO, first.doc_id,
                           f"(Cách đọc khác của cùng phát hiện) Nếu {vn(second.value)}% đúng thì tỷ lệ kia phải là "
                           f"{vn(exp2)}%, không phải {vn(first.value)}%. Câu: {excerpt(ctx, first)}.",
                           fact_ids=[first.fact_id, second.fact_id], expected=exp2, observed=first.value,
                           rule="percent.complementary_shares.other"))
    return out


def check(ctx: Context) -> list[Finding]:
    return check_fractions(ctx) + check_stated_bases(ctx) + check_tables(ctx) + check_shares(ctx)
