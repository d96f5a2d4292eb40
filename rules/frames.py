"""The frame of a text: the period, status and subject a figure inherits when it
does not state them itself.

A figure's own clause and sentence come first (``rules/context.py``); what they
leave open is taken from the frames around them, innermost first:

``paragraph`` → ``lead_in`` (the line a list or table hangs from) → ``heading``
(the section headings above) → ``title`` (the document's title, or a news
text's headline) → ``lede`` (the period the first paragraph of a headerless
text sets) → ``dateline`` (the year a news text was published) → ``document``
(the period of the header).

A *headerless* text (a portal news item, a passage of a web page) has no
``BÁO CÁO`` title naming its period: its headline, its first paragraph and its
dateline (``17:4, Thứ Tư, 28-12-2022``, ``Create: T5, 01/09/2020 - 09:39``)
take that place.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from pipeline.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, DocMeta, Document

from .context import Period, period_mentions
from .lexicon import P

_DATE_YEAR = P("frame_date_year")
_DATELINE_CUE = P("frame_dateline_cue")
_HEADLINE_MAX = 220
_DATELINE_MAX = 90


def dateline_year(doc: Document, b: Block) -> Optional[int]:
    """The year of a dateline block (``16:36 | 14/10/2020``), None if the block is not one."""
    if len(b.text) > _DATELINE_MAX or b.kind == TABLE:
        return None
    line = doc.match_text[b.start:b.end]
    m = _DATE_YEAR.search(line)
    if m is None or not _DATELINE_CUE.search(line):
        return None
    return int(m.group("y"))


@dataclass
class DocFrame:
    """What a whole document gives every figure in it."""
    period: Optional[Period] = None      # the fallback period, with its source
    dateline_year: Optional[int] = None  # the year a news text was published
    headline: Optional[Block] = None     # the first line of a headerless text


def _is_headline(b: Block) -> bool:
    t = b.text.strip()
    return b.kind in (HEADING, PARAGRAPH) and 0 < len(t) <= _HEADLINE_MAX and not t.endswith((".", ":", ";"))


def _first_period(doc: Document, b: Block, doc_period: Optional[str]) -> Optional[str]:
    found = [m for m in period_mentions(doc.match_text[b.start:b.end], b.start, doc_period)
             if not m.baseline and not m.attached]
    if not found:
        return None
    years = [m for m in found if m.reason is False]
    return (years or found)[0].period


def document_frame(doc: Document, meta: DocMeta, header_end: int = 0) -> DocFrame:
    """The document's own frame.  A text with a header period keeps it (``document``); a
    headerless text takes its headline's period, else its first paragraph's, else its dateline's
    year."""
    frame = DocFrame()
    body = [b for b in doc.blocks[header_end:header_end + 8] if b.kind not in (TABLE,)]
    for b in body[:5]:
        y = dateline_year(doc, b)
        if y:
            frame.dateline_year = y
            break
    if meta.period:
        frame.period = Period(meta.period, "document")
        return frame
    if meta.doc_type not in (None, "other"):
        return frame
    lines = [b for b in body if dateline_year(doc, b) is None]
    if lines and _is_headline(lines[0]):
        frame.headline = lines[0]
        p = _first_period(doc, lines[0], None)
        if p:
            frame.period = Period(p, "title")
            return frame
        lines = lines[1:]
    for b in lines[:2]:
        if b.kind in (PARAGRAPH, LIST_ITEM) and len(b.text) > 60:
            p = _first_period(doc, b, None)
            if p:
                frame.period = Period(p, "lede")
                return frame
            break
    if frame.dateline_year:
        frame.period = Period(str(frame.dateline_year), "dateline")
    return frame


class Frames:
    """The frames of one document, computed once (``Analysis.frames``)."""

    def __init__(self, doc: Document, meta: DocMeta):
        self.doc, self.meta = doc, meta

    @cached_property
    def document(self) -> DocFrame:
        return document_frame(self.doc, self.meta)
