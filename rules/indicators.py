"""Indicator tables: ``TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả | % so với mục tiêu``.

Every data row gives ``indicator.target``, ``indicator.result`` and
``indicator.percent_of_target`` facts sharing ``table_index``/``row_index``,
with ``label`` (the row name without its bullet), ``unit`` (the unit column, or
the words after the number in the target cell: ``21 triệu đồng/năm``), and
``qualifier`` (the section row above a sub-row such as ``- Vùng thấp``).

Numbers that break the convention (``17.68`` next to ``17.889``) are read with
the row's other figures: the reading of the target closest to result ÷ percent,
of the result closest to target × percent; a range target (``650-700``) takes
the end the stated percent was computed from; ``1.020/750`` in the result cell
means 1 020 achieved of a cumulative target of 750.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.model import TABLE, Block, Cell, Fact, Row
from pipeline.normalize import match_form

from . import numbers as nums
from .analysis import Analysis
from .lexicon import P

_H_PCT = P("ind_h_pct")
_H_RESULT = P("ind_h_result")
_H_TARGET = P("ind_h_target")
_H_UNIT = P("ind_h_unit")
_H_LABEL = P("ind_h_label")
_H_TT = P("ind_h_tt")
_H_NOTE = P("ind_h_note")
_ROWNUM = P("ind_rownum")
_BULLET = re.compile(r"^\s*[-+•*–]\s*")


@dataclass
class Columns:
    label: int
    target: Optional[int]               # None in a plan's table of targets only
    result: Optional[int]               # None in a table of results only
    percent: Optional[int]
    unit: Optional[int]
    tt: Optional[int]
    header_rows: int


def _cell_at(row: Row, col: int) -> Optional[Cell]:
    for c in row.cells:
        if c.col <= col < c.col + c.colspan:
            return c
    return None


def _col_names(rows: list[Row], n_header: int, ncols: int) -> list[str]:
    names = []
    for col in range(ncols):
        parts = []
        for r in rows[:n_header]:
            c = _cell_at(r, col)
            if c is not None and c.text and (not parts or parts[-1] != c.text):
                parts.append(c.text)
        names.append(match_form(" ".join(parts)))
    return names


def detect_columns(rows: list[Row]) -> Optional[Columns]:
    """Columns of an indicator table, or None when the table is not one."""
    if len(rows) < 2:
        return None
    ncols = max(c.col + c.colspan for r in rows for c in r.cells)
    for n_header in (1, 2, 3):
        if n_header >= len(rows):
            break
        names = _col_names(rows, n_header, ncols)
        pct = next((i for i, n in enumerate(names) if _H_PCT.search(n)), None)
        res = next((i for i, n in enumerate(names) if _H_RESULT.search(n) and i != pct), None)
        tgt = next((i for i, n in enumerate(names) if _H_TARGET.search(n) and i not in (pct, res)), None)
        unit = next((i for i, n in enumerate(names) if _H_UNIT.search(n)), None)
        tt = next((i for i, n in enumerate(names) if _H_TT.match(n.strip())), None)
        label = next((i for i, n in enumerate(names) if _H_LABEL.search(n) and i not in (pct, res, tgt, unit, tt)),
                     None)
        if label is None and tt is not None and tt + 1 < ncols:
            label = tt + 1
        if label is None or (res is None and tgt is None):
            continue
        if res is None or tgt is None:
            # a plan's table of targets only (or a table of results only): needs a unit or TT column
            # and a target/result header that is unmistakable
            if unit is None and tt is None:
                continue
        # a header row that is followed by a sub-header row (first cells empty) takes it too
        if n_header < len(rows) - 1:
            nxt = rows[n_header]
            first = _cell_at(nxt, label)
            if (first is None or not first.text) and any(c.text for c in nxt.cells) and \
                    not any(_ROWNUM.match(c.text) for c in nxt.cells if c.col == (tt if tt is not None else -1)):
                continue
        return Columns(label, tgt, res, pct, unit, tt, n_header)
    return None


def _first_num(text: str) -> Optional[nums.Num]:
    found = nums.find_numbers(match_form(text))
    return found[0] if found else None


def _unit_after(text: str, n: nums.Num) -> Optional[str]:
    rest = text[n.end:].strip()
    if n.scale != 1 and n.scale_word:
        rest = f"{text[n.start:n.end].split()[-1]} {rest}"  # "21 triệu đồng/năm": the unit keeps "triệu"
    rest = re.sub(r"\(.*?\)", "", rest).strip()
    rest = re.sub(r"\s*/\s*", "/", rest)
    if n.percent and not rest.startswith("%"):
        rest = "%" + rest
    return rest or None


def _reading(n: nums.Num, expected: Optional[float]) -> tuple[float, float, Optional[str]]:
    """Value of a table cell number: the unscaled number (the scale word stays in the
    unit), chosen among its readings with the row's arithmetic when it is ambiguous."""
    if n.kind == "range" and n.low is not None and n.high is not None:
        if expected is not None and expected > 0:
            best = min((n.low, n.high), key=lambda v: abs(v - expected))
            return best, 1.0, None
        return n.high, 1.0, None
    base = n.base if n.scale != 1 else n.value
    if n.ambiguous and n.alternatives:
        if n.scale != 1:
            return base, 1.0, None
        return nums.choose(n, expected=expected)
    return base, 1.0, None


def extract_indicators(an: Analysis) -> None:
    doc = an.doc
    for b in doc.blocks:
        if b.kind != TABLE or not b.rows:
            continue
        cols = detect_columns(an.grid(b).rows)
        if cols is None:
            continue
        _read_table(an, b, cols)


def _read_table(an: Analysis, b: Block, cols: Columns) -> None:
    parent_label: Optional[str] = None
    for ri, row in enumerate(an.grid(b).rows):
        if ri < cols.header_rows:
            continue
        lc = _cell_at(row, cols.label)
        if lc is None or not lc.text.strip():
            continue
        tt = _cell_at(row, cols.tt) if cols.tt is not None else None
        label = _BULLET.sub("", lc.text).strip().rstrip(":").strip()
        if tt is not None and tt.text.strip() and tt is not lc:
            parent_label = label
            sub = False
        else:
            sub = ri > cols.header_rows
        cells = {k: _cell_at(row, getattr(cols, k)) for k in ("target", "result", "percent")
                 if getattr(cols, k) is not None}
        cells = {k: c for k, c in cells.items() if c is not None and c is not lc}
        parsed = {k: _first_num(c.text) for k, c in cells.items()}
        if not any(parsed.values()):
            if tt is None or not (tt.text.strip()):
                parent_label = label if not sub else parent_label
            continue
        unit = None
        if cols.unit is not None:
            uc = _cell_at(row, cols.unit)
            unit = uc.text.strip() if uc is not None and uc.text.strip() else None
        t, r, p = parsed.get("target"), parsed.get("result"), parsed.get("percent")
        if unit is None and t is not None:
            unit = _unit_after(cells["target"].text, t)
        pct = p.base if p is not None and p.scale == 1 else (p.value if p else None)
        # raw readings first (to give each other context)
        t_val = _reading(t, None)[0] if t is not None else None
        r_val = _reading(r, None)[0] if r is not None else None
        notes = {}
        if r is not None and r.kind == "fraction" and r.of_total:
            r_val = r.value
            if pct and abs(r.value / r.of_total * 100 - pct) <= max(2.0, 0.02 * pct):
                t_override = r.of_total
            else:
                t_override = None
        else:
            t_override = None
        if t is not None and (t.ambiguous or t.kind == "range"):
            exp = r_val / pct * 100 if (r_val and pct) else r_val
            t_val, conf, note = _reading(t, exp)
            notes["target"] = (conf, note)
        if r is not None and r.ambiguous and r.kind != "fraction":
            exp = t_val * pct / 100 if (t_val and pct) else t_val
            r_val, conf, note = _reading(r, exp)
            notes["result"] = (conf, note)
        if t_override is not None:
            t_val = t_override
            notes["target"] = (0.9, f"target taken from the result cell '{cells['result'].text}'")
        qualifier = parent_label if sub and parent_label and parent_label != label else None
        row_text = an.doc.text[row.start:row.end]
        for kind, n, val, metric, u in (("target", t, t_val, "indicator.target", unit),
                                        ("result", r, r_val, "indicator.result", unit),
                                        ("percent", p, pct, "indicator.percent_of_target", "percent")):
            if n is None or val is None:
                continue
            c = cells[kind]
            off = c.start + n.start
            f = Fact(metric=metric, value=float(val), char_start=off, char_end=c.start + n.end, text=row_text,
                     rule=f"ind.{kind}", unit=u, label=label, qualifier=qualifier, page=b.page,
                     block_index=b.index, table_index=b.table_index, row_index=ri,
                     col_index=getattr(cols, kind), raw=an.doc.text[off:c.start + n.end],
                     local_id=len(an.facts), period=an.meta.period)
            if n.bound:
                f.bound = n.bound
            if n.kind == "range":
                f.bound, f.value_low, f.value_high = "range", n.low, n.high
            if kind in notes and notes[kind][1]:
                f.confidence, f.note = notes[kind]
            an.facts.append(f)
