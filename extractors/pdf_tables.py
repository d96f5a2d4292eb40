"""Ruled tables in a PDF page (used by :mod:`extractors.pdf`).

``page.find_tables()`` finds tables drawn with lines; each row is read cell by
cell: a cell spanning several columns is one cell with ``colspan``, a cell
spanning several rows gives its text to its first row and an empty cell below
(as the .docx reader does), and a row's trailing empty cells are dropped.  A
box around a paragraph (a single column) is not a table; a single row is (it is
often the end of a table whose row broke across the page).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from .pdf_lines import join_cell, join_lines

CellIn = tuple[str, int]


@dataclass
class PdfTable:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    col_x: list[float]                    # left edge of every grid column
    rows: list[list[CellIn]] = field(default_factory=list)
    last_page: int = 0                    # the page where it ends (after merging continuations)
    conf: Optional[float] = None          # OCR: Tesseract's mean word confidence (0-100); None for a text layer

    @property
    def ncols(self) -> int:
        return len(self.col_x)

    def same_grid(self, other: "PdfTable", tol: float = 3.0) -> bool:
        return self.ncols == other.ncols and all(abs(a - b) <= tol for a, b in zip(self.col_x, other.col_x))

    def contains(self, x: float, y: float) -> bool:
        return self.x0 - 1 <= x <= self.x1 + 1 and self.top - 1 <= y <= self.bottom + 1


def _span(bbox, col_x: list[float]) -> int:
    x0, x1 = bbox[0], bbox[2]
    first = bisect.bisect_left(col_x, x0 - 1.5)
    last = bisect.bisect_left(col_x, x1 - 1.5)
    return max(1, last - first)


def page_tables(page, page_no: int) -> list[PdfTable]:
    """The ruled tables of a pdfplumber page, top to bottom."""
    if len(page.edges) < 4:
        return []
    return tables_from(page.find_tables(), page_no, lambda t: t.extract(x_tolerance=1.5))


def tables_from(found, page_no: int, texts_of) -> list[PdfTable]:
    """PdfTables from pdfplumber ``Table`` objects; ``texts_of(table)`` gives the
    text of every cell, row by row, as ``Table.extract`` does."""
    out: list[PdfTable] = []
    for t in found:
        cells = [c for row in t.rows for c in row.cells if c is not None]
        col_x = sorted({round(c[0], 1) for c in cells})
        merged: list[float] = []
        for x in col_x:
            if not merged or x - merged[-1] > 1.5:
                merged.append(x)
        col_x = merged
        if len(col_x) < 2:
            continue       # a box around text, not a table
        texts = texts_of(t)
        x0, top, x1, bottom = t.bbox
        table = PdfTable(page_no, top, bottom, x0, x1, col_x, last_page=page_no)
        for r, (row, row_texts) in enumerate(zip(t.rows, texts)):
            out_row: list[CellIn] = []
            c = 0
            n = len(row.cells)
            while c < n:
                bbox = row.cells[c]
                if bbox is not None:
                    span = _span(bbox, col_x)
                    out_row.append((join_cell(row_texts[c]), span))
                    c += max(1, span)
                    continue
                # a cell covered by a taller cell above: empty here, as wide as that cell
                span = 1
                for above in range(r - 1, -1, -1):
                    b = t.rows[above].cells[c] if c < len(t.rows[above].cells) else None
                    if b is not None:
                        span = _span(b, col_x)
                        break
                out_row.append(("", span))
                c += span
            while out_row and not out_row[-1][0].strip():
                out_row.pop()
            table.rows.append(out_row)
        out.append(table)
    out.sort(key=lambda t: t.top)
    return out


def merge_continuation(prev: PdfTable, cont: PdfTable) -> bool:
    """Append ``cont`` (a table at the top of the next page) to ``prev`` when it
    has the same columns; a repeated header is dropped.  True when merged."""
    if cont.page != prev.last_page + 1 or not prev.same_grid(cont):
        return False
    rows = cont.rows
    k = 0
    while k < len(rows) and k < len(prev.rows) and k < 3 and _texts(rows[k]) == _texts(prev.rows[k]):
        k += 1
    rows = rows[k:]
    if rows and prev.rows and _is_row_fragment(prev.rows[-1], rows[0]):
        prev.rows[-1] = _join_rows(prev.rows[-1], rows[0])
        rows = rows[1:]
    prev.rows.extend(rows)
    prev.last_page = cont.page
    return True


def _by_col(row: list[CellIn]) -> dict[int, int]:
    """grid column -> index of the cell starting there."""
    out, col = {}, 0
    for i, (_, span) in enumerate(row):
        out[col] = i
        col += span
    return out


def _is_row_fragment(last: list[CellIn], first: list[CellIn]) -> bool:
    """Is ``first`` (the top row of a continued table) the rest of ``last``, a row
    that broke across the page?  Its text goes on in lower case under cells of
    ``last`` that have text, and it has no text of its own elsewhere."""
    cols_last = _by_col(last)
    filled = [(col, first[i][0]) for col, i in _by_col(first).items() if first[i][0].strip()]
    if not filled:
        return False
    for col, text in filled:
        if not text[0].islower():
            return False
        i = cols_last.get(col)
        if i is None or not last[i][0].strip() or last[i][0].rstrip().endswith((".", ";", ":")):
            return False
    return True


def _join_rows(last: list[CellIn], first: list[CellIn]) -> list[CellIn]:
    out = list(last)
    cols_last = _by_col(last)
    for col, i in _by_col(first).items():
        text = first[i][0]
        if text.strip():
            j = cols_last[col]
            out[j] = (join_lines(out[j][0], text), out[j][1])
    return out


def _texts(row: list[CellIn]) -> list[str]:
    return [t for t, _ in row]


# --- tables from ruled lines found elsewhere (PDFium paths, a scanned image) ---------------------
def tables_in_edges(edges: list[dict]) -> list:
    """pdfplumber ``Table`` objects (cells only) from ruled lines given as pdfplumber
    edges, with the tolerances of ``page.find_tables()``."""
    from pdfplumber.table import (Table, cells_to_tables, edges_to_intersections, intersections_to_cells,
                                  merge_edges)

    if len([e for e in edges if e["orientation"] == "v"]) < 2:
        return []
    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= 3]
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    return [Table(None, group) for group in cells_to_tables(cells)]


def cell_text(bbox, words: list) -> str:
    """The text of the words (``text``, ``x0``, ``x1``, ``top``, ``bottom``) whose centre is in
    the cell, line by line, as pdfplumber's ``Table.extract`` gives it."""
    x0, top, x1, bottom = bbox
    inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 < x1 and top <= (w.top + w.bottom) / 2 < bottom]
    if not inside:
        return ""
    inside.sort(key=lambda w: (w.top, w.x0))
    lines: list[list] = []
    for w in inside:
        if lines and abs(w.top - lines[-1][0].top) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)
