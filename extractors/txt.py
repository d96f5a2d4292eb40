"""Reader for plain text and Markdown-flavoured text (.txt, .md).

This is the form the seed reports come in: one paragraph per line, blank lines
between paragraphs, ``**bold**`` / ``*italic*`` emphasis, tables either as pipe
tables (``| a | b |`` with a ``|---|`` rule), as tab-separated lines, or as a
statistics page copied as text (a header ending in years over lines ending in
figures, cells parted by spaces only), and footnotes as lines starting with a superscript number (``¹ ...``).

:func:`parse_blocks` is public: the corpus builder uses it to turn a seed into a
.docx with exactly the same blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline.document import DocumentBuilder
from pipeline.layout import classify
from pipeline.model import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Document

from .common import decode_text, read_bytes

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPTS}]+\s+\S")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DASH_ROW = re.compile(r"^[\s\-|\t:]+$")
_SENT_END = re.compile(r"[.;:!?…)\]\"]\s*$")
# A paragraph repaired from wrapped lines stops growing here, and a longer line is cut at a
# space: a real paragraph is far shorter, and no block may be so long that reading it (and
# running the rules over it) stops being linear in the file's size.
MAX_PARAGRAPH = 4000
MAX_LINE = 20000


@dataclass
class TextBlock:
    kind: str
    text: str                       # markup removed
    level: Optional[int] = None
    bold: bool = False              # the whole block is bold
    raw: str = ""                   # the source line(s) with markup, for builders
    rows: list[list[str]] = field(default_factory=list)   # tables


def strip_markup(line: str) -> tuple[str, bool]:
    """Remove Markdown emphasis; returns (text, whole line was bold)."""
    s = line.strip()
    whole_bold = False
    m = re.fullmatch(r"\*\*(.+)\*\*", s, flags=re.S)
    if m and "**" not in m.group(1):
        whole_bold = True
    s = _BOLD.sub(r"\1", s)
    s = _ITALIC.sub(r"\1", s)
    # an unmatched ** opening or closing a bold span that continues on another line
    if s.startswith("**"):
        s, whole_bold = s[2:], True
    if s.endswith("**"):
        s, whole_bold = s[:-2], True
    return s.strip(), whole_bold


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") or (s.count("|") >= 2 and " | " in s)


def _pipe_cells(line: str) -> list[str]:
    """Cells of a pipe row.  Bars at both ends are a Markdown border (``| a | b |``); a bar that
    only opens the row (`` | Tỷ lệ | Thành thị``) follows an empty first cell (a table's corner)."""
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and len(s) > 1:
        s = s[1:-1]
    elif s.endswith("|") and not s.startswith("|"):
        s = s[:-1]
    return [strip_markup(c)[0] for c in s.split("|")]


def _tab_cells(line: str) -> list[str]:
    return [strip_markup(c)[0] for c in line.rstrip("\n").split("\t")]


def _trim_row(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def _useless_row(cells: list[str]) -> bool:
    return all(not c.strip() or _DASH_ROW.match(c) for c in cells)


def _read_table(lines: list[str], i: int, kind: str) -> tuple[list[list[str]], int]:
    """Consume a table starting at line i; blank lines inside a table are skipped
    when the table goes on after them."""
    rows: list[list[str]] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j < n and ((kind == "tab" and "\t" in lines[j]) or (kind == "pipe" and _is_pipe_row(lines[j]))):
                i = j
                continue
            break
        if kind == "tab" and "\t" not in line:
            break
        # inside a table a row of two cells ('I | Khen thưởng năm 2022', a part of the table) goes on
        if kind == "pipe" and not (_is_pipe_row(line) or _PIPE_RULE.match(line) or (rows and " | " in line)):
            break
        if kind == "pipe" and _PIPE_RULE.match(line):
            i += 1
            continue
        cells = _tab_cells(line) if kind == "tab" else _pipe_cells(line)
        cells = _trim_row(cells)
        if cells and not _useless_row(cells):
            rows.append(cells)
        i += 1
    return rows, i


# A statistics page copied as text loses its cell borders: a header ending in years
# ("Chỉ tiêu ĐV tính 2010 2011 2012 ...") over lines ending in as many figures or fewer
# ("Tỷ lệ hộ nghèo % 15.40 12.11 ...").  Such a run is a table: the label, then one cell per figure.
SPACED_MIN_YEARS = 3
_YEARS_TAIL = re.compile(r"^(?P<label>.*?\S)?(?P<tail>(?:[ ]+(?:19|20)\d\d){%d,})[ ]*$" % SPACED_MIN_YEARS)
_FIGURES_TAIL = re.compile(r"^(?P<label>.*?\D)(?P<tail>(?:[ ]+-?\d[\d.,]*){2,})[ ]*$")


def _spaced_cells(line: str, rx: re.Pattern) -> Optional[list[str]]:
    m = rx.match(line.strip())
    if m is None:
        return None
    return [(m.group("label") or "").strip()] + m.group("tail").split()


def _read_spaced_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Consume a header of years and the rows of figures under it (a label line with no figure,
    a part of the table, may stand between them); a row with more figures than the header has
    years, or a blank line, ends it.  A row with fewer figures is read from the first year on
    (its last years are empty cells)."""
    head = _spaced_cells(lines[i], _YEARS_TAIL)
    assert head is not None
    rows, n, j = [head], len(head) - 1, i + 1
    while j < len(lines) and lines[j].strip():
        cells = _spaced_cells(lines[j], _FIGURES_TAIL)
        if cells is None and j + 1 < len(lines) and _spaced_cells(lines[j + 1], _FIGURES_TAIL) \
                and len(lines[j].strip()) <= 80:
            cells = [lines[j].strip()]          # "3. GIẢM NGHÈO" between the header and its rows
        if cells is None or len(cells) - 1 > n:
            break
        # figures fill the years from the first: a row that stops early leaves the last years empty
        rows.append(cells + [""] * (n + 1 - len(cells)) if len(cells) > 1 else cells)
        j += 1
    return (rows, j) if len(rows) >= 3 or (len(rows) == 2 and len(rows[1]) > 2) else ([], i)


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _continues(prev: TextBlock, line_text: str) -> bool:
    """Is this line the continuation of the previous paragraph (a stray break)?"""
    if prev.kind not in (PARAGRAPH, LIST_ITEM) or not line_text or len(prev.text) > MAX_PARAGRAPH:
        return False
    if _SENT_END.search(prev.text[-40:]):
        return False
    first = line_text[0]
    return first.islower()


def _lines(text: str) -> list[str]:
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        while len(line) > MAX_LINE:
            cut = line.rfind(" ", MAX_LINE // 2, MAX_LINE)
            cut = cut if cut > 0 else MAX_LINE
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return out


def parse_blocks(text: str) -> list[TextBlock]:
    """Split plain text into blocks (see module docstring); linear in the text's length."""
    lines = _lines(text)
    blocks: list[TextBlock] = []
    footnotes: list[TextBlock] = []
    i, n = 0, len(lines)
    prev_blank = True
    while i < n:
        line = lines[i]
        if not line.strip():
            prev_blank = True
            i += 1
            continue
        if "\t" in line.strip("\n") and line.strip():
            rows, i = _read_table(lines, i, "tab")
            if rows:
                blocks.append(TextBlock(TABLE, "", rows=rows))
            prev_blank = True
            continue
        if _is_pipe_row(line) or (_PIPE_RULE.match(line) and i + 1 < n and _is_pipe_row(lines[i + 1])):
            rows, i = _read_table(lines, i, "pipe")
            if rows:
                blocks.append(TextBlock(TABLE, "", rows=rows))
            prev_blank = True
            continue
        if _YEARS_TAIL.match(line.strip()):
            rows, j = _read_spaced_table(lines, i)
            if rows:
                blocks.append(TextBlock(TABLE, "", rows=rows))
                i, prev_blank = j, True
                continue
        # a "- | | |" Markdown header stub directly before a pipe rule
        if i + 1 < n and _PIPE_RULE.match(lines[i + 1]) and "|" in line:
            i += 1
            continue
        raw = line.strip()
        if raw.count("**") % 2 == 1:
            # a bold span opened here closes on a later line: one block, lines kept
            j = i + 1
            while j < n and j - i <= 4 and lines[j].strip() and lines[j].count("**") % 2 == 0:
                j += 1
            if j < n and lines[j].strip() and j - i <= 4:
                raw = "\n".join(x.strip() for x in lines[i:j + 1])
                i = j
        t, bold = strip_markup(raw)
        if not t:
            i += 1
            continue
        if _FOOTNOTE_LINE.match(t):
            footnotes.append(TextBlock(FOOTNOTE, t, raw=raw))
            i += 1
            prev_blank = False
            continue
        prev = blocks[-1] if blocks else None
        if prev is not None and prev.kind != TABLE:
            # repair a paragraph broken across a page (blank line) or a wrapped line
            if _continues(prev, t) and (prev_blank or not classify(t)[0] == LIST_ITEM):
                prev.text = f"{prev.text} {t}"
                prev.raw = f"{prev.raw} {raw}"
                i += 1
                prev_blank = False
                continue
            # a capitals heading wrapped over two lines
            if (not prev_blank and prev.kind == HEADING and len(prev.text) < MAX_PARAGRAPH and _is_caps(prev.text)
                    and _is_caps(t)
                    and classify(t)[0] != LIST_ITEM and not re.match(r"^(phần|phan)\b", t, re.I)):
                prev.text = f"{prev.text} {t}"
                prev.raw = f"{prev.raw} {raw}"
                i += 1
                continue
        kind, level = classify(t, bold)
        blocks.append(TextBlock(kind, t, level=level, bold=bold, raw=raw))
        prev_blank = False
        i += 1
    return blocks + footnotes


def extract(path: str) -> Document:
    data = read_bytes(path)
    text = decode_text(data)
    fmt = "md" if path.lower().endswith(".md") else "txt"
    b = DocumentBuilder(path, fmt)
    for tb in parse_blocks(text):
        if tb.kind == TABLE:
            b.add_table(tb.rows)
        else:
            b.add(tb.kind, tb.text, level=tb.level, bold=tb.bold)
    if b.empty:
        from pipeline.model import EMPTY, ExtractError
        raise ExtractError(EMPTY, "Tệp không có nội dung văn bản.")
    return b.build()
