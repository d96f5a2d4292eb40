"""``sum_mismatch``: parts against their stated total.

Two sources of totals:

* *breakdowns*: facts whose ``parent_fact_id`` points at a total
  (``tặng Bằng khen cho 52 tập thể ..., cụ thể: ... 12 tập thể ... 40 tập thể``;
  ``4.235,04ha, trong đó xã Hà Vinh là 895ha, ...``).  Only parts measured like
  the total are summed: the same unit, the same recipient when the total names
  one (``52 tập thể, 78 cá nhân`` are two totals), no share or rate under a
  count, and no attribute qualifier (``nữ``, ``dân tộc thiểu số``: subsets, not
  a partition);
* *table total rows* (``Tổng cộng`` / ``Cộng`` / ``Tổng số``) whose figures have no
  parts linked: the rows above (or below) in the same column.

Tolerance: half a unit of the last shown digit of every figure (``795,46`` is
±0,005), so sums of rounded figures are not flagged.  A single part smaller than
its total is a subset (``trong đó 120 hộ ...``), not a breakdown: not flagged.
A mismatch that an alternative reading of an ambiguous figure explains is left to
``ambiguous_number``; parts that add up to another figure of the total's sentence
(measured the same way) were linked to the wrong total and are not flagged.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.model import Finding

from .base import ERROR, WARNING, Context, FactRow, excerpt, finding, vn, what, where
from .rounding import half_unit

CODE = "sum_mismatch"
ATTRIBUTE = re.compile(r"\b(nữ|dân tộc|thiểu số|đảng viên|trực tiếp|lãnh đạo|quản lý|công nhân|nông dân|"
                       r"truy tặng|cựu chiến binh|thanh niên|phụ nữ|người có công|khuyết tật)\b", re.I)
TOTAL_ROW = re.compile(r"^\W*(tổng\s*cộng|cộng|tổng\s*số|tổng|toàn\s+(?:huyện|tỉnh|cụm|khối|xã))\W*$", re.I)
SUB_ROW = re.compile(r"^\s*(?:[-+*•–]|trong\s+đó|[a-zđ]\)|\d+\.\d+)", re.I)


def _half_unit(f: FactRow) -> float:
    return half_unit(f.raw, f.value)


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


def check_table_totals(ctx: Context) -> list[Finding]:
    out = []
    groups: dict[tuple, list[FactRow]] = {}
    for f in ctx.facts:
        if f.table_index is None or f.row_index is None or f.col_index is None:
            continue
        if f.metric and f.metric.startswith("indicator."):
            continue
        groups.setdefault((f.doc_id, f.table_index, f.col_index, f.metric, f.unit), []).append(f)
    for key in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        facts = groups[key]
        doc_id, tix = key[0], key[1]
        rows = ctx.table(doc_id, tix)
        by_row = {}
        for f in facts:
            by_row.setdefault(f.row_index, f)
        totals = [r for r in sorted(by_row) if TOTAL_ROW.match(_row_label(rows, r))]
        for r in totals:
            total = by_row[r]
            if total.fact_id in ctx.children or not total.is_exact:
                continue
            prev = max([t for t in totals if t < r], default=-1)
            above = [by_row[i] for i in sorted(by_row) if prev < i < r]
            below = [by_row[i] for i in sorted(by_row) if i > r and not TOTAL_ROW.match(_row_label(rows, i))]
            parts = above if above else (below if r == min(by_row) else [])
            parts = [p for p in parts if p.parent_fact_id is None or p.parent_fact_id == total.fact_id]
            if len(parts) < 2 or any(not p.is_exact for p in parts):
                continue
            top = [p for p in parts if not SUB_ROW.match(_row_label(rows, p.row_index))]
            tol = _half_unit(total) + sum(_half_unit(p) for p in parts) + 1e-9
            sums = [sum(p.value for p in parts), sum(p.value for p in top)]
            if any(abs(s - total.value) <= tol for s in sums) or _explained_by_ambiguity(total, parts, tol):
                continue
            s = sums[1] if top else sums[0]
            use = top or parts
            out.append(finding(CODE, _severity(total.value, s), doc_id,
                               _message(ctx, total, use, s, f"dòng tổng của bảng {tix + 1}"),
                               fact_ids=[total.fact_id] + [p.fact_id for p in use], expected=round(s, 6),
                               observed=total.value, rule="sum.table_total"))
    return out


def check(ctx: Context) -> list[Finding]:
    return check_breakdowns(ctx) + check_table_totals(ctx)
