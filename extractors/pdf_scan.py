"""Scanned PDF pages read by OCR (used by :mod:`extractors.pdf`).

Each page without a usable text layer is rendered and straightened
(:mod:`extractors.scan_image`), recognised by Tesseract (:mod:`extractors.ocr`,
one process for all the scanned pages of a file) and turned into the same
:class:`~extractors.pdf.PageContent` a text page gives: Tesseract's lines become
:class:`~extractors.pdf_lines.Line` objects in PDF points (baseline and size from
the hOCR), so paragraphs, page furniture and footnotes are rebuilt by the same
code as for a text layer; the page's ruled lines give table cells (pdfplumber's
cell finder on the detected rules) and the words inside each cell its text.
Every word goes through :mod:`extractors.ocr_text`'s repairs; every line and
table keeps Tesseract's mean confidence.
"""
from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .ocr import OcrLine, OcrPage, OcrWord, recognize
from .ocr_text import joins_previous, repair_line, repair_word, superscript_digits
from .pdf_lines import Line, Word
from .pdf_tables import PdfTable, tables_from, tables_in_edges
from .scan_image import PageImage, edges, prepare

SIZE_PER_XSIZE = 1.15      # font size (points) per Tesseract x_size (points), measured on the corpus scans
SAME_SIZE = (0.85, 1.18)   # lines within this share of the page's commonest size are set in it
_RULE_ONLY = set("|[]")


@dataclass
class ScanResult:
    number: int
    lines: list[Line]
    tables: list[PdfTable]
    rules: list[tuple[float, float, float]]
    words: int
    conf_sum: float            # sum of word confidences (for the document's mean)
    skew: float


def _pt_word(w: OcrWord, k: float) -> tuple[float, float, float, float]:
    return w.x0 * k, w.top * k, w.x1 * k, w.bottom * k


def _inside(box, bbox) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return bbox[0] - 1 <= cx <= bbox[2] + 1 and bbox[1] - 1 <= cy <= bbox[3] + 1


def _cell_text(cell, words: list[tuple[tuple, OcrWord, OcrLine]], k: float, size: float) -> str:
    """The words whose centre is in the cell, line by line (Tesseract's lines)."""
    mine = [(box, w, ln) for box, w, ln in words if _inside(box, cell)]
    if not mine:
        return ""
    lines: dict[int, tuple[OcrLine, list[OcrWord]]] = {}
    for box, w, ln in mine:
        lines.setdefault(id(ln), (ln, []))[1].append(w)
    out = []
    for ln, ws in sorted(lines.values(), key=lambda lw: min(w.top for w in lw[1])):
        ws.sort(key=lambda w: w.x0)
        pieces = ocr_words(ln, ws, k, size, in_table=True)
        if pieces:
            out.append(repair_line(Line(pieces, 0).finish().text))
    return "\n".join(out)


@dataclass
class PageTables:
    """The ruled tables found on a scanned page, with their cell texts once their
    rows are read."""
    found: list
    texts: dict[int, list]
    confs: dict[tuple, Optional[float]]
    taken: set[int]                                   # ids of page words inside a table
    body: float = 12.0                                # the page's commonest text size, points


def body_size(ocr: OcrPage, k: float) -> float:
    sizes = [_line_size(ln, k) for ln in ocr.lines if ln.words]
    return round(statistics.median(sizes) * 2) / 2 if sizes else 12.0


def _find_tables(img: PageImage, ocr: OcrPage) -> PageTables:
    found = tables_in_edges(edges(img))
    k = img.scale
    out = PageTables(found, {}, {}, set(), body_size(ocr, k))
    for ln in ocr.lines:
        for w in ln.words:
            if any(_inside(_pt_word(w, k), t.bbox) for t in found):
                out.taken.add(id(w))
    return out


ROW_PAD = 16              # white pixels around a row crop


def _row_crops(image_path: Path, img: PageImage, pt: PageTables, tmp: Path) -> list[tuple[tuple, Path]]:
    """One image per table row (between its rules, the rules wiped): Tesseract reads a
    row of cells far better than the small blocks its page layout makes of them
    (``500`` read ``900``, a lone ``5`` in an ``STT`` column dropped)."""
    if not pt.found:
        return []
    from PIL import Image, ImageOps

    page = Image.open(image_path)
    k = img.scale
    out = []
    for t in pt.found:
        for r, row in enumerate(t.rows):
            x0, y0, x1, y1 = (int(round(v / k)) for v in row.bbox)
            x0, y0, x1, y1 = max(0, x0 + 2), max(0, y0 + 2), min(page.width, x1 - 2), min(page.height, y1 - 2)
            if x1 - x0 < 8 or y1 - y0 < 8:
                continue
            crop = ImageOps.expand(page.crop((x0, y0, x1, y1)), border=ROW_PAD, fill=255)
            path = tmp / f"r{len(list(tmp.glob('r*.png'))):05d}.png"
            crop.save(path, dpi=(img.dpi, img.dpi), compress_level=1)
            out.append(((id(t), r, x0 - ROW_PAD, y0 - ROW_PAD), path))
    return out


def _shift(ocr: OcrPage, dx: int, dy: int) -> OcrPage:
    for ln in ocr.lines:
        ln.x0, ln.x1, ln.top, ln.bottom, ln.baseline = ln.x0 + dx, ln.x1 + dx, ln.top + dy, ln.bottom + dy, \
            ln.baseline + dy
        for w in ln.words:
            w.x0, w.x1, w.top, w.bottom = w.x0 + dx, w.x1 + dx, w.top + dy, w.bottom + dy
            for c in w.chars:
                c.x0, c.x1, c.top, c.bottom = c.x0 + dx, c.x1 + dx, c.top + dy, c.bottom + dy
    return ocr


def _fill_rows(img: PageImage, pt: PageTables, crops: list[tuple[tuple, Path]], pages: list[OcrPage]) -> None:
    k = img.scale
    by_table = {id(t): t for t in pt.found}
    confs: dict[int, list[float]] = {}
    for tid in by_table:
        pt.texts[tid] = [[None if c is None else "" for c in row.cells] for row in by_table[tid].rows]
    for ((tid, r, dx, dy), _), ocr in zip(crops, pages):
        ocr = _shift(ocr, dx, dy)
        words = [(_pt_word(w, k), w, ln) for ln in ocr.lines for w in ln.words if not _rule_noise(w)]
        confs.setdefault(tid, []).extend(w.conf for _, w, _ in words)
        for c, cell in enumerate(by_table[tid].rows[r].cells):
            if cell is not None:
                pt.texts[tid][r][c] = _cell_text(cell, words, k, pt.body)
    for tid, t in by_table.items():
        cs = confs.get(tid)
        pt.confs[(round(t.bbox[0], 1), round(t.bbox[1], 1))] = statistics.fmean(cs) if cs else None


def _tables(pt: PageTables, page_no: int) -> list[PdfTable]:
    tables = tables_from(pt.found, page_no, lambda t: pt.texts[id(t)])
    for t in tables:
        t.conf = pt.confs.get((round(t.x0, 1), round(t.top, 1)))
    return tables


def _rule_noise(w: OcrWord) -> bool:
    """A rule read as a letter (``|``, ``I``, ``l``) next to a cell border."""
    return all(c in _RULE_ONLY for c in w.text)


def _line_size(ln: OcrLine, k: float) -> float:
    return ln.x_size * k * SIZE_PER_XSIZE


WORD_GAP = 0.15           # a gap between two letters of one recognised word this wide (em) splits it
SUP_RISE = 0.3            # a mark whose bottom is this far (em) above the baseline is raised


def _pieces(w: OcrWord, base_px: float, size_px: float) -> list[tuple[str, int, int, bool]]:
    """The word cut where its letters are far apart (Tesseract glued two words), with
    raised trailing marks (footnote references) apart: (text, x0, x1, raised)."""
    if not w.chars:
        return [(w.text, w.x0, w.x1, False)]
    groups: list[list] = [[w.chars[0]]]
    for prev, ch in zip(w.chars, w.chars[1:]):
        if ch.x0 - prev.x1 > WORD_GAP * size_px:
            groups.append([ch])
        else:
            groups[-1].append(ch)
    out: list[tuple[str, int, int, bool]] = []
    for g in groups:
        k = len(g)
        while k > 0 and g[k - 1].bottom < base_px - SUP_RISE * size_px and \
                g[k - 1].bottom - g[k - 1].top < 0.7 * size_px:
            k -= 1
        raised = g[k:]
        digits = superscript_digits("".join(c.text for c in raised)) if raised else None
        if raised and (digits is None or _quote_mark(raised, size_px)):
            k, raised = len(g), []
        if k:
            out.append(("".join(c.text for c in g[:k]), g[0].x0, g[k - 1].x1, False))
        if raised:
            out.append((digits, raised[0].x0, raised[-1].x1, True))
    return out


def _quote_mark(chars: list, size_px: float) -> bool:
    """A closing quote is raised too, but shorter than a raised digit."""
    return all(c.text in "\"'`" for c in chars) and max(c.bottom - c.top for c in chars) < 0.32 * size_px


def ocr_words(ln: OcrLine, ws: list[OcrWord], k: float, size: float, in_table: bool = False) -> list[Word]:
    """A recognised line's words in PDF points, repaired and split (see :func:`_pieces`);
    fragments of one syllable are joined back."""
    size_px = size / k
    words: list[Word] = []
    for w in ws:
        base_px = ln.baseline + ln.slope * (w.x0 - ln.x0)
        base = base_px * k
        for text, x0, x1, raised in _pieces(w, base_px, size_px):
            if not raised:
                text = repair_word(text, in_table)
                if not text:
                    continue
                if words and not words[-1].sup and joins_previous(words[-1].text.rstrip(), text) \
                        and x0 * k - words[-1].x1 < 0.35 * size:
                    words[-1].text = words[-1].text.rstrip() + text
                    words[-1].x1 = x1 * k
                    continue
            words.append(Word(text, x0 * k, x1 * k, base - size, base, size * (0.6 if raised else 1.0), False,
                              sup=raised))
        if words and not words[-1].sup:
            words[-1].text += " "        # Tesseract's word boundary, whatever the gap (``Trạm y``)
    if words:
        words[-1].text = words[-1].text.rstrip()
    return words


def _page_lines(ocr: OcrPage, k: float, page_no: int, taken: set[int]) -> list[Line]:
    body = body_size(ocr, k)
    out: list[Line] = []
    for ln in ocr.lines:
        ws = [w for w in ln.words if id(w) not in taken]
        if not ws:
            continue
        size = _line_size(ln, k)
        size = body if SAME_SIZE[0] <= size / body <= SAME_SIZE[1] else round(size * 2) / 2
        words = ocr_words(ln, ws, k, size)
        if not words:
            continue
        line = Line(words, page_no, conf=statistics.fmean(w.conf for w in ws)).finish()
        line.text = repair_line(line.text)
        out.append(line)
    out.sort(key=lambda x: (round(x.top), x.x0))
    return out


def _short_rules(img: PageImage, tables: list[PdfTable]) -> list[tuple[float, float, float]]:
    k = img.scale
    out = []
    for s in img.segments:
        if s.orientation != "h":
            continue
        x0, x1, y = s.a0 * k, s.a1 * k, (s.c0 + s.c1) / 2 * k
        if 20 < x1 - x0 < 0.5 * img.width_pt and not any(t.contains((x0 + x1) / 2, y) for t in tables):
            out.append((x0, x1, y))
    return out


def read_scanned(pdf, numbers: list[int], exe: Optional[str] = None) -> list[ScanResult]:
    """OCR the pages ``numbers`` (1-based) of a pypdfium2 document.  Each page image
    is written to a temporary file as soon as it is ready, so memory holds one page;
    one Tesseract run reads every page, a second one the table cells it left blank."""
    images: list[PageImage] = []
    with tempfile.TemporaryDirectory(prefix="tdkt-ocr-") as tmp:
        tmp = Path(tmp)
        paths = []
        for n in numbers:
            img = prepare(pdf[n - 1])
            path = tmp / f"p{n:04d}.png"
            img.image.save(path, dpi=(img.dpi, img.dpi), compress_level=1)
            img.image = None
            images.append(img)
            paths.append(path)
        dpi = images[0].dpi if images else 300
        pages = recognize(paths, dpi, exe)
        found = [_find_tables(img, ocr) for img, ocr in zip(images, pages)]
        crops = [_row_crops(path, img, pt, tmp) for path, img, pt in zip(paths, images, found)]
        flat = [c for cs in crops for c in cs]
        row_pages = recognize([p for _, p in flat], dpi, exe, psm=6) if flat else []
        i = 0
        for img, pt, cs in zip(images, found, crops):
            _fill_rows(img, pt, cs, row_pages[i:i + len(cs)])
            i += len(cs)
    out = []
    for n, img, ocr, pt in zip(numbers, images, pages, found):
        tables = _tables(pt, n)
        lines = _page_lines(ocr, img.scale, n, pt.taken)
        ws = ocr.words
        out.append(ScanResult(n, lines, tables, _short_rules(img, tables), len(ws), sum(w.conf for w in ws),
                              img.skew))
    return out
