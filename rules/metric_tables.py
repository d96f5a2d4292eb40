"""Poverty and nông thôn mới figures laid out per unit, or per year, in a table::

    TT | Xã, thị trấn     | Hộ nghèo (hộ) | Tỷ lệ hộ nghèo (%) | Hộ cận nghèo (hộ) | Tỷ lệ (%)
    1  | Thị trấn Yên Phú | 87            | 6,00               | 72                | 4,97
       | Toàn huyện       | 3.180         | 29,15              | ...

    Năm  | Số xã đạt chuẩn tăng thêm | Số xã đạt chuẩn (lũy kế) | Tỷ lệ (%) | Bình quân tiêu chí/xã
    2021 | 01                        | 05/17                    | 29,41     | 15,3

A column is a metric when its header names a poverty topic (``metrics.toml``)
— a rate when it says ``tỷ lệ`` or ``%`` — or an NTM count (``tables.toml``:
``xã đạt chuẩn``, ``nâng cao``, ``bình quân tiêu chí/xã``, ``số tiêu chí
đạt``, ``thôn đạt chuẩn``).  A header that is only a rate (``Tỷ lệ (%)``)
takes the topic of the count column just before it; after an NTM fraction
column (``05/17``) it is that fraction's ``stated_percent``.  A column of what
was added (``tăng thêm``) gives its facts the qualifier ``tăng thêm``.  Two
header rows are read as one (``Hộ nghèo`` over ``Số hộ | Tỷ lệ``).

The first place column names the subject; a total row (``Toàn huyện``,
``Tổng cộng``) is the reporting unit itself (subject NULL).  When the rows are
years (``Năm`` column, or cells ``2021``, ``2020 (đầu kỳ)``) each row is the
reporting unit in that year.  Indicator and award tables are left to their own
readers (a table may hold award columns and metric columns side by side).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from pipeline.model import TABLE, Block, Cell, Fact, Row
from pipeline.normalize import match_form

from . import numbers as nums
from .analysis import Analysis
from .award_tables import _RECIP, _context_period, _status
from .catalog import GENERIC_AWARD, award_mentions
from .context import Period, period_mentions
from .poverty import is_stock
from .datafiles import load, pattern
from .indicators import detect_columns
from .poverty import vocab as poverty_vocab
from .subjects import row_place_level
from .lexicon import P

_UNIT_HEAD = P("mt_unit_head")
_PLACE_HEAD = P("mt_place_head")
_TOTAL = P("mt_total")
_SECTION = P("grid_section_label")
_AREA_COLUMN = P("mt_area_column")
_AWARD_COLUMN = P("mt_award_column")


def _area_of(header: str) -> str:
    m = _AREA_COLUMN.search(header)
    return m.group("area") if m else header
_PREFIX = P("mt_prefix")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = re.compile(r"\d")


@dataclass
class NtmColumn:
    id: str
    pattern: "regex.Pattern"
    metric: str
    unit: str


@dataclass
class TableVocab:
    rate: "regex.Pattern"
    bare_rate: "regex.Pattern"
    added: "regex.Pattern"
    year_head: "regex.Pattern"
    year_cell: "regex.Pattern"
    households_total: "regex.Pattern"
    ntm: list[NtmColumn]


@lru_cache(maxsize=1)
def vocab() -> TableVocab:
    data = load("tables.toml")
    t = {k: regex.compile(pattern(v)) for k, v in data["table"].items()}
    ntm = [NtmColumn(c["id"], regex.compile(pattern(c["header"])), c["metric"], c["unit"])
           for c in data["ntm_column"]]
    return TableVocab(t["rate"], t["bare_rate"], t["added"], t["year_head"], t["year_cell"], t["households_total"], ntm)


@dataclass
class MetricCol:
    index: int
    metric: Optional[str]               # None: a percent stated for the fraction column `percent_of`
    unit: str
    rate_of: Optional[object] = None    # the poverty topic of a count column (its rate column may follow)
    qualifier: Optional[str] = None
    percent_of: Optional[int] = None
    scope: Optional[str] = None         # a part of the area ("thành thị" under "Trong đó")
    recipient: Optional[str] = None     # an award column's recipients ("Khen thưởng - Tập thể")


def _cell_at(row: Row, col: int) -> Optional[Cell]:
    for c in row.cells:
        if c.col <= col < c.col + c.colspan:
            return c
    return None


def _header_names(rows: list[Row], ncols: int) -> tuple[list[str], int]:
    """The match form of every column's header, and how many rows the header takes: a second
    row without a digit that names at least two columns (``Hộ nghèo`` over ``Số hộ | Tỷ lệ``)
    is part of it; an empty cell of the first row over it takes the group name to its left."""
    def texts(row: Row) -> list[str]:
        return [(c.text.strip() if (c := _cell_at(row, i)) is not None else "") for i in range(ncols)]
    first = texts(rows[0])
    if len(rows) < 3 or any(_DIGIT.search(c.text) for c in rows[1].cells):
        return [match_form(t).strip() for t in first], 1
    second = texts(rows[1])
    if sum(1 for t in second if t) < 2:
        return [match_form(t).strip() for t in first], 1
    names = []
    for i in range(ncols):
        top = first[i]
        if not top and second[i]:
            j = i - 1
            while j >= 0 and not first[j] and second[j]:
                j -= 1
            top = first[j] if j >= 0 and second[j] else ""
        names.append(match_form(f"{top} {second[i]}" if second[i] and second[i] != top else top).strip())
    return names, 2


def _metric_cols(names: list[str]) -> tuple[list[MetricCol], Optional[int], Optional[int]]:
    """Metric columns, the place column and the year column of a header."""
    v = vocab()
    cols: list[MetricCol] = []
    place_col = year_col = None
    topics = poverty_vocab().topics
    for i, t in enumerate(names):
        if not t:
            continue
        rate = bool(v.rate.search(t))
        col = None
        for tp in topics:
            if tp.pattern.search(t):
                if rate and tp.rate_metric:
                    col = MetricCol(i, tp.rate_metric, "percent")
                elif not rate and tp.count_metric:
                    col = MetricCol(i, tp.count_metric, "household", rate_of=tp)
                break
        if col is None and not rate:
            for nc in v.ntm:
                if nc.pattern.search(t):
                    col = MetricCol(i, nc.metric, nc.unit)
                    break
        if col is None and not rate and (aw := _AWARD_COLUMN.search(t)) and not award_mentions(t):
            # (a column naming its award, 'Bằng khen của Chủ tịch UBND tỉnh - Tập thể', is read by award_tables.py)
            # "Khen thưởng 6 tháng - Tập thể | ... - Cá nhân": commendations counted place by place
            col = MetricCol(i, "award.count", "count", recipient=_RECIP[aw.group("r") or aw.group("r2")])
        if col is None and not rate and cols and cols[-1].index == i - 1 and cols[-1].metric \
                and _AREA_COLUMN.search(t):
            # "Tỷ lệ hộ nghèo | Trong đó: Thành thị | Nông thôn": the same figure for a part of the area
            prev = cols[-1]
            col = MetricCol(i, prev.metric, prev.unit, rate_of=prev.rate_of, qualifier=_area_of(t), scope=_area_of(t))
        if col is None and rate and v.bare_rate.match(t) and cols and cols[-1].index == i - 1:
            prev = cols[-1]
            if prev.rate_of is not None and prev.rate_of.rate_metric:
                col = MetricCol(i, prev.rate_of.rate_metric, "percent", qualifier=prev.qualifier)
            elif prev.metric and prev.metric.startswith("ntm.") and prev.percent_of is None:
                col = MetricCol(i, None, "percent", percent_of=prev.index)
        if col is not None:
            if col.metric and col.percent_of is None and v.added.search(t):
                col.qualifier = "tăng thêm"
            cols.append(col)
        elif year_col is None and place_col is None and v.year_head.search(t):
            year_col = i
        elif place_col is None and year_col is None and _PLACE_HEAD.search(t) and not _UNIT_HEAD.match(t):
            place_col = i
    return cols, place_col, year_col


def _year(text: str) -> Optional[str]:
    y = vocab().year_cell.match(match_form(text).strip())
    if not y:
        return None
    return f"{y.group('a')}-{y.group('b')}" if y.group("b") else y.group("a")


def _years_column(rows: list[Row], names: list[str], cols: list[MetricCol]) -> Optional[int]:
    """A label column whose body cells are years, when its header does not say so."""
    taken = {c.index for c in cols}
    for i, t in enumerate(names):
        if i in taken or _UNIT_HEAD.match(t):
            continue
        cells = [_cell_at(r, i) for r in rows]
        # section rows ("Theo chuẩn nghèo giai đoạn 2016 - 2020 | | |") head parts of the column
        texts = [c.text for c in cells if c is not None and c.text.strip() and not _SECTION.search(c.text)]
        years = [x for x in texts if _year(x)]
        return i if len(years) >= 2 and len(years) >= len(texts) - 1 else None
    return None


def extract_metric_tables(an: Analysis) -> None:
    for b in an.doc.blocks:
        if b.kind != TABLE or not b.rows or len(b.rows) < 2 or detect_columns(an.grid(b).rows) is not None:
            continue
        rows = an.grid(b).rows
        ncols = max(c.col + c.colspan for r in rows for c in r.cells)
        names, n_header = _header_names(rows, ncols)
        cols, place_col, year_col = _metric_cols(names)
        if not cols and (years := _year_columns(names)):
            _read_by_year_columns(an, b, years, n_header)
            continue
        if not any(c.metric and c.recipient is None for c in cols):
            continue    # a table of awards alone is the award tables' (award_tables.py)
        if place_col is None and year_col is None:
            year_col = _years_column(rows[n_header:], names, cols)
        if place_col is None and year_col is None:
            continue
        total_col = next((i for i, t in enumerate(names) if t and vocab().households_total.search(t)), None)
        _read(an, b, cols, place_col if year_col is None else year_col, n_header, by_year=year_col is not None,
              total_col=total_col)


YEAR_COLUMNS_MIN = 2        # year headers that make a table one indicator per row, one year per column


def _year_columns(names: list[str]) -> dict[int, str]:
    """'Chỉ tiêu | ĐV tính | 2010 | 2011 | ...' or '... | Năm 2021 | Năm 2022': the columns headed by
    a year, when there are enough of them to make the years the columns."""
    years = {i: y for i, t in enumerate(names) if t and (y := _year(t))}
    return years if len(years) >= YEAR_COLUMNS_MIN else {}


def _row_metric(an: Analysis, row: Row, first_year_col: int) -> Optional[MetricCol]:
    """The poverty or NTM figure a row of a by-year table holds: its label cells (with the unit
    column: 'Tỷ lệ hộ nghèo | %') read as a column header would be."""
    label = " ".join(c.text.strip() for c in row.cells if c.col < first_year_col and c.text.strip())
    if not _LETTER.search(label):
        return None
    cols, _, _ = _metric_cols([match_form(label).strip()])
    return next((c for c in cols if c.metric and c.recipient is None), None)


def _read_by_year_columns(an: Analysis, b: Block, years: dict[int, str], n_header: int) -> None:
    """A table with one indicator per row and one year per column (a statistics page's 'Chỉ tiêu |
    ĐV tính | 2010 | 2011 | ...'): each cell is the reporting unit's figure of its column's year.  A
    row shorter than the header leaves its last years empty."""
    rows = an.grid(b).rows
    status = _status(an, b)
    now = _text_year(an)
    first = min(years)
    by_year: dict[int, list[tuple[MetricCol, Fact]]] = {}
    totals: dict[int, float] = {}
    for ri, row in enumerate(rows[n_header:], start=n_header):
        col = _row_metric(an, row, first)
        total_row = col is None and _is_households_total(row, first)
        if col is None and not total_row:
            continue
        for ci, year in sorted(years.items()):
            cell = _cell_at(row, ci)
            found = nums.find_numbers(an.doc.match_text[cell.start:cell.end]) if cell is not None else []
            if len(found) != 1:
                continue
            if total_row:
                totals.setdefault(ci, float(found[0].value))
                continue
            period = _header_period(an, rows, n_header, ci, stock=is_stock(col.metric)) or Period(year, "column")
            # "Chỉ tiêu toàn tỉnh" over a series names its indicators: a year the text has seen is no target
            st = None if status == "target" and now is not None and _first_year(year) <= now else status
            f = _cell_fact(an, b, row, ri, cell, found[0], col, period, st)
            an.facts.append(f)
            by_year.setdefault(ci, []).append((col, f))
    for ci, pairs in by_year.items():
        _state_year_shares(pairs, totals.get(ci))


def _is_households_total(row: Row, first_year_col: int) -> bool:
    label = " ".join(c.text for c in row.cells if c.col < first_year_col)
    return bool(vocab().households_total.search(match_form(label)))


def _state_year_shares(pairs: list[tuple[MetricCol, Fact]], total: Optional[float]) -> None:
    """'Tổng số hộ' over 'Số hộ nghèo' and 'Tỷ lệ hộ nghèo' in one year's column: the count is a share
    of that year's households and states the rate written under it (checked by percent_mismatch)."""
    if not total:
        return
    for col, f in pairs:
        if col.rate_of is None or not col.rate_of.rate_metric or f.of_total or f.value > total:
            continue
        rate = next((r for c, r in pairs if r.metric == col.rate_of.rate_metric and r.qualifier == f.qualifier), None)
        if rate is not None:
            f.of_total, f.stated_percent = total, rate.value


def _first_year(period: str) -> int:
    return int(period[:4])


def _text_year(an: Analysis) -> Optional[int]:
    """The year a text was written in: its issue year, else the last year of its own period."""
    if an.meta.issued_year:
        return int(an.meta.issued_year)
    years = re.findall(r"\d{4}", str(an.doc_period or ""))
    return int(max(years)) if years else None


def _cell_fact(an: Analysis, b: Block, row: Row, ri: int, cell: Cell, n: "nums.Num", col: MetricCol,
               period: Optional[Period], status: Optional[str], subject: Optional[str] = None,
               level: Optional[str] = None, award: Optional[str] = None) -> Fact:
    """The fact one table cell states, with its place in the table."""
    return Fact(metric=col.metric, value=float(n.value), of_total=n.of_total if n.kind == "fraction" else None,
                char_start=cell.start + n.start, char_end=cell.start + n.end,
                text=an.doc.text[row.start:row.end], rule=f"table.{col.metric}", unit=col.unit,
                status=status, period=period, period_source=getattr(period, "source", None),
                subject=subject, subject_level=level, page=b.page,
                qualifier=col.qualifier, scope=col.scope, award=award, recipient=col.recipient,
                block_index=b.index, table_index=b.table_index, row_index=ri, col_index=cell.col,
                raw=an.doc.text[cell.start + n.start:cell.start + n.end], local_id=len(an.facts))


def _shares_of_households(an: Analysis, row: Row, cols: list[MetricCol], emitted: dict[int, Fact],
                          total_col: Optional[int]) -> list[tuple[Fact, Fact]]:
    """'Phi Liêng | 1.905 | 203 | 16,06': a row's household count is a share of the row's households
    (``of_total``), and the rate of its topic in the row is what it was said to be (``stated_percent``).
    Returns the (count, rate) pairs so stated."""
    cell = _cell_at(row, total_col) if total_col is not None else None
    found = nums.find_numbers(an.doc.match_text[cell.start:cell.end]) if cell is not None else []
    if len(found) != 1 or not found[0].value:
        return []
    total = float(found[0].value)
    out = []
    for col in cols:
        f = emitted.get(col.index)
        if f is None or col.rate_of is None or f.of_total or not col.rate_of.rate_metric or f.value > total:
            continue
        rate = _rate_of_count(f, col.rate_of.rate_metric, emitted)
        if rate is not None:
            f.of_total, f.stated_percent = total, rate.value
            out.append((f, rate))
    return out


def _column_periods(an: Analysis, rows: list[Row], n_header: int, cols: list[MetricCol]) -> dict[int, Optional[Period]]:
    """Each column's own period; a rate column naming none is of the count column it follows ('Hộ
    nghèo đầu năm 2019 | Tỷ lệ (%) | Hộ nghèo cuối năm 2019 | Tỷ lệ (%)')."""
    out: dict[int, Optional[Period]] = {}
    last_count: dict[str, Optional[Period]] = {}
    for c in sorted((c for c in cols if c.metric), key=lambda c: c.index):
        per = _header_period(an, rows, n_header, c.index, stock=is_stock(c.metric))
        if per is None and c.metric in last_count:
            per = last_count[c.metric]
        out[c.index] = per
        if c.rate_of is not None and getattr(c.rate_of, "rate_metric", None):
            last_count[c.rate_of.rate_metric] = per
    return out


def _rate_of_count(f: Fact, rate_metric: str, emitted: dict[int, Fact]) -> Optional[Fact]:
    """The rate column that goes with a count column: the first of its metric after it ('Hộ nghèo
    đầu năm | Tỷ lệ | Hộ nghèo cuối năm | Tỷ lệ'), else the last before it."""
    rates = sorted((r for r in emitted.values() if r.metric == rate_metric and r.qualifier == f.qualifier),
                   key=lambda r: r.col_index or 0)
    after = [r for r in rates if (r.col_index or 0) > (f.col_index or 0)]
    return after[0] if after else (rates[-1] if rates else None)


def _restated_periods(an: Analysis, b: Block) -> dict[str, Period]:
    """The period of a figure the text before the table restates from it (its total row,
    usually), by family of metric: 'cuối năm 2023 ... toàn xã còn 187 hộ nghèo' over a table
    whose 'Toàn xã' row says 187 dates its poverty columns, not its NTM or award columns."""
    values = set()
    for row in b.rows:
        for c in row.cells[1:]:          # not the row numbers
            for n in nums.find_numbers(an.doc.match_text[c.start:c.end]):
                if n.value >= 10 or n.value != int(n.value):   # small counts match anything
                    values.add(round(n.value, 6))
    lo = b.index - 3
    out: dict[str, Period] = {}
    for f in reversed(an.facts):
        if f.block_index is not None and lo <= f.block_index < b.index and f.table_index is None \
                and f.metric.startswith(("poverty.", "ntm.")) and round(f.value, 6) in values and f.period:
            out.setdefault(_family(f.metric), Period(f.period, "restated"))
    return out


def _family(metric: str) -> str:
    return metric.split(".", 1)[0]


def _column_award(an: Analysis, rows: list[Row], n_header: int, col: MetricCol) -> str:
    """The award an award column counts: the one a sentence of the text gives its total ('đã khen
    thưởng theo thẩm quyền (Giấy khen của Chủ tịch UBND cấp huyện) cho 298 tập thể' over a total row
    of 298), else a commendation whose form is not named."""
    totals = [c for r in rows[n_header:] if any(_TOTAL.match(match_form(x.text).strip()) for x in r.cells[:2])
              and (c := _cell_at(r, col.index)) is not None]
    values = {round(n.value, 6) for c in totals for n in nums.find_numbers(an.doc.match_text[c.start:c.end])}
    for f in an.facts:
        if f.metric == "award.count" and f.table_index is None and f.recipient == col.recipient \
                and round(f.value, 6) in values and f.award:
            return f.award
    return GENERIC_AWARD


def _header_period(an: Analysis, rows: list[Row], n_header: int, col: int, stock: bool = False) -> Optional[Period]:
    """'Số hộ nghèo cuối năm 2021': the period a column's own header names; for a stock, 'Hộ nghèo
    đầu năm 2019' is the state at the end of 2018 (as in prose)."""
    for r in rows[:n_header]:
        c = _cell_at(r, col)
        if c is not None:
            found = [m for m in period_mentions(an.doc.match_text[c.start:c.end], c.start) if not m.baseline]
            if found:
                m = found[0]
                if stock and m.start_of_year and m.period.isdigit():
                    return Period(str(int(m.period) - 1), "column")
                return Period(m.period, "column")
    return None


def _read(an: Analysis, b: Block, cols: list[MetricCol], key_col: int, n_header: int, by_year: bool,
          total_col: Optional[int] = None) -> None:
    restated, period, status = _restated_periods(an, b), _context_period(an, b), _status(an, b)
    rows = an.grid(b).rows
    col_periods = _column_periods(an, rows, n_header, cols)
    awards = {c.index: _column_award(an, rows, n_header, c) for c in cols if c.recipient}
    hc = _cell_at(rows[0], key_col) if rows else None
    header = hc.text if hc is not None else ""
    shares: list[tuple[Fact, Fact]] = []
    for ri, row in enumerate(rows[n_header:], start=n_header):
        pc = _cell_at(row, key_col)
        if pc is None or not pc.text.strip() or not _LETTER.search(pc.text) and not by_year:
            continue
        name = pc.text.strip()
        if by_year:
            row_period = _year(name)
            if row_period is None:
                continue            # a total or a note row of a table by year
            subject = level = None
        else:
            row_period = period
            total = bool(_TOTAL.match(match_form(name)))
            subject = None if total else _PREFIX.sub("", name).strip()
            level = None if total else (row_place_level(name, header) or "unit")
        emitted: dict[int, Fact] = {}
        for col in cols:
            cell = _cell_at(row, col.index)
            if cell is None or cell is pc:
                continue
            found = nums.find_numbers(an.doc.match_text[cell.start:cell.end])
            if len(found) != 1:
                continue
            n = found[0]
            if col.metric is None:
                f = emitted.get(col.percent_of)
                if f is not None and f.of_total:
                    f.stated_percent = float(n.value)
                continue
            award = awards.get(col.index) if col.recipient else None
            if not by_year:
                row_period = col_periods.get(col.index) or restated.get(_family(col.metric)) or period
            f = _cell_fact(an, b, row, ri, cell, n, col, row_period, status, subject, level, award)
            an.facts.append(f)
            emitted[col.index] = f
        shares += _shares_of_households(an, row, cols, emitted, total_col)
    _demote_unexplained_rates(an, b, shares)


RATE_FIT_POINTS = 1.0      # a rate column is its count over the row's households within this many points
RATE_FIT_ROWS = 3          # rows a rate column is judged on at least


def _demote_unexplained_rates(an: Analysis, b: Block, shares: list[tuple[Fact, Fact]]) -> None:
    """'Tổng số hộ | Số hộ nghèo DTTS | ... | Tỷ lệ hộ nghèo DTTS (%)' = 13.389 | 2510 | 99,13: a rate
    column that the row's count over its households explains in fewer than half of at least three rows
    is not that rate (here: the minorities' share of the poor). Its figures are kept as plain quantities
    under their header, and the counts no longer state them."""
    by_col: dict[Optional[int], list[tuple[Fact, Fact]]] = {}
    for count, rate in shares:
        by_col.setdefault(rate.col_index, []).append((count, rate))
    for pairs in by_col.values():
        fits = sum(1 for c, r in pairs if abs(100 * c.value / c.of_total - r.value) <= RATE_FIT_POINTS)
        if len(pairs) < RATE_FIT_ROWS or 2 * fits >= len(pairs):
            continue
        label = _header_text(an, b, pairs[0][1].col_index)
        for c, r in pairs:
            c.stated_percent = None
            r.metric, r.rule, r.label = "quantity", "table.unexplained_rate", label


def _header_text(an: Analysis, b: Block, col: Optional[int]) -> Optional[str]:
    rows = an.grid(b).rows
    cell = _cell_at(rows[0], col) if rows and col is not None else None
    return cell.text.strip() if cell is not None else None
