"""Poverty and nông thôn mới figures laid out per unit in a table::

    TT | Xã, thị trấn     | Hộ nghèo (hộ) | Tỷ lệ hộ nghèo (%) | Hộ cận nghèo (hộ) | Tỷ lệ hộ cận nghèo (%)
    1  | Thị trấn Yên Phú | 87            | 6,00               | 72                | 4,97
       | Toàn huyện       | 3.180         | 29,15              | ...

A column is a metric when its header names a poverty topic (``metrics.toml``)
— a rate when it says ``tỷ lệ`` or ``%`` — or an NTM count (``số tiêu chí
đạt``, ``số thôn đạt chuẩn``).  The first text column names the subject; a
total row (``Toàn huyện``, ``Tổng cộng``) is the reporting unit itself (subject
NULL).  Indicator and award tables are left to their own readers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.model import TABLE, Block, Cell, Fact, Row
from pipeline.normalize import match_form

from . import numbers as nums
from .analysis import Analysis
from .award_tables import _context_period, _status
from .indicators import detect_columns
from .poverty import vocab as poverty_vocab
from .subjects import row_place_level

_RATE = re.compile(r"tỷ lệ|%")
_UNIT_HEAD = re.compile(r"^(?:s?tt|số tt)$")
_PLACE_HEAD = re.compile(r"xã|phường|thị trấn|đơn vị|địa bàn|huyện|quận|thôn|ấp|bản|xóm|làng|buôn|khóm|"
                         r"tổ dân phố|khu phố|tên")
_TOTAL = re.compile(r"^(?:tổng cộng|tổng số|tổng|cộng|toàn (?:huyện|tỉnh|xã|thị xã|thành phố|cụm))\b")
_PREFIX = re.compile(r"^(?:xã|phường|thị trấn|thị xã|huyện|quận|thôn|xóm|bản|ấp|buôn|khóm|tổ dân phố|khu phố)\s+",
                     re.I)
_NTM_COLS = [
    (re.compile(r"(?:số )?tiêu chí (?:nông thôn mới )?(?:đã )?đạt|số tiêu chí"), "ntm.criteria_met", "criterion"),
    (re.compile(r"(?:số )?(?:thôn|xóm|bản)[^|]{0,20}đạt chuẩn"), "ntm.villages_standard", "village"),
]


@dataclass
class MetricCol:
    index: int
    metric: str
    unit: str


def _cell_at(row: Row, col: int) -> Optional[Cell]:
    for c in row.cells:
        if c.col <= col < c.col + c.colspan:
            return c
    return None


def _metric_cols(header: Row, ncols: int) -> tuple[list[MetricCol], Optional[int]]:
    cols: list[MetricCol] = []
    place_col = None
    topics = poverty_vocab().topics
    for i in range(ncols):
        c = _cell_at(header, i)
        if c is None:
            continue
        t = match_form(c.text).strip()
        if not t:
            continue
        metric = unit = None
        for tp in topics:
            if tp.pattern.search(t):
                if _RATE.search(t) and tp.rate_metric:
                    metric, unit = tp.rate_metric, "percent"
                elif not _RATE.search(t) and tp.count_metric:
                    metric, unit = tp.count_metric, "household"
                break
        if metric is None:
            for rx, m, u in _NTM_COLS:
                if rx.search(t) and not _RATE.search(t):
                    metric, unit = m, u
                    break
        if metric:
            cols.append(MetricCol(i, metric, unit))
        elif place_col is None and _PLACE_HEAD.search(t) and not _UNIT_HEAD.match(t):
            place_col = i
    return cols, place_col


def extract_metric_tables(an: Analysis) -> None:
    for b in an.doc.blocks:
        if b.kind != TABLE or not b.rows or len(b.rows) < 2 or detect_columns(b.rows) is not None:
            continue
        ncols = max(c.col + c.colspan for r in b.rows for c in r.cells)
        cols, place_col = _metric_cols(b.rows[0], ncols)
        if not cols or place_col is None:
            continue
        _read(an, b, cols, place_col)


def _restated_period(an: Analysis, b: Block) -> Optional[str]:
    """The period of a figure the text before the table restates from it (its total row,
    usually): 'cuối năm 2023 ... toàn xã còn 187 hộ nghèo' over a table whose 'Toàn xã' row says 187."""
    values = set()
    for row in b.rows:
        for c in row.cells[1:]:          # not the row numbers
            for n in nums.find_numbers(an.doc.match_text[c.start:c.end]):
                if n.value >= 10 or n.value != int(n.value):   # small counts match anything
                    values.add(round(n.value, 6))
    lo = b.index - 3
    for f in reversed(an.facts):
        if f.block_index is not None and lo <= f.block_index < b.index and f.table_index is None \
                and f.metric.startswith(("poverty.", "ntm.")) and round(f.value, 6) in values and f.period:
            return f.period
    return None


def _read(an: Analysis, b: Block, cols: list[MetricCol], place_col: int) -> None:
    period, status = _restated_period(an, b) or _context_period(an, b), _status(an, b)
    hc = _cell_at(b.rows[0], place_col) if b.rows else None
    header = hc.text if hc is not None else ""
    for ri, row in enumerate(b.rows[1:], start=1):
        pc = _cell_at(row, place_col)
        if pc is None or not pc.text.strip():
            continue
        name = pc.text.strip()
        total = bool(_TOTAL.match(match_form(name)))
        subject = None if total else _PREFIX.sub("", name).strip()
        level = None if total else (row_place_level(name, header) or "unit")
        for col in cols:
            cell = _cell_at(row, col.index)
            if cell is None or cell is pc:
                continue
            found = nums.find_numbers(an.doc.match_text[cell.start:cell.end])
            if len(found) != 1:
                continue
            n = found[0]
            of_total = n.of_total if n.kind == "fraction" else None
            f = Fact(metric=col.metric, value=float(n.value), of_total=of_total,
                     char_start=cell.start + n.start, char_end=cell.start + n.end,
                     text=an.doc.text[row.start:row.end], rule=f"table.{col.metric}", unit=col.unit,
                     status=status, period=period, subject=subject, subject_level=level, page=b.page,
                     block_index=b.index, table_index=b.table_index, row_index=ri, col_index=cell.col,
                     raw=an.doc.text[cell.start + n.start:cell.start + n.end], local_id=len(an.facts))
            an.facts.append(f)
