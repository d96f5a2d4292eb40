"""Reader for PDF files: the text layer (pypdfium2), scanned pages by OCR.

Per page: the words of the text layer from pypdfium2 (:mod:`extractors.pdf_text`),
the ruled tables (pdfplumber's ``page.find_tables()``, only on pages that show
ruled lines; rows kept, see :mod:`extractors.pdf_tables`) and the words outside
them, grouped into lines (:mod:`extractors.pdf_lines`).  Pages without a usable
text layer are read by OCR (:mod:`extractors.pdf_scan`).  Page numbers and running headers/footers (the
same first or last line on many pages) are dropped; footnotes (small print at
the bottom of a page, each starting with a raised or small number) become
``footnote`` blocks after the body, their reference in the body a superscript
(``mới¹``).  Lines are joined into paragraphs across pages; a table that goes
on at the top of the next page with the same columns is one table.  Every
block carries its 1-based ``page``.

Statuses: a password-protected, truncated or corrupt file is ``failed``; a file
without a text layer on any page is read by OCR, and is ``needs_ocr`` (with what
to install) when Tesseract or its Vietnamese data is missing; pages read by OCR
are named in a warning with the recogniser's mean confidence.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Union

from pipeline.document import DocumentBuilder, page_ranges
from pipeline.layout import classify
from pipeline.model import EMPTY, FAILED, FOOTNOTE, NEEDS_OCR, Document, ExtractError

from . import legacy_fonts
from .common import read_bytes
from .pdf_lines import (SUPERSCRIPTS, Line, Word, build_lines, column_order, join_lines, page_frame, paragraphs,
                        split_wide_gaps)
from .pdf_tables import PdfTable, cell_text, merge_continuation, page_tables, tables_from, tables_in_edges
from .pdf_text import PageText

FOOTNOTE_RATIO = 0.88     # footnote print is at most this share of the body font size
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b$|-bd", re.I)
_PAGE_NUMBER = re.compile(r"(trang|page)?\s*[-–—(]?\s*\d{1,4}\s*[-–—)]?(\s*/\s*\d{1,4})?", re.I)

Item = Union[Line, PdfTable]


@dataclass
class PageContent:
    number: int
    height: float
    lines: list[Line]
    tables: list[PdfTable]
    footnotes: list[Line]
    rules: list[tuple[float, float, float]] = field(default_factory=list)   # short horizontal rules: x0, x1, y


# --- opening ----------------------------------------------------------------------
def _is_password_error(e: BaseException) -> bool:
    seen = set()
    stack = [e]
    while stack:
        x = stack.pop()
        if x is None or id(x) in seen:
            continue
        seen.add(id(x))
        name = type(x).__name__
        if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning") or \
                "password" in str(x).lower():
            return True
        stack.extend([x.__cause__, x.__context__] + [a for a in getattr(x, "args", ()) if isinstance(a, BaseException)])
    return False


def _open(data: bytes):
    """The pypdfium2 document, or an ExtractError that says what is wrong with the file."""
    import pypdfium2 as pdfium
    if b"%PDF-" not in data[:1024]:
        raise ExtractError(FAILED, "Tệp có đuôi .pdf nhưng không phải tệp PDF (không có phần đầu %PDF).")
    if b"%%EOF" not in data[-4096:]:
        raise ExtractError(FAILED, "Tệp PDF bị cắt cụt hoặc chưa tải về đầy đủ: thiếu phần kết thúc (%%EOF).")
    try:
        pdf = pdfium.PdfDocument(data)
        len(pdf)
        return pdf
    except Exception as e:  # PdfiumError says why in its message
        if _is_password_error(e):
            raise ExtractError(FAILED, "PDF được đặt mật khẩu: cần mật khẩu để mở nên không đọc được nội dung. "
                                       "Hãy gửi bản PDF không đặt mật khẩu.")
        raise ExtractError(FAILED, f"Tệp PDF bị hỏng: không đọc được cấu trúc tệp ({type(e).__name__}).")


class _Plumber:
    """pdfplumber, opened only when a page shows ruled lines (its table finder)."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None

    def page(self, number: int):
        if self.pdf is None:
            import pdfplumber
            self.pdf = pdfplumber.open(io.BytesIO(self.data))
        return self.pdf.pages[number - 1]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


# --- one page -------------------------------------------------------------------------
def _words(pt: PageText, tables: list[PdfTable], skipped: Optional[list] = None) -> list[Word]:
    out = []
    for w in pt.words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if tables and any(t.contains(cx, cy) for t in tables):
            continue
        if not w.upright:
            if skipped is not None:
                skipped.append(len(w.text))
            continue   # vertical text (a stamp, a margin note)
        font = w.fontname or ""
        text = legacy_fonts.convert(w.text, font) if legacy_fonts.is_legacy(font) else w.text
        out.append(Word(text, w.x0, w.x1, w.top, w.bottom, w.size, w.bold))
    return out


def _garbled(pt: PageText) -> bool:
    """Most glyphs have no Unicode mapping."""
    return pt.unmapped > 20 and pt.unmapped > 0.5 * pt.chars


def _image_page(pt: PageText) -> bool:
    """Images and (almost) no text: a scan, maybe with a page number or a stamp typed on it."""
    return pt.images > 0 and (pt.chars == 0 or (pt.chars < 40 and pt.image_cover > 0.5))


# --- page furniture ------------------------------------------------------------------
def _edge_lines(p: PageContent, gap_em: float = 0.3) -> list[Line]:
    """Lines that may be page furniture: up to two lines at the top of the page and
    two at the bottom, each in the outer 12 % of the page and set apart from the
    text next to it by more than ``gap_em`` of its size."""
    out: list[Line] = []
    lines = p.lines
    for k in range(min(2, len(lines))):
        ln, nxt = lines[k], lines[k + 1] if k + 1 < len(lines) else None
        if ln.top > 0.12 * p.height or (nxt is not None and nxt.top - ln.bottom < gap_em * ln.size):
            break
        out.append(ln)
    for k in range(len(lines) - 1, max(len(out) - 1, len(lines) - 3), -1):
        ln, prv = lines[k], lines[k - 1] if k > 0 else None
        if ln.bottom < 0.88 * p.height or (prv is not None and ln.top - prv.bottom < gap_em * ln.size):
            break
        out.append(ln)
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def drop_furniture(pages: list[PageContent]) -> None:
    """Remove page numbers and running headers/footers (lines repeated at the top
    or bottom of many pages)."""
    keys = Counter()
    for p in pages:
        keys.update({_furniture_key(ln.text) for ln in _edge_lines(p)})
    n = len([p for p in pages if p.lines])
    repeated = {k for k, c in keys.items() if n >= 3 and c >= max(3, 0.5 * n)}
    for p in pages:
        drop = {id(ln) for ln in _edge_lines(p) if _furniture_key(ln.text) in repeated}
        drop |= {id(ln) for ln in _edge_lines(p, 0.0) if _PAGE_NUMBER.fullmatch(ln.text.strip())}
        p.lines = [ln for ln in p.lines if id(ln) not in drop]


def _starts_with_mark(ln: Line) -> bool:
    w = ln.words[0]
    if ln.text[:1] in SUPERSCRIPTS:
        return True
    return w.text.isdigit() and (w.sup or w.size < 0.8 * ln.size) and len(ln.words) > 1


def split_footnotes(pages: list[PageContent], body_size: float) -> None:
    """Move each page's bottom block of small print that starts with a note mark to ``footnotes``."""
    prev_had = False
    for p in pages:
        i = len(p.lines)
        while i > 0 and p.lines[i - 1].size <= FOOTNOTE_RATIO * body_size:
            i -= 1
        group = p.lines[i:]
        below_tables = all(ln.top > t.bottom for t in p.tables for ln in group)
        if not group or not below_tables:
            prev_had = False
            continue
        first = next((j for j, ln in enumerate(group) if _starts_with_mark(ln)), None)
        if first != 0 and prev_had and p.lines[:i] and _after_rule(p, group[0]):
            first = 0   # a footnote continued from the previous page (new ones may follow it)
        if first is None:
            prev_had = False
            continue
        p.footnotes = group[first:]
        p.lines = p.lines[:i + first]
        prev_had = True


def _after_rule(p: PageContent, ln: Line) -> bool:
    """Is there a footnote separator (a short horizontal rule) just above this line?"""
    return any(0 <= ln.top - y <= 3 * ln.size and x0 <= ln.x0 + ln.size for x0, x1, y in p.rules)


def _short_rules(pt: PageText, tables: list[PdfTable]) -> list[tuple[float, float, float]]:
    """Horizontal rules shorter than half the page width, outside tables (footnote separators)."""
    return [(x0, x1, y) for x0, x1, y in pt.rules if not any(t.contains((x0 + x1) / 2, y) for t in tables)]


def footnote_texts(pages: list[PageContent]) -> list[tuple[str, int]]:
    return [(t, pg) for t, pg, _ in footnotes_with_conf(pages)]


def footnotes_with_conf(pages: list[PageContent]) -> list[tuple[str, int, Optional[float]]]:
    """(text, page, OCR confidence or None) of every footnote."""
    notes: list[list] = []
    for p in pages:
        for ln in p.footnotes:
            text = ln.text
            if _starts_with_mark(ln) or not notes:
                m = re.match(rf"[{SUPERSCRIPTS}]+|\d+", text)
                mark = m.group(0).translate(str.maketrans("0123456789", SUPERSCRIPTS)) if m else ""
                rest = text[m.end():].lstrip() if m else text
                notes.append([f"{mark} {rest}" if mark else rest, p.number, ln.conf])
            else:
                notes[-1][0] = join_lines(notes[-1][0], text)
    return [(t, pg, conf) for t, pg, conf in notes]


# --- the document ----------------------------------------------------------------------
@dataclass
class PdfPages:
    pages: list[PageContent]
    scanned: list[int] = field(default_factory=list)     # no usable text layer: images only
    garbled: list[int] = field(default_factory=list)     # glyphs without Unicode mapping
    rotated: list[int] = field(default_factory=list)
    ocr: list[int] = field(default_factory=list)         # pages read by OCR
    ocr_words: int = 0
    ocr_conf_sum: float = 0.0

    @property
    def unread(self) -> list[int]:
        done = set(self.ocr)
        return [n for n in sorted(self.scanned + self.garbled) if n not in done]


def read_pages(pdf, data: bytes) -> PdfPages:
    """Every page's lines and tables from its text layer (pypdfium2); pdfplumber's
    table finder only on pages that show ruled lines."""
    from .pdf_text import read_page

    out = PdfPages([])
    plumber = _Plumber(data)
    try:
        for i in range(1, len(pdf) + 1):
            page = pdf[i - 1]
            pt = read_page(page)
            page.close()
            if pt.chars == 0 or _image_page(pt):
                if pt.images:
                    out.scanned.append(i)
                out.pages.append(PageContent(i, pt.height, [], [], []))
                continue
            if _garbled(pt):
                out.garbled.append(i)
                out.pages.append(PageContent(i, pt.height, [], [], []))
                continue
            tables: list[PdfTable] = []
            if pt.ruled and pt.complex_paths:
                pl = plumber.page(i)
                tables = page_tables(pl, i)
                pl.flush_cache()
            elif pt.ruled:
                found = tables_in_edges(pt.edge_list)
                tables = tables_from(found, i, lambda t: [[None if c is None else cell_text(c, pt.words)
                                                           for c in row.cells] for row in t.rows])
            skipped: list[int] = []
            words = _words(pt, tables, skipped)
            if sum(skipped) > max(200, sum(len(w.text) for w in words)):
                out.rotated.append(i)
            lines = split_wide_gaps(build_lines(words, i))
            out.pages.append(PageContent(i, pt.height, lines, tables, [], _short_rules(pt, tables)))
    finally:
        plumber.close()
    return out


def ocr_pages(data: bytes, read: PdfPages) -> Optional[str]:
    """Read the scanned and unmapped pages by OCR, in place; returns why not, when not."""
    from . import ocr
    from .pdf_scan import read_scanned

    todo = sorted(read.scanned + read.garbled)
    if not todo:
        return None
    exe = ocr.engine()
    if exe is None:
        return ocr.missing_message()
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    try:
        results = read_scanned(doc, todo, exe)
    except ocr.OcrError as e:
        return str(e)
    finally:
        doc.close()
    for r in results:
        p = read.pages[r.number - 1]
        p.lines, p.tables, p.rules = split_wide_gaps(r.lines), r.tables, r.rules
        read.ocr.append(r.number)
        read.ocr_words += r.words
        read.ocr_conf_sum += r.conf_sum
    return None


def page_warnings(read: PdfPages, why_not: Optional[str]) -> list[str]:
    out = []
    if read.ocr:
        mean = read.ocr_conf_sum / read.ocr_words if read.ocr_words else 0.0
        out.append(f"Trang {page_ranges(read.ocr)} là ảnh quét, đã đọc bằng OCR (Tesseract, tiếng Việt), độ tin cậy "
                   f"nhận dạng trung bình {mean:.0f}%: số liệu từ các trang này có độ tin cậy thấp hơn, cần đối "
                   "chiếu với bản gốc.")
    unread = read.unread
    garbled = [n for n in unread if n in read.garbled]
    scanned = [n for n in unread if n in read.scanned]
    tail = f" ({why_not})" if why_not else ""
    if garbled:
        out.append(f"Trang {', '.join(map(str, garbled))} dùng phông chữ không có bảng mã Unicode: "
                   f"nội dung các trang này chưa được đọc (cần OCR{tail}).")
    if read.rotated:
        out.append(f"Trang {', '.join(map(str, read.rotated))} có phần lớn chữ xoay dọc (bảng in ngang?): "
                   "phần chữ xoay chưa được đọc.")
    if scanned:
        out.append(f"Trang {', '.join(map(str, scanned))} là ảnh quét, không có lớp chữ: nội dung các trang này "
                   f"chưa được đọc (cần OCR{tail}).")
    return out


def _body_size(pages: list[PageContent]) -> float:
    """The body font size: the commonest size in the upper half of the pages (long
    footnotes at the bottom of a page must not outweigh the body)."""
    sizes = Counter()
    for p in pages:
        for ln in p.lines:
            if ln.top < 0.5 * p.height:
                sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _page_items(p: PageContent, gap: float) -> list[Optional[Item]]:
    """The page's lines in reading order (see ``column_order``) with its tables put
    in by their top edge."""
    tables = sorted(p.tables, key=lambda t: t.top)
    items: list[Optional[Item]] = []
    k = 0
    for ln in column_order(p.lines, gap):
        if ln is not None:
            while k < len(tables) and tables[k].top < ln.top:
                items.append(tables[k])
                k += 1
        items.append(ln)
    items.extend(tables[k:])
    return items


def build_document(path: str, pages: list[PageContent], n_pages: int,
                   warnings: Optional[list[str]] = None, read: Optional[PdfPages] = None) -> Document:
    drop_furniture(pages)
    split_footnotes(pages, _body_size(pages))
    frames = {p.number: page_frame(p.lines) for p in pages}
    events: list = []                  # paragraphs and tables in reading order
    run: list[Line] = []
    last_table: Optional[PdfTable] = None

    def flush():
        events.extend(paragraphs(run, frames))
        run.clear()

    for p in pages:
        first = True
        for item in _page_items(p, frames[p.number].gap):
            if item is None:
                run.append(None)
            elif isinstance(item, PdfTable):
                # a table at the top of a page may go on from the table that ended the last page
                if first and last_table is not None and merge_continuation(last_table, item):
                    continue
                flush()
                events.append(item)
                last_table = item
            else:
                run.append(item)
                last_table = None
            first = first and item is None
    flush()
    b = DocumentBuilder(path, "pdf")
    b.pages = n_pages
    for ev in events:
        if isinstance(ev, PdfTable):
            b.add_table(ev.rows, page=ev.page, ocr=ev.conf)
        else:
            text = ev.text
            kind, level = classify(text, ev.bold)
            b.add(kind, text, level=level, page=ev.page, bold=ev.bold, ocr=ev.conf)
    for text, pg, conf in footnotes_with_conf(pages):
        b.add(FOOTNOTE, text, page=pg, ocr=conf)
    b.warnings.extend(warnings or [])
    if read is not None and read.ocr:
        b.ocr_pages = sorted(read.ocr)
        b.ocr_confidence = round(read.ocr_conf_sum / read.ocr_words, 1) if read.ocr_words else None
    return b.build()


def extract(path: str) -> Document:
    data = read_bytes(path)
    pdf = _open(data)
    try:
        try:
            read = read_pages(pdf, data)
        except ExtractError:
            raise
        except Exception as e:
            if _is_password_error(e):
                raise ExtractError(FAILED, "PDF được đặt mật khẩu: không đọc được nội dung.")
            raise ExtractError(FAILED, f"Tệp PDF bị hỏng: lỗi khi đọc trang ({type(e).__name__}).")
        n_pages = len(pdf)
    finally:
        pdf.close()
    why_not = ocr_pages(data, read)
    if not any(p.lines or p.tables for p in read.pages):
        tail = f" ({why_not})" if why_not else ""
        if read.garbled and len(read.garbled) == n_pages:
            raise ExtractError(NEEDS_OCR, "PDF có lớp chữ nhưng phông chữ không có bảng mã Unicode (chữ đọc ra "
                                          f"dạng (cid:…)): cần OCR để đọc nội dung{tail}.")
        if read.scanned:
            raise ExtractError(NEEDS_OCR, f"PDF là bản quét, không có lớp chữ: cần OCR để đọc nội dung "
                                          f"({len(read.scanned)}/{n_pages} trang là ảnh){tail}.")
        raise ExtractError(EMPTY, "PDF không có nội dung chữ: các trang đều trống.")
    return build_document(path, read.pages, n_pages, page_warnings(read, why_not), read)
