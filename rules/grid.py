"""A table as the table readers see it: rows aligned to the header's columns,
column-number rows left out, section rows giving the rows under them a scope.

* **Short rows.** A text or PDF table loses its merged cells: ``Tổng | 264.900 |
  5.097 | ...`` under ``TT | Đơn vị | Tổng số hộ | Số hộ nghèo | ...`` has one
  cell fewer than the header, because ``Tổng`` spans the first two columns.  A
  row shorter than the header whose first cell is a label and whose other cells
  are figures is aligned to the right: its label spans the missing columns.
* **Column-number rows.** ``A | B | 1 | 2 | 3 | 4`` (or ``(1) | (2) | ...``)
  under the header numbers the columns; it holds no data.
* **Section rows.** ``I | Khu vực thành thị`` or ``Theo chuẩn nghèo giai đoạn
  2016 - 2020 | | |``: a row with a label and no figure heads the rows below it
  until the next one (its own figures are that part's totals); its label is
  their ``scope`` (the same district may be listed under two sections with
  different figures).
* **Notes, not figures.** A cell that only points elsewhere holds no figure: a
  footnote marker (``(1)``, ``(*)``) that a line after the table explains
  (``(1) Theo quy định tại Thông tư ...``), or a cross-reference (``Như cột số
  4``). Such a cell is kept empty (``Grid.notes`` lists them).
* **Parts by period.** ``I | Khen thưởng tổng kết năm 2022`` then ``II | Khen
  thưởng năm 2023 (đến 30/11/2023)``: a label row with no figure that names a
  period (outside brackets) dates the rows under it (``Grid.period``); a part
  naming none ends it.

Row indices are those of the stored table (``facts.row_index``); a dropped row
keeps its place with no cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from pipeline.model import Block, Cell, Row

from pipeline.normalize import match_form

from .context import period_mentions
from .lexicon import P

_NUMBERING_CELL = P("grid_numbering_cell")
_FIGURE_CELL = P("grid_figure_cell")
_SECTION_LABEL = P("grid_section_label")
_FOOTNOTE_MARK = P("grid_footnote_mark")
_REFERENCE_CELL = P("grid_reference_cell")


@dataclass
class Grid:
    block: Block
    rows: list[Row]
    ncols: int
    numbering: set[int] = field(default_factory=set)   # column-number rows (no cells kept)
    sections: dict[int, str] = field(default_factory=dict)   # row index -> the section label it is under
    periods: dict[int, str] = field(default_factory=dict)    # row index -> the period of the part it is in
    notes: list[tuple[int, int]] = field(default_factory=list)   # (row, col) of cells kept empty as notes

    def scope(self, ri: int) -> Optional[str]:
        return self.sections.get(ri)

    def period(self, ri: int) -> Optional[str]:
        """'I | Khen thưởng tổng kết năm 2022 | | |' heads rows of 2022, until the next such row."""
        return self.periods.get(ri)


def _is_figure(text: str) -> bool:
    t = text.strip()
    return not t or bool(_FIGURE_CELL.fullmatch(t))


def _numbering_row(row: Row) -> bool:
    texts = [c.text.strip() for c in row.cells]
    return len(texts) >= 3 and all(_NUMBERING_CELL.fullmatch(t) for t in texts if t) and \
        sum(1 for t in texts if t) >= 3 and any(regex.search(r"\d", t) for t in texts)


def _aligned(row: Row, ncols: int) -> Row:
    width = sum(c.colspan for c in row.cells)
    if not row.cells or width >= ncols:
        return row
    first, rest = row.cells[0], row.cells[1:]
    if _is_figure(first.text) or not rest or not all(_is_figure(c.text) for c in rest):
        return row
    missing = ncols - width
    cells = [Cell(first.text, first.start, first.end, first.col, first.colspan + missing)]
    cells += [Cell(c.text, c.start, c.end, c.col + missing, c.colspan) for c in rest]
    return Row(cells, row.start, row.end)


def _section_label(row: Row) -> Optional[str]:
    """The label of a row that heads a part of the table by area or standard: ``Theo chuẩn
    nghèo giai đoạn 2016 - 2020 | | |`` (no figures) or ``I | Khu vực thành thị | 6,39 | ...``
    (the part's own totals)."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    words = [t for t in texts if not _NUMBERING_CELL.fullmatch(t) and not _is_figure(t)]
    if len(words) != 1 or not _SECTION_LABEL.search(words[0]):
        return None
    return words[0]


def _part_label(row: Row) -> Optional[str]:
    """The one label of a row with no figures ('I | Khen thưởng tổng kết năm 2022'), or None."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    words = [t for t in texts if not _NUMBERING_CELL.fullmatch(t) and not _is_figure(t)]
    if len(words) != 1 or len(texts) - len(words) > 1:
        return None
    return words[0]


def _label_period(label: str) -> Optional[str]:
    """The period a part's label names, outside brackets: 'Khen thưởng năm 2023 (đến 30/11/2023)'
    is 2023."""
    mt = match_form(label)
    found = [m for m in period_mentions(mt) if not m.baseline and _depth(mt, m.pos) == 0]
    return found[0].period if found else None


def _depth(text: str, pos: int) -> int:
    return text.count("(", 0, pos) - text.count(")", 0, pos)


def footnote_marks(texts: list[str]) -> set[str]:
    """The markers the lines after a table explain: '(1) Theo quy định ...' → '(1)'."""
    out = set()
    for t in texts:
        m = _FOOTNOTE_MARK.match(t.strip())
        if m and t.strip()[m.end():].strip():
            out.add(_mark(m.group(0)))
    return out


def _mark(text: str) -> str:
    return regex.sub(r"\s", "", text)


def _without_notes(row: Row, ri: int, marks: set[str], g: Grid) -> Row:
    """The row with its note cells ('(1)' that a footnote explains, 'Như cột số 4') emptied."""
    cells, emptied = [], False
    for c in row.cells:
        t = c.text.strip()
        if c is not row.cells[0] and t and ((_FOOTNOTE_MARK.fullmatch(t) and _mark(t) in marks)
                                            or _REFERENCE_CELL.match(match_form(t))):
            g.notes.append((ri, c.col))
            c, emptied = Cell("", c.start, c.start, c.col, c.colspan), True
        cells.append(c)
    return Row(cells, row.start, row.end) if emptied else row


def build_grid(b: Block, header_rows: int = 1, marks: frozenset[str] = frozenset()) -> Grid:
    rows = b.rows or []
    ncols = max((c.col + c.colspan for r in rows for c in r.cells), default=0)
    head = max((sum(c.colspan for c in r.cells) for r in rows[:header_rows]), default=0)
    width = max(head, ncols)
    g = Grid(b, [], width)
    section: Optional[str] = None
    period: Optional[str] = None
    for ri, row in enumerate(rows):
        if 0 < ri <= header_rows + 1 and _numbering_row(row):
            g.numbering.add(ri)
            g.rows.append(Row([], row.start, row.end))
            continue
        aligned = _aligned(row, head) if ri >= header_rows and head else row
        if ri >= header_rows:
            aligned = _without_notes(aligned, ri, marks, g)
        if ri >= header_rows:
            label = _section_label(aligned)
            if label is not None and len(rows) > ri + 1:
                section = label
            if section is not None:
                g.sections[ri] = section
            part = _part_label(aligned)
            if part is not None and len(rows) > ri + 1:
                period = _label_period(part)    # a part naming no period ends the one before
            if period is not None:
                g.periods[ri] = period
        g.rows.append(aligned)
    return g
