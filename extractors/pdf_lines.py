"""From PDF words to lines and paragraphs (used by :mod:`extractors.pdf`).

A line is the words sharing a baseline; a raised word in a smaller font is a
superscript (a footnote reference: digits become ``¹``).  Lines are joined into
paragraphs by what a reader sees: a new paragraph starts after a line that ends
early (the next line's first word would have fitted), at a first-line indent,
at a larger vertical gap, or where the font changes (size, or bold to plain).
Wrapped lines are joined with a space, except after a hyphen or slash that
ends the line (``2015-`` / ``2020`` stays ``2015-2020``); a Latin word split by
hyphenation (``docu-`` / ``ment``) is rejoined without the hyphen.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Optional

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans("0123456789", SUPERSCRIPTS)
SUP_RATIO = 0.8          # a word smaller than this share of its line's size may be a superscript


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    sup: bool = False


@dataclass
class Line:
    words: list[Word]
    page: int
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    bold: bool = False
    text: str = ""
    frame: Optional["Frame"] = None      # a column's own frame, inside a two-column block
    conf: Optional[float] = None         # OCR: Tesseract's mean word confidence (0-100); None for a text layer

    def finish(self) -> "Line":
        self.words.sort(key=lambda w: w.x0)
        normal = [w for w in self.words if not w.sup] or self.words
        self.top = min(w.top for w in normal)
        self.bottom = max(w.bottom for w in normal)
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        weights: dict[float, int] = {}
        for w in normal:
            weights[round(w.size, 1)] = weights.get(round(w.size, 1), 0) + len(w.text)
        self.size = max(weights, key=weights.get)
        self.bold = all(w.bold for w in normal if w.text.strip())
        parts: list[str] = []
        prev: Optional[Word] = None
        for w in self.words:
            text = w.text.translate(_SUP) if w.sup and w.text.isdigit() else w.text
            if prev is not None and w.x0 - prev.x1 > 0.15 * max(w.size, prev.size):
                parts.append(" ")
            parts.append(text)
            prev = w
        self.text = "".join(parts).strip()
        return self

    @property
    def first_word_width(self) -> float:
        w = self.words[0]
        return w.x1 - w.x0


def build_lines(words: list[Word], page: int) -> list[Line]:
    """Group words into lines (largest fonts first, so superscripts join the line
    they sit in), mark superscripts, and return lines top to bottom."""
    lines: list[Line] = []
    bounds: list[list[float]] = []          # per line: top, bottom, largest size
    for w in sorted(words, key=lambda w: (-w.size, w.top, w.x0)):
        mid = (w.top + w.bottom) / 2
        best = None
        for k, (top, bottom, big) in enumerate(bounds):
            if w.top > bottom + big or w.bottom < top - big:
                continue
            if w.size >= SUP_RATIO * big:
                overlap = min(bottom, w.bottom) - max(top, w.top)
                if overlap > 0.5 * min(w.bottom - w.top, bottom - top):
                    best = k
                    break
            elif top - 0.1 * big <= mid <= bottom and not _collides(lines[k], w):
                best = k
                break
        if best is None:
            lines.append(Line([w], page))
            bounds.append([w.top, w.bottom, w.size])
        else:
            ln, bd = lines[best], bounds[best]
            if w.size < SUP_RATIO * bd[2]:
                base = max(x.bottom for x in ln.words if x.size >= SUP_RATIO * w.size)
                w.sup = w.bottom < base - 0.15 * w.size
            ln.words.append(w)
            bd[0], bd[1], bd[2] = min(bd[0], w.top), max(bd[1], w.bottom), max(bd[2], w.size)
    out = [ln.finish() for ln in lines]
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


def _collides(ln: Line, w: Word) -> bool:
    return any(x.x0 < w.x1 - 0.5 and w.x0 < x.x1 - 0.5 for x in ln.words)


# --- joining wrapped lines ---------------------------------------------------------
_LATIN_SPLIT = re.compile(r"(?<![^\W\d_])[A-Za-z]{2,}-$")


def join_lines(a: str, b: str) -> str:
    """Join a wrapped line ``b`` to the text ``a`` before it."""
    if not a:
        return b
    if not b:
        return a
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if a.endswith("-") and len(a) > 1 and not a[-2].isspace():
        if _LATIN_SPLIT.search(a) and re.match(r"[a-z]{2,}\b", b) and b.split()[0].isascii():
            return a[:-1] + b            # a Latin word split by hyphenation
        return a + b                     # 2015-2020, kinh tế-xã hội
    if a.endswith("/"):
        return a + b
    return a + " " + b


def join_cell(text: Optional[str]) -> str:
    """A table cell's lines joined as a paragraph's are."""
    if not text:
        return ""
    out = ""
    for line in text.split("\n"):
        out = join_lines(out, line.strip())
    return out


# --- paragraphs ----------------------------------------------------------------------
@dataclass
class Frame:
    """The text box of a page: where body lines start and end."""
    left: float
    right: float
    gap: float           # the usual vertical gap between lines of a paragraph


def page_frame(lines: list[Line]) -> Frame:
    if not lines:
        return Frame(0, 0, 0)
    counts: dict[int, int] = {}
    for ln in lines:
        counts[round(ln.x0)] = counts.get(round(ln.x0), 0) + 1
    common = [x for x, n in counts.items() if n >= 2]
    left = float(min(common)) if common else min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])
            if abs(a.size - b.size) < 0.5 and 0 <= b.top - a.bottom < 2 * a.size]
    gap = statistics.median(gaps) if gaps else 0.2 * lines[0].size
    return Frame(left, right, gap)


def is_centered(ln: Line, fr: Frame) -> bool:
    inset_l, inset_r = ln.x0 - fr.left, fr.right - ln.x1
    if inset_l < 1.5 * ln.size or inset_r < 1.5 * ln.size:
        return False
    return abs(inset_l - inset_r) < max(0.5 * ln.size, 0.15 * (inset_l + inset_r) / 2)


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)

    @property
    def conf(self) -> Optional[float]:
        """OCR lines: their mean confidence, weighted by length; None for a text layer."""
        known = [(ln.conf, len(ln.text)) for ln in self.lines if ln.conf is not None]
        if not known:
            return None
        return sum(c * n for c, n in known) / max(1, sum(n for _, n in known))

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            out = join_lines(out, ln.text)
        return out


def starts_new(prev: Line, cur: Line, fr_prev: Frame, fr_cur: Frame, same_page: bool,
               head: Optional[Line] = None) -> bool:
    """Does ``cur`` start a new paragraph after ``prev``?  ``head`` is the first line
    of the paragraph ``prev`` belongs to."""
    size = max(prev.size, cur.size)
    if abs(prev.size - cur.size) > 1.0 or prev.bold != cur.bold:
        return True
    space = 0.25 * prev.size
    if is_centered(prev, fr_prev):
        if (prev.x1 - prev.x0) + space + cur.first_word_width < fr_prev.right - fr_prev.left - 2:
            return True
    elif prev.x1 + space + cur.first_word_width < fr_prev.right - 2:
        return True                      # the line ended early: its paragraph ended
    if same_page and cur.top - prev.bottom > fr_cur.gap + 0.35 * size:
        return True                      # a larger gap than between the lines of a paragraph
    if cur.x0 > fr_cur.left + 0.4 * size and not is_centered(cur, fr_cur) and not _hanging(head, prev, cur):
        return True                      # a first-line indent
    if _SENTENCE_END.search(prev.text) and _NUMBERED.match(cur.text) and not _COUNT_START.match(cur.text):
        return True                      # "... năm 2023." then "3. Hướng dẫn ..."
    return False


def _hanging(head: Optional[Line], prev: Line, cur: Line) -> bool:
    """``cur`` goes on a list item set with a hanging indent: the item starts with
    its label (``1.``, ``a)``, ``-``) further left, and the wrapped lines start
    where the text after the label does."""
    if head is None or not _NUMBERED.match(head.text) or cur.x0 < head.x0 + 0.4 * cur.size:
        return False
    if prev is head:
        return len(head.words) > 1 and abs(head.words[1].x0 - cur.x0) < 0.6 * cur.size
    return abs(prev.x0 - cur.x0) < 1.5


_SENTENCE_END = re.compile(r"[.;:!?]$")
_NUMBERED = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.?|[a-zđ]\)|[IVXLC]{1,6}\.|[-+•▪○◦]|[\uf000-\uf0ff])\s+\S")


# "...: " wrapped before "03 tập thể, 05 cá nhân;": a count going on, not a point's number
_COUNT_START = re.compile(r"^\d{1,3}\s+(?:tập thể|cá nhân|hộ|xã|thôn|người|lượt|đơn vị|huyện)\b", re.I)


def paragraphs(lines: list[Line], frames: dict[int, Frame]) -> list[Para]:
    """Lines (in reading order, possibly over several pages) into paragraphs;
    ``None`` entries in ``lines`` force a break (a table in between)."""
    out: list[Para] = []
    cur: Optional[Para] = None
    for ln in lines:
        if ln is None:
            cur = None
            continue
        if cur is not None:
            prev = cur.lines[-1]
            fp = prev.frame or frames[prev.page]
            fc = ln.frame or frames[ln.page]
            if not starts_new(prev, ln, fp, fc, prev.page == ln.page, cur.lines[0]):
                cur.lines.append(ln)
                continue
        cur = Para([ln])
        out.append(cur)
    return out


# --- side-by-side blocks ---------------------------------------------------------------
COLUMN_GAP_EM = 3.0       # a gap this wide (in font sizes) inside a line separates two columns


def split_wide_gaps(lines: list[Line]) -> list[Line]:
    """Cut lines at gaps wider than ``COLUMN_GAP_EM``: the two columns of a borderless
    header (``ỦY BAN NHÂN DÂN`` | ``CỘNG HÒA ...``) or signature block (``Nơi nhận:`` |
    ``TM. ỦY BAN NHÂN DÂN``) sit on the same baselines."""
    out: list[Line] = []
    for ln in lines:
        segs: list[list[Word]] = [[ln.words[0]]]
        for prev, w in zip(ln.words, ln.words[1:]):
            if w.x0 - prev.x1 > COLUMN_GAP_EM * ln.size:
                segs.append([w])
            else:
                segs[-1].append(w)
        if len(segs) == 1:
            out.append(ln)
        else:
            out.extend(Line(seg, ln.page, conf=ln.conf).finish() for seg in segs)
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


def column_order(lines: list[Line], gap: float) -> list[Optional[Line]]:
    """Reading order for a page's lines: inside a block of side-by-side columns (rows
    of two segments, and single segments that stay on one side), the left column
    is read before the right one; ``None`` marks where paragraphs must break."""
    rows: list[list[Line]] = []
    for ln in lines:
        if rows and abs(rows[-1][0].top - ln.top) < 0.5 * ln.size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
    out: list[Optional[Line]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if len(row) != 2 or row[0].x1 >= row[1].x0:     # overlapping segments (OCR) are not columns
            out.extend(row)
            i += 1
            continue
        gap_l, gap_r = row[0].x1, row[1].x0          # the gutter between the columns
        j = i
        block: list[list[Line]] = []
        while j < len(rows):
            r = rows[j]
            if len(r) == 2 and r[0].x1 < gap_r and r[1].x0 > gap_l:
                gap_l, gap_r = max(gap_l, r[0].x1), min(gap_r, r[1].x0)
            elif len(r) == 1 and (r[0].x1 <= gap_r or r[0].x0 >= gap_l) and j > i:
                if r[0].x1 <= gap_r:
                    gap_l = max(gap_l, r[0].x1)
                else:
                    gap_r = min(gap_r, r[0].x0)
                if gap_l >= gap_r:
                    break
            else:
                break
            block.append(r)
            j += 1
        left = [ln for r in block for ln in r if ln.x1 <= gap_r]
        right = [ln for r in block for ln in r if ln.x1 > gap_r]
        for col in (left, right):
            if not col:
                continue
            fr = Frame(min(x.x0 for x in col), max(x.x1 for x in col), gap)
            for x in col:
                x.frame = fr
            out.append(None)
            out.extend(col)
        out.append(None)
        i = j
    return out
