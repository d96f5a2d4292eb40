"""Sentences, clauses and section context over a Document.

Rules work sentence by sentence.  A :class:`Sentence` is a span of one
non-table block with its offsets in ``Document.text``; ``headings`` is the stack
of section headings above it (nearest last), which carries context such as the
year of a section (``Kết quả khen thưởng năm 2021``) or that a section states
targets (``PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, Optional

from pipeline.model import FOOTER, FOOTNOTE, HEADER, HEADING, TABLE, Block, Document
from .lexicon import P

# abbreviations after which a period does not end a sentence
_ABBREV = P("txt_abbrev")
_BOUNDARY = P("txt_boundary")
_END_SIGNS = P("txt_end_signs")


@dataclass
class Sentence:
    doc: Document
    block: Block
    start: int
    end: int
    headings: tuple[Block, ...] = ()
    in_closing: bool = False           # after "Nơi nhận" / signature: no figures expected

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    @property
    def mtext(self) -> str:
        return self.doc.match_text[self.start:self.end]

    def m(self, start: int, end: int) -> str:
        """match text of an absolute span"""
        return self.doc.match_text[start:end]

    @cached_property
    def paren_spans(self) -> list[tuple[int, int]]:
        """Absolute spans of top-level parentheses in the sentence (inclusive of the brackets)."""
        out, depth, open_at = [], 0, None
        for i, ch in enumerate(self.text):
            if ch == "(":
                if depth == 0:
                    open_at = self.start + i
                depth += 1
            elif ch == ")" and depth:
                depth -= 1
                if depth == 0 and open_at is not None:
                    out.append((open_at, self.start + i + 1))
        if depth and open_at is not None:
            out.append((open_at, self.end))
        return out

    def in_paren(self, pos: int) -> Optional[tuple[int, int]]:
        for s, e in self.paren_spans:
            if s <= pos < e:
                return (s, e)
        return None


def _split_block(block: Block) -> list[tuple[int, int]]:
    """Sentence spans (absolute) inside a block: split after . ! ? when the next
    word starts a sentence and the period does not close an abbreviation, and
    never inside parentheses."""
    text = block.text
    spans, start = [], 0
    depth = 0
    paren_at = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        paren_at[i] = depth
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if paren_at[m.start()] > 0:
            continue
        head = text[start:m.start() + 1]
        if head.endswith(".") and _ABBREV.search(head):
            continue
        if end - start < 2:
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(block.start + s, block.start + e) for s, e in spans if text[s:e].strip()]


def _walk(doc: Document, upto: Optional[int] = None) -> Iterator[tuple[Block, tuple[Block, ...]]]:
    """(block, headings above it) for every non-table block in order."""
    stack: list[tuple[int, Block]] = []
    prev: Optional[Block] = None
    for b in doc.blocks[:upto]:
        if b.kind in (TABLE, HEADER, FOOTER):
            continue
        if doc.match_text.startswith("nơi nhận", b.start):
            stack.clear()  # the closing part: what follows (signature, annexes) is outside the sections
        if b.kind == HEADING:
            lvl = effective_level(b, prev)
            while stack and stack[-1][0] >= lvl:
                stack.pop()
            yield b, tuple(x for _, x in stack)
            stack.append((lvl, b))
        else:
            yield b, tuple(x for _, x in stack)
        prev = b


def sentences(doc: Document) -> list[Sentence]:
    """All sentences of the document's non-table blocks, in order, with the
    heading stack above each."""
    out: list[Sentence] = []
    closing = False
    for b, heads in _walk(doc):
        first = doc.match_text[b.start:b.start + 12]
        if first.startswith("nơi nhận") or (b.kind == HEADING and _END_SIGNS.match(first)):
            closing = True
        for s, e in _split_block(b):
            out.append(Sentence(doc, b, s, e, heads, closing and b.kind != FOOTNOTE))
    return out


def heading_stack_at(doc: Document, block_index: int) -> tuple[Block, ...]:
    """The headings above a block (used for tables)."""
    heads: tuple[Block, ...] = ()
    for b, h in _walk(doc, block_index):
        heads = h + ((b,) if b.kind == HEADING else ())
    return heads


_PART = P("txt_part")
_NUMBERED = P("txt_numbered")


def effective_level(b: Block, prev: Optional[Block]) -> int:
    """A heading's level for the section stack: an unnumbered title right under
    "Phần thứ ..." is the part's own title (same level), so what it says (e.g.
    "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023") covers the whole part."""
    lvl = b.level or 9
    if (prev is not None and prev.kind == HEADING and prev.level == 1 and _PART.match(prev.text)
            and not _NUMBERED.match(b.text) and not _PART.match(b.text)):
        return 1
    return lvl


# --- clauses ------------------------------------------------------------------
_CLAUSE_SEP = re.compile(r";|:(?!\d)|\n")


def clause_start(sent: Sentence, pos: int, *, seps: str = ";:") -> int:
    """Absolute start of the clause containing pos: after the last top-level
    separator (any char of ``seps``) before pos, staying inside the parenthesis
    that contains pos when there is one."""
    par = sent.in_paren(pos)
    text = sent.doc.text
    if par and not text[par[0] + 1:pos].strip():
        # "(3,7%)": a figure alone in brackets belongs to the clause around them
        pos, par = par[0], None
        for s_, e_ in sent.paren_spans:
            if s_ < pos < e_:
                par = (s_, e_)
    lo = par[0] + 1 if par else sent.start
    i = pos - 1
    depth = 0
    while i >= lo:
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in seps:
            if ch == ":" and i + 1 < len(text) and text[i + 1].isdigit():
                pass
            else:
                return i + 1
        i -= 1
    return lo


def clause_end(sent: Sentence, pos: int, *, seps: str = ";") -> int:
    par = sent.in_paren(pos)
    hi = par[1] - 1 if par else sent.end
    text = sent.doc.text
    depth = 0
    i = pos
    while i < hi:
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in seps:
            return i
        i += 1
    return hi
