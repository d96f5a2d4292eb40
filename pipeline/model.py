"""The document model shared by every stage.

file -> extractor -> Document -> rules -> Fact/Honoree/Citation -> warehouse -> checks -> Finding

Readers (``extractors``) build a :class:`Document` through
:class:`pipeline.document.DocumentBuilder`; rules read a Document and never open
files; the warehouse stores all of these objects.  Nothing here imports from
another package of the project.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# Block kinds, in reading order.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE = "table"
FOOTNOTE = "footnote"
HEADER = "header"
FOOTER = "footer"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE, FOOTNOTE, HEADER, FOOTER)

# Document statuses (documents.status).
OK = "ok"
FAILED = "failed"
NEEDS_OCR = "needs_ocr"
EMPTY = "empty"
UNSUPPORTED = "unsupported"

# Separators used when a table is rendered into the document text.
CELL_SEP = " | "
ROW_SEP = "\n"
BLOCK_SEP = "\n\n"


class ExtractError(Exception):
    """A file could not be read.  ``status`` is the documents.status to record
    and the message is a sentence a person understands."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Cell:
    text: str                 # normalized text of the cell
    start: int                # offsets into Document.text
    end: int
    col: int                  # 0-based column index of the cell's first grid column
    colspan: int = 1


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Block:
    index: int                # position in reading order, 0-based
    kind: str                 # one of BLOCK_KINDS
    text: str                 # normalized text, exactly Document.text[start:end]
    start: int
    end: int
    level: Optional[int] = None        # heading level (1 = top)
    page: Optional[int] = None         # 1-based PDF page where the block starts
    rows: Optional[list[Row]] = None   # tables only
    table_index: Optional[int] = None  # tables only: 0-based count of tables in the document
    bold: bool = False                 # the whole block is emphasised (a hint for headings)
    ocr: Optional[float] = None        # read by OCR: the recogniser's mean confidence (0-100); None for text

    @property
    def is_table(self) -> bool:
        return self.kind == TABLE


@dataclass
class Document:
    """A file's content in reading order.

    ``text`` is the normalized text (NFC, clean spaces and quotes, PDF artifacts
    repaired) that every offset points into; ``match_text`` has the same length
    and is what rules match against (lower case, one tone placement).
    """

    path: str
    format: str
    blocks: list[Block]
    text: str
    match_text: str
    pages: Optional[int] = None
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)   # pages recognised by OCR (1-based)
    ocr_confidence: Optional[float] = None               # their mean word confidence (0-100)

    def block_at(self, offset: int) -> Optional[Block]:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None

    def page_at(self, offset: int) -> Optional[int]:
        b = self.block_at(offset)
        return b.page if b else None

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == TABLE]


@dataclass
class DocMeta:
    """Header metadata; the columns of ``documents`` in SPEC.md."""

    doc_type: Optional[str] = None
    doc_number: Optional[str] = None
    title: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    issued_date: Optional[str] = None   # ISO yyyy-mm-dd, None when day or month is blank
    issued_year: Optional[int] = None
    period: Optional[str] = None
    province: Optional[str] = None
    district: Optional[str] = None
    signer: Optional[str] = None


@dataclass
class Fact:
    """One extracted figure with its provenance (a row of ``facts``)."""

    metric: str
    value: float
    char_start: int
    char_end: int
    text: str                          # the source sentence or table row
    rule: str                          # id of the rule that produced it
    unit: Optional[str] = None
    of_total: Optional[float] = None
    award: Optional[str] = None
    recipient: Optional[str] = None
    status: Optional[str] = None
    period: Optional[str] = None
    subject: Optional[str] = None
    subject_level: Optional[str] = None
    label: Optional[str] = None
    qualifier: Optional[str] = None
    page: Optional[int] = None
    block_index: Optional[int] = None
    table_index: Optional[int] = None
    row_index: Optional[int] = None
    col_index: Optional[int] = None
    raw: Optional[str] = None          # the figure as written ("17.68", "650-700", ">95")
    bound: Optional[str] = None        # None/"=" exact, ">", ">=", "<", "<=", "~" (about), "range"
    value_low: Optional[float] = None  # ranges: "650-700" -> 650, 700 (value holds what comparisons use)
    value_high: Optional[float] = None
    stated_percent: Optional[float] = None  # a percent written with a fraction ("03/19 xã ..., chiếm 15,8%")
    granter: Optional[str] = None      # who grants an award, as written ("Chủ tịch UBND tỉnh")
    period_source: Optional[str] = None  # where the period came from: clause, sentence, lead_in, heading, ...
    scope: Optional[str] = None        # the part of the population the figure is about ("hộ đồng bào DTTS")
    confidence: float = 1.0            # < 1 when the number reader had to choose, or the text was read by OCR
    note: Optional[str] = None         # why, when confidence < 1 or a reading was chosen
    ocr_confidence: Optional[float] = None  # read by OCR: the factor (0-1) the confidence was lowered by
    local_id: Optional[int] = None     # position in the document's fact list
    parent_local_id: Optional[int] = None  # the total this fact is a part of
    fact_id: Optional[str] = None      # set by the warehouse (stable per content)
    parent_fact_id: Optional[str] = None


@dataclass
class Honoree:
    name: str
    recipient: str                     # tap_the / ca_nhan
    text: str
    char_start: int
    char_end: int
    rule: str
    position: Optional[str] = None
    award: Optional[str] = None
    period: Optional[str] = None
    page: Optional[int] = None


@dataclass
class Citation:
    """A legal document cited by a report (``Nghị định số 91/2017/NĐ-CP ngày 31/7/2017``)."""

    doc_kind: str                      # nghi_dinh, thong_tu, chi_thi, quyet_dinh, luat, ke_hoach, ...
    number: str                        # as normalized: "91/2017/NĐ-CP", "34-CT/TW", "42" when bare
    text: str
    char_start: int
    char_end: int
    rule: str
    issued_date: Optional[str] = None  # ISO date when stated
    issuer: Optional[str] = None
    page: Optional[int] = None
    canonical: Optional[str] = None    # catalogue key when recognised ("nd_91_2017")


@dataclass
class Extraction:
    """Everything the rules read from one document."""

    meta: DocMeta
    facts: list[Fact] = field(default_factory=list)
    honorees: list[Honoree] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Finding:
    check_code: str
    severity: str                      # error / warning / info
    doc_id: str
    message: str                       # Vietnamese, for the analyst
    fact_ids: list[str] = field(default_factory=list)
    other_doc_id: Optional[str] = None
    expected: Optional[float] = None
    observed: Optional[float] = None
    rule: Optional[str] = None
    finding_id: Optional[str] = None
