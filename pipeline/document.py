"""Building a :class:`~pipeline.model.Document` from blocks.

Every reader feeds its blocks, in reading order, to a :class:`DocumentBuilder`;
the builder normalizes each block, lays the blocks out into one text with exact
offsets (blocks separated by a blank line, table rows by a newline, cells by
``" | "``) and computes the match form.  Readers therefore never compute offsets
themselves, and the same content gives the same text whatever the format.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union

from .model import (BLOCK_SEP, CELL_SEP, ROW_SEP, TABLE, Block, Cell, Document,
                    Row)
from .normalize import match_form, normalize_text

# A cell given to add_table: its text, or (text, colspan).
CellInput = Union[str, tuple[str, int]]


class DocumentBuilder:
    def __init__(self, path: str, fmt: str):
        self.path = path
        self.format = fmt
        self._pending: list[dict] = []
        self.pages: Optional[int] = None
        self.warnings: list[str] = []
        self.ocr_pages: list[int] = []
        self.ocr_confidence: Optional[float] = None

    # -- adding content ----------------------------------------------------
    def add(self, kind: str, text: str, *, level: Optional[int] = None,
            page: Optional[int] = None, bold: bool = False, ocr: Optional[float] = None) -> None:
        """Add a non-table block; empty text is ignored.  ``ocr``: the block was
        recognised from an image, with this mean confidence (0-100)."""
        t = normalize_text(text)
        if t:
            self._pending.append(dict(kind=kind, text=t, level=level, page=page, bold=bold, ocr=ocr))

    def add_table(self, rows: Sequence[Sequence[CellInput]], *, page: Optional[int] = None,
                  ocr: Optional[float] = None) -> None:
        """Add a table given as rows of cells; rows whose cells are all empty are dropped."""
        norm_rows: list[list[tuple[str, int]]] = []
        for r in rows:
            cells = []
            for c in r:
                text, span = (c, 1) if isinstance(c, str) else (c[0], int(c[1]))
                cells.append((normalize_text(text).replace("\n", " "), max(1, span)))
            if any(t for t, _ in cells):
                norm_rows.append(cells)
        if norm_rows:
            self._pending.append(dict(kind=TABLE, rows=norm_rows, page=page, ocr=ocr))

    @property
    def empty(self) -> bool:
        return not self._pending

    # -- layout ------------------------------------------------------------
    def build(self) -> Document:
        parts: list[str] = []
        blocks: list[Block] = []
        pos = 0
        n_tables = 0
        for i, p in enumerate(self._pending):
            if i:
                parts.append(BLOCK_SEP)
                pos += len(BLOCK_SEP)
            start = pos
            if p["kind"] == TABLE:
                rows: list[Row] = []
                for ri, cells in enumerate(p["rows"]):
                    if ri:
                        parts.append(ROW_SEP)
                        pos += len(ROW_SEP)
                    row_start = pos
                    out_cells: list[Cell] = []
                    col = 0
                    for ci, (ct, span) in enumerate(cells):
                        if ci:
                            parts.append(CELL_SEP)
                            pos += len(CELL_SEP)
                        out_cells.append(Cell(ct, pos, pos + len(ct), col, span))
                        parts.append(ct)
                        pos += len(ct)
                        col += span
                    rows.append(Row(out_cells, row_start, pos))
                blocks.append(Block(index=len(blocks), kind=TABLE, text="", start=start, end=pos,
                                    page=p.get("page"), rows=rows, table_index=n_tables, ocr=p.get("ocr")))
                n_tables += 1
            else:
                parts.append(p["text"])
                pos += len(p["text"])
                blocks.append(Block(index=len(blocks), kind=p["kind"], text=p["text"], start=start,
                                    end=pos, level=p.get("level"), page=p.get("page"),
                                    bold=p.get("bold", False), ocr=p.get("ocr")))
        full = "".join(parts)
        for b in blocks:
            if b.kind == TABLE:
                b.text = full[b.start:b.end]
        return Document(path=self.path, format=self.format, blocks=blocks, text=full,
                        match_text=match_form(full), pages=self.pages, warnings=list(self.warnings),
                        ocr_pages=list(self.ocr_pages), ocr_confidence=self.ocr_confidence)


def document_from_blocks(path: str, fmt: str, items: Iterable[tuple[str, str]]) -> Document:
    """Small helper for tests and tools: build a document from (kind, text) pairs."""
    b = DocumentBuilder(path, fmt)
    for kind, text in items:
        b.add(kind, text)
    return b.build()


def page_ranges(pages) -> str:
    """``[1, 2, 3, 5]`` -> ``1-3, 5`` (how messages and ``documents.ocr_pages`` list pages)."""
    parts: list[list[int]] = []
    for n in sorted(set(pages)):
        if parts and n == parts[-1][1] + 1:
            parts[-1][1] = n
        else:
            parts.append([n, n])
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in parts)
