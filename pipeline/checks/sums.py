"""``sum_mismatch``: parts against their stated total.

Two sources of totals:

* *breakdowns*: facts whose ``parent_fact_id`` points at a total
  (``tặng Bằng khen cho 52 tập thể ..., cụ thể: ... 12 tập thể ... 40 tập thể``;
  ``4.235,04ha, trong đó xã Hà Vinh là 895ha, ...``).  Only parts measured like
  the total are summed: the same unit, the same recipient when the total names
  one (``52 tập thể, 78 cá nhân`` are two totals), no share or rate under a
  count, and no attribute qualifier (``nữ``, ``dân tộc thiểu số``: subsets, not
  a partition);
* *table total rows* (``Tổng cộng`` / ``Cộng`` / ``Tổng số``): the rows above (or
  below) in the same count column (a row the rules did not read is read from its
  cell); and *total columns* (``Cộng``) against the award counts of their row.

Also: multidimensional poverty (households, rate) against poor + near-poor of
the same document, period and place.

Tolerance: half a unit of the last shown digit of every figure (``795,46`` is
±0,005), so sums of rounded figures are not flagged.  A single part smaller than
its total is a subset (``trong đó 120 hộ ...``), not a breakdown: not flagged.
A mismatch that an alternative reading of an ambiguous figure explains is left to
``ambiguous_number``; parts that add up to another figure of the total's sentence
(measured the same way) were linked to the wrong total and are not flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.model import Finding

from .base import ERROR, WARNING, Context, FactRow, excerpt, finding, vn, what, where
from .rounding import half_unit
from rules.lexicon import P

CODE = "sum_mismatch"
ATTRIBUTE = P("chk_sums_attribute")
TOTAL_ROW = P("chk_sums_total_row")
SUB_ROW = P("chk_sums_sub_row")
_GROUP_NUMBER = re.compile(r"[IVXLC]+\.?")     # "III | Khen thưởng cấp huyện | ...": a group row


EXACT_UNITS = {"count", "household", "person", "commune", "village"}


def _half_unit(f: FactRow) -> float:
    """Half a unit of the last digit shown; nothing for a whole count (``09 cá
    nhân``, ``1.184 hộ``): counts add up exactly."""
    h = half_unit(f.raw, f.value)
    if (f.unit in EXACT_UNITS or f.metric == "award.count") and abs(h - 0.5) < 1e-12 \
            and abs(f.value - round(f.value)) < 1e-9:
        return 0.0
    return h


def _compatible(total: FactRow, part: FactRow) -> bool:
    if (part.unit or None) != (total.unit or None):
        return False
    if part.metric and total.metric and part.metric != total.metric:
        if part.unit == "percent" or (part.metric.endswith(("_share", "_rate")) !=
                                      total.metric.endswith(("_share", "_rate"))):
            return False
    if total.recipient not in (None, "mixed") and part.recipient not in (None, total.recipient):
        return False
    if part.qualifier and ATTRIBUTE.search(part.qualifier):
        return False
    if total.award not in GENERIC_AWARDS and part.award not in GENERIC_AWARDS and part.award != total.award:
        return False
    return part.value is not None


def _explained_by_ambiguity(total: FactRow, parts: list[FactRow], tol: float) -> bool:
    figs = [total] + parts
    for i, f in enumerate(figs):
        if not f.ambiguous:
            continue
        for alt in (f.value * 1000, f.value / 1000):
            vals = [alt if j == i else g.value for j, g in enumerate(figs)]
            if abs(vals[0] - sum(vals[1:])) <= tol:
                return True
    return False


GENERIC_AWARDS = {None, "", "khen_thuong", "dien_hinh_tien_tien"}


def _another_total_fits(ctx: Context, total: FactRow, parts: list[FactRow], s: float, tol: float) -> bool:
    """The parts add up to another figure of the total's sentence, measured the same
    way (``Cờ thi đua cho 09 tập thể; Bằng khen cho 142 tập thể ..., trong đó: 58
    ...; 84 ...``): the breakdown was linked to the wrong total, the report is right."""
    for f in ctx.by_doc.get(total.doc_id, []):
        if f is total or f.parent_fact_id or f.text != total.text or (f.unit or None) != (total.unit or None):
            continue
        if total.recipient and f.recipient not in (None, total.recipient, "mixed"):
            continue
        if f.value is not None and abs(f.value - s) <= tol:
            return True
    return False


def _severity(total: float, s: float) -> str:
    return ERROR if total and abs(total - s) / abs(total) > 0.1 else WARNING


def _message(ctx: Context, total: FactRow, parts: list[FactRow], s: float, kind: str) -> str:
    what_ = what(total)
    items = " + ".join(vn(p.value) for p in parts[:12]) + (" + …" if len(parts) > 12 else "")
    diff = total.value - s
    loc = where(total)
    return (f"Tổng không khớp với các phần ({kind}): tổng ghi {vn(total.value)}"
            f"{' ' + total.unit if total.unit and total.unit not in ('count', 'percent') else ''} ({what_}), "
            f"nhưng cộng {len(parts)} phần {items} = {vn(s)} (chênh {vn(abs(diff))}, "
            f"{'tổng lớn hơn' if diff > 0 else 'tổng nhỏ hơn'}). "
            f"Câu/dòng: {excerpt(ctx, total)}" + (f" ({loc})" if loc else "") + ".")


def check_breakdowns(ctx: Context) -> list[Finding]:
    out = []
    for pid in sorted(ctx.children):
        total = ctx.by_id[pid]
        if not total.is_exact or total.value is None:
            continue
        parts = [p for p in ctx.children[pid] if _compatible(total, p)]
        if not parts or any(not p.is_exact for p in parts):
            continue
        s = sum(p.value for p in parts)
        tol = _half_unit(total) + sum(_half_unit(p) for p in parts) + 1e-9
        if abs(s - total.value) <= tol:
            continue
        if len(parts) == 1 and s < total.value:
            continue            # one part named out of a total: a subset
        if _explained_by_ambiguity(total, parts, tol) or _another_total_fits(ctx, total, parts, s, tol):
            continue
        out.append(finding(CODE, _severity(total.value, s), total.doc_id,
                           _message(ctx, total, parts, s, "liệt kê chi tiết"),
                           fact_ids=[total.fact_id] + [p.fact_id for p in parts], expected=round(s, 6),
                           observed=total.value, rule="sum.breakdown"))
    return out


def _row_label(rows: list[list[str]], i: int) -> str:
    for c in rows[i] if i < len(rows) else []:
        t = c.strip()
        if t and not re.fullmatch(r"[\d.,%\s/()-]+|[IVXLC]+\.?", t):
            return t
    return ""


COUNT_UNITS = {"count", "household", "person", "commune", "village", None}


def _cell_int(rows: list[list[str]], r: int, c: int) -> Optional[float]:
    """The whole number written in a cell (``1.152``, ``97``), None when there is
    none or the cell holds anything else."""
    if r >= len(rows) or c >= len(rows[r]):
        return None
    t = re.sub(r"\s+", "", rows[r][c] or "").strip("*")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", t):
        return float(t.replace(".", ""))
    return None


def column_adds_up(ctx: Context, f: FactRow) -> bool:
    """Is a table cell's value borne out by its column: the column has one total row and the
    cells above it add up to that total (``8 | Chiến sĩ thi đua cơ sở | | 181`` in a column whose
    ``Tổng cộng`` is 1.881 = the sum with 181)?"""
    if f.table_index is None or f.row_index is None or f.col_index is None:
        return False
    rows = ctx.table(f.doc_id, f.table_index)
    labels = [_row_label(rows, i) for i in range(len(rows))]
    groups = [i for i in range(len(rows)) if rows[i] and _GROUP_NUMBER.fullmatch(rows[i][0].strip())]
    ends = sorted(set(groups) | {i for i, lab in enumerate(labels) if TOTAL_ROW.match(lab)} | {len(rows)})
    head = max((g for g in groups if g < f.row_index), default=None)
    if head is None:
        # no group rows: the one total row below the cell
        totals = [i for i, lab in enumerate(labels) if TOTAL_ROW.match(lab)]
        if len(totals) != 1 or totals[0] <= f.row_index:
            return False
        head_value, seg = _cell_int(rows, totals[0], f.col_index), range(totals[0])
    else:
        # "III | Khen thưởng cấp huyện | 1.346 | 7.388": a group row is the sum of the rows under it
        head_value, seg = _cell_int(rows, head, f.col_index), range(head + 1, min(e for e in ends if e > head))
    parts = [v for i in seg if (v := _cell_int(rows, i, f.col_index)) is not None]
    return head_value is not None and len(parts) >= 2 and abs(sum(parts) - head_value) < 1e-9


def breakdown_adds_up(ctx: Context, f: FactRow) -> bool:
    """Is a figure borne out by a breakdown: a total whose parts add up to it, or a part of one?"""
    def adds(t: FactRow) -> bool:
        kids = ctx.children.get(t.fact_id, [])
        return len(kids) >= 2 and abs(sum(k.value for k in kids) - t.value) < 1e-9
    parent = ctx.by_id.get(f.parent_fact_id) if f.parent_fact_id else None
    return adds(f) or (parent is not None and adds(parent))


@dataclass
class _Part:
    row: int
    value: float
    fact: Optional[FactRow]
    label: str


def check_table_totals(ctx: Context) -> list[Finding]:
    """Table rows ``Tổng cộng`` / ``Cộng`` against the rows they total, column by
    column, for the count columns the fact rules read (a row the rules left out
    is read from its cell)."""
    out = []
    tables: dict[tuple, list[FactRow]] = {}
    for f in ctx.facts:
        if (f.table_index is not None and f.row_index is not None and f.col_index is not None
                and f.metric and not f.metric.startswith("indicator.") and f.unit in COUNT_UNITS
                and not (f.metric or "").endswith(("_rate", "_share"))):
            tables.setdefault((f.doc_id, f.table_index), []).append(f)
    for (doc_id, tix) in sorted(tables):
        rows = ctx.table(doc_id, tix)
        labels = [_row_label(rows, i) for i in range(len(rows))]
        total_rows = [i for i, lab in enumerate(labels) if TOTAL_ROW.match(lab)]
        if not total_rows:
            continue
        by_col: dict[int, dict[int, FactRow]] = {}
        for f in tables[(doc_id, tix)]:
            by_col.setdefault(f.col_index, {}).setdefault(f.row_index, f)
        for col in sorted(by_col):
            facts = by_col[col]
            if len([r for r in facts if r not in total_rows]) < 2:
                continue
            first_data = min(facts)
            for r in total_rows:
                tf = facts.get(r)
                if tf is not None and (tf.fact_id in ctx.children or not tf.is_exact):
                    continue
                tv = tf.value if tf is not None else _cell_int(rows, r, col)
                if tv is None:
                    continue
                prev = max([t for t in total_rows if t < r], default=first_data - 1)
                if r < first_data:          # a total row above the rows it totals
                    nxt = min([t for t in total_rows if t > r], default=len(rows))
                    seg = range(r + 1, nxt)
                else:
                    seg = range(prev + 1, r)
                parts = []
                for i in seg:
                    if i in total_rows:
                        continue
                    v = facts[i].value if i in facts else _cell_int(rows, i, col)
                    if v is not None:
                        parts.append(_Part(i, v, facts.get(i), labels[i]))
                pf = [p.fact for p in parts if p.fact is not None]
                if len(parts) < 2 or len(pf) < 2 or any(not f.is_exact for f in pf):
                    continue
                top = [p for p in parts if not SUB_ROW.match(p.label)]
                above_all = [p for p in parts] + [
                    _Part(i, facts[i].value if i in facts else (_cell_int(rows, i, col) or 0), facts.get(i), labels[i])
                    for i in range(first_data, prev + 1) if i not in total_rows and i < r and i not in seg]
                subtotals = [facts[t].value if t in facts else (_cell_int(rows, t, col) or 0)
                             for t in total_rows if t < r]
                # "I | Khen thưởng cấp Nhà nước | 9 | ...": group rows, each the sum of the rows under it
                g0 = max([t for t in total_rows if t < r], default=-1) + 1
                grouped = [v for i in range(g0, r) if rows[i] and _GROUP_NUMBER.fullmatch(rows[i][0].strip())
                           and (v := facts[i].value if i in facts else _cell_int(rows, i, col)) is not None]
                sums = [sum(p.value for p in parts), sum(p.value for p in top),
                        sum(p.value for p in above_all)] + ([sum(subtotals)] if len(subtotals) >= 2 else []) \
                    + ([sum(grouped)] if len(grouped) >= 2 else [])
                if any(abs(x - tv) < 1e-9 for x in sums):
                    continue
                if tf is not None and _explained_by_ambiguity(tf, pf, 1e-9):
                    continue
                use = top if top and len(top) < len(parts) and abs(sums[1] - tv) < abs(sums[0] - tv) else parts
                sm = sum(p.value for p in use)
                items = " + ".join(vn(p.value) for p in use[:12]) + (" + …" if len(use) > 12 else "")
                row_text = " | ".join(c for c in rows[r] if c)
                head = next((rows[h][col] for h in range(0, first_data) if col < len(rows[h]) and rows[h][col]), "")
                msg = (f"Dòng tổng của bảng {tix + 1} không khớp: “{labels[r]}” ghi {vn(tv)}"
                       f"{' ở cột “' + head + '”' if head else ''}, nhưng cộng {len(use)} dòng {items} = {vn(sm)} "
                       f"(chênh {vn(abs(tv - sm))}). Dòng tổng: “{row_text}”.")
                ids = ([tf.fact_id] if tf is not None else []) + [p.fact.fact_id for p in use if p.fact is not None]
                out.append(finding(CODE, _severity(tv, sm), doc_id, msg, fact_ids=ids, expected=round(sm, 6),
                                   observed=tv, rule="sum.table_total", key=f"t{tix}r{r}c{col}"))
    return out


def check_row_totals(ctx: Context) -> list[Finding]:
    """A ``Cộng`` / ``Tổng số`` column against the count columns of its row
    (``Bằng khen của Thủ tướng Chính phủ | 01 | 01 | 02``)."""
    out = []
    tables: dict[tuple, list[FactRow]] = {}
    for f in ctx.facts:
        if (f.table_index is not None and f.row_index is not None and f.col_index is not None
                and f.metric == "award.count" and f.is_exact):
            tables.setdefault((f.doc_id, f.table_index), []).append(f)
    for (doc_id, tix) in sorted(tables):
        rows = ctx.table(doc_id, tix)
        facts = tables[(doc_id, tix)]
        first_data = min(f.row_index for f in facts)
        fact_cols = {f.col_index for f in facts}
        # the total column may carry facts of its own (the rules read "Cộng" of a table
        # by year as the figure of the whole period): it is still the total, not a part
        total_cols = [c for c in range(max((len(r) for r in rows), default=0)) if any(
            c < len(rows[h]) and TOTAL_ROW.match(rows[h][c] or "") for h in range(first_data))]
        if not total_cols:
            continue
        tc = total_cols[-1]
        fact_cols.discard(tc)
        if not fact_cols:
            continue
        by_row: dict[int, list[FactRow]] = {}
        for f in facts:
            if f.col_index != tc:
                by_row.setdefault(f.row_index, []).append(f)
        for r in sorted(by_row):
            fs = sorted({f.col_index: f for f in by_row[r]}.values(), key=lambda f: f.col_index)
            tv = _cell_int(rows, r, tc)
            if tv is None or not fs:
                continue
            other = [c for c in sorted(fact_cols) if c not in {f.col_index for f in fs}]
            extra = [_cell_int(rows, r, c) for c in other]
            if any(v is not None for v in extra):
                continue                 # a count the rules did not read: cannot tell
            sm = sum(f.value for f in fs)
            if abs(sm - tv) < 1e-9 or (len(fs) == 1 and sm < tv):
                continue
            label = _row_label(rows, r)
            row_text = " | ".join(c for c in rows[r] if c)
            msg = (f"Cột tổng của bảng {tix + 1} không khớp ở dòng “{label}”: ghi {vn(tv)}, nhưng "
                   f"{' + '.join(vn(f.value) for f in fs)} = {vn(sm)} (chênh {vn(abs(tv - sm))}). Dòng: “{row_text}”.")
            out.append(finding(CODE, _severity(tv, sm), doc_id, msg, fact_ids=[f.fact_id for f in fs],
                               expected=sm, observed=tv, rule="sum.row_total", key=f"t{tix}r{r}c{tc}"))
        out.extend(_group_row_totals(rows, tix, doc_id, sorted(fact_cols), tc, first_data, set(by_row)))
    return out


def _group_row_totals(rows: list[list[str]], tix: int, doc_id: str, cols: list[int], tc: int, first_data: int,
                      read: set[int]) -> list[Finding]:
    """Group rows the rules read no award from (``III | Khen thưởng cấp huyện | 1.346 | 7.388 |
    8.743``): their cells against their total column, as written."""
    out = []
    for r in range(first_data, len(rows)):
        if r in read or not rows[r]:
            continue
        label = _row_label(rows, r)
        if not _GROUP_NUMBER.fullmatch(rows[r][0].strip()):
            continue        # (a total row's cells are checked down their columns: one slip, one finding)
        tv = _cell_int(rows, r, tc)
        vals = [_cell_int(rows, r, c) for c in cols]
        blank = [c for c, v in zip(cols, vals) if v is None]
        if tv is None or len(vals) - len(blank) < 2 or any(
                re.sub(r"[\s\-–—]", "", rows[r][c] if c < len(rows[r]) else "") for c in blank):
            continue
        sm = sum(v for v in vals if v is not None)
        if abs(sm - tv) < 1e-9:
            continue
        row_text = " | ".join(c for c in rows[r] if c)
        msg = (f"Cột tổng của bảng {tix + 1} không khớp ở dòng “{label}”: ghi {vn(tv)}, nhưng "
               f"{' + '.join(vn(v) for v in vals if v is not None)} = {vn(sm)} (chênh {vn(abs(tv - sm))}). "
               f"Dòng: “{row_text}”.")
        out.append(finding(CODE, _severity(tv, sm), doc_id, msg, expected=sm, observed=tv,
                           rule="sum.row_total", key=f"t{tix}r{r}c{tc}"))
    return out


MULTIDIM = (("poverty.multidim_households", ("poverty.poor_households", "poverty.near_poor_households")),
            ("poverty.multidim_rate", ("poverty.poor_rate", "poverty.near_poor_rate")))


def check_multidim(ctx: Context) -> list[Finding]:
    """Multidimensional poverty is the poor and the near-poor together (DOMAIN.md):
    ``tỷ lệ nghèo đa chiều 45,12% (5.214 hộ), trong đó hộ nghèo 3.468 hộ, chiếm
    30,01%; hộ cận nghèo 1.746 hộ, chiếm 15,11%``."""
    from .conflicts import timepoint
    from .units import place_key
    out = []
    for doc_id in sorted(ctx.by_doc):
        groups: dict[tuple, dict[str, list[FactRow]]] = {}
        for f in ctx.by_doc[doc_id]:
            if f.metric and f.metric.startswith("poverty.") and f.is_exact and not f.qualifier \
                    and (f.status or "granted") == "granted" and timepoint(ctx, f) != "start":
                k = (f.period or "", place_key(f.subject), (f.scope or "").lower())
                groups.setdefault(k, {}).setdefault(f.metric, []).append(f)
        for k in sorted(groups):
            g = groups[k]
            for total_m, part_ms in MULTIDIM:
                if total_m not in g or not all(m in g for m in part_ms):
                    continue
                if any(len(g[m]) > 1 for m in (total_m,) + part_ms):
                    continue            # several statements: which goes with which is not clear
                total, parts = g[total_m][0], [g[m][0] for m in part_ms]
                sm = sum(p.value for p in parts)
                tol = _half_unit(total) + sum(_half_unit(p) for p in parts) + 1e-9
                if abs(sm - total.value) <= tol:
                    continue
                unit = "%" if total_m.endswith("rate") else " hộ"
                msg = (f"Nghèo đa chiều không bằng hộ nghèo cộng hộ cận nghèo: ghi {vn(total.value)}{unit}, nhưng "
                       f"{vn(parts[0].value)}{unit} + {vn(parts[1].value)}{unit} = {vn(sm)}{unit} "
                       f"(chênh {vn(abs(total.value - sm))}). Câu: {excerpt(ctx, total)}.")
                out.append(finding(CODE, _severity(total.value, sm), doc_id, msg,
                                   fact_ids=[total.fact_id] + [p.fact_id for p in parts], expected=round(sm, 6),
                                   observed=total.value, rule="sum.multidim_poverty"))
    return out


def check(ctx: Context) -> list[Finding]:
    return check_breakdowns(ctx) + check_table_totals(ctx) + check_row_totals(ctx) + check_multidim(ctx)
