"""Block classification shared by the readers.

Vietnamese administrative documents number their sections in a fixed way
(``Phần thứ nhất`` / ``Phần I``, then ``I.``, then ``1.``, ``1.1.``, then ``a)``,
then ``-`` / ``+`` bullets).  Readers that see only lines of text (plain text,
PDF) classify them here; the .docx reader also uses it when Word styles are
missing, which is the usual case.
"""
from __future__ import annotations

import re

from .model import HEADING, LIST_ITEM, PARAGRAPH

_PART = re.compile(r"^(phần|phan)\s+(thứ\s+\w+|[IVXLC]+\b|\d+\b)", re.I)
_ROMAN = re.compile(r"^[IVXLC]{1,6}\s*[./)-]\s*\S")
_NUM = re.compile(r"^(\d{1,2})(\.\d{1,2}){0,3}\.?\s+\S")
_COUNT_START = re.compile(r"^\d{1,2}\s+[a-zđà-ỹ]")     # a number without its dot, then a lower-case word
_NUM_DEPTH = re.compile(r"^\d{1,2}((?:\.\d{1,2})*)")
_LETTER = re.compile(r"^[a-zđ]\)\s+\S")
_BULLET = re.compile(r"^([-+*•–—·▪●○◦]|\*{1,3})\s*\S")
_SENTENCE_END = re.compile(r"[.;:!?]\s*$")

HEADING_MAX = 220  # a numbered line longer than this reads as a list item


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def classify(text: str, bold: bool = False) -> tuple[str, int | None]:
    """(kind, heading level) of one paragraph of normalized text."""
    t = text.strip()
    if not t:
        return PARAGRAPH, None
    first_line = t.split("\n", 1)[0]
    if _PART.match(first_line) and len(t) < 120:
        return HEADING, 1
    if _ROMAN.match(first_line) and len(t) < HEADING_MAX:
        return HEADING, 2
    m = _NUM.match(first_line)
    if m and _COUNT_START.match(first_line):
        m = None    # "4 tập thể này gồm: ...": a count opening a sentence, not a numbered heading
    if m:
        depth = _NUM_DEPTH.match(first_line).group(1).count(".")
        if len(t) < HEADING_MAX and (bold or not _SENTENCE_END.search(t) or len(t) < 120):
            return HEADING, 3 + depth
        return LIST_ITEM, None
    if _LETTER.match(first_line):
        if len(t) < 160:
            return HEADING, 5
        return LIST_ITEM, None
    if _BULLET.match(first_line):
        return LIST_ITEM, None
    if _is_caps(t) and len(t) < 200:
        return HEADING, 2
    if bold and len(t) < 160:
        return HEADING, 5
    return PARAGRAPH, None
