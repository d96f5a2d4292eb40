"""A PDF page's text layer through pypdfium2 (used by :mod:`extractors.pdf`).

PDFium gives the page's characters in content order with their text objects: a
text object has one font, one size and one baseline, so the few calls that cost
time are made once per object (font name, size, baseline, angle) and once per
word (its left and right edge), not once per character.  Words are cut at
spaces, at a change of text object with another font or size (a superscript
``¹`` after ``mới``), and where the next object starts more than
:data:`X_TOLERANCE` points after the last one ended, as pdfplumber's
``extract_words(x_tolerance=1.5, extra_attrs=["size", "fontname"])`` does;
coordinates are pdfplumber's (points from the top left; a word's bottom is its
baseline, its top the baseline less its size).

Also per page: whether it holds images covering it (a scan), the short
horizontal rules (footnote separators), and whether it shows enough ruled lines
for pdfplumber's table finder to be worth running.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field

import pypdfium2.raw as R

X_TOLERANCE = 1.5
Y_TOLERANCE = 2.0
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b$|-bd", re.I)
_UNMAPPED = {"\ufffd", "\x00"}
_HYPHEN = "\ufffe"          # PDFium's mark for a hyphen that ends a line
_SPACE = {" ", "\t", "\r", "\n", "\u00a0", "\u3000", "\x02"}


def _lib_fn(name: str, restype, argtypes):
    """A private copy of a PDFium function with plain ctypes types (a pointer
    returned as an int compares fast)."""
    from pypdfium2_raw.bindings import _libs
    fn = _libs["pdfium"][name]
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


_GET_OBJ = _lib_fn("FPDFText_GetTextObject", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int])


@dataclass
class TextWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str
    upright: bool = True

    @property
    def bold(self) -> bool:
        return bool(_BOLD_FONT.search(self.fontname))


@dataclass
class PageText:
    words: list[TextWord]
    width: float
    height: float
    chars: int = 0                    # characters that are not blanks
    unmapped: int = 0                 # characters without a Unicode mapping
    image_cover: float = 0.0          # share of the page covered by images
    images: int = 0
    rules: list[tuple[float, float, float]] = field(default_factory=list)   # horizontal rules: x0, x1, y
    edges: int = 0                    # straight ruled lines (a box counts four)
    edge_list: list[dict] = field(default_factory=list)   # the same, as pdfplumber edges
    complex_paths: bool = False       # paths that are neither a rule nor a box: pdfplumber must read them

    @property
    def ruled(self) -> bool:
        return self.edges >= 4


@dataclass
class _Obj:
    fontname: str
    size: float
    base: float
    upright: bool


def _object_info(tp, i: int, height: float, buf, flags, ox, oy) -> _Obj:
    n = R.FPDFText_GetFontInfo(tp, i, buf, len(buf), flags)
    name = buf.raw[:max(0, n - 1)].decode("utf-8", "replace") if n else ""
    size = float(R.FPDFText_GetFontSize(tp, i))
    R.FPDFText_GetCharOrigin(tp, i, ox, oy)
    angle = float(R.FPDFText_GetCharAngle(tp, i))
    upright = angle < 0 or min(angle, 2 * math.pi - angle) < 0.02
    return _Obj(name, round(size, 4), height - oy.value, upright)


def _words(tp, n: int, text: str, height: float) -> list[TextWord]:
    raw = tp.raw
    objs = [_GET_OBJ(raw, i) for i in range(n)]
    info: dict[int, _Obj] = {}
    buf = ctypes.create_string_buffer(256)
    flags, ox, oy = ctypes.c_int(), ctypes.c_double(), ctypes.c_double()
    rect = R.FS_RECTF()
    out: list[TextWord] = []
    start = -1
    cur = None

    def box(i: int) -> tuple[float, float]:
        R.FPDFText_GetLooseCharBox(raw, i, rect)
        return rect.left, rect.right

    def close(end: int) -> None:
        if start < 0:
            return
        x0, _ = box(start)
        _, x1 = box(end - 1)
        o = cur
        out.append(TextWord(text[start:end], x0, x1, o.base - o.size, o.base, o.size, o.fontname, o.upright))

    for i in range(n):
        ch = text[i]
        obj = objs[i]
        if ch in _SPACE or not obj:
            close(i)
            start = -1
            continue
        o = info.get(obj)
        if o is None:
            o = info[obj] = _object_info(raw, i, height, buf, flags, ox, oy)
        if start >= 0 and (o is not cur) and (o.fontname != cur.fontname or o.size != cur.size
                                              or abs(o.base - cur.base) > Y_TOLERANCE
                                              or box(i)[0] - box(i - 1)[1] > X_TOLERANCE):
            close(i)
            start = -1
        if start < 0:
            start = i
        cur = o
    close(n)
    return out


def _paths(page, width: float, height: float, pt: PageText) -> None:
    """Images, and ruled lines drawn as thin paths or boxes."""
    area = width * height
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for obj in page.get_objects(filter=[R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_PATH], max_depth=3):
        if not R.FPDFPageObj_GetBounds(obj.raw, l, b, r, t):
            continue
        x0, y0, x1, y1 = l.value, b.value, r.value, t.value
        w, h = x1 - x0, y1 - y0
        if obj.type == R.FPDF_PAGEOBJ_IMAGE:
            pt.images += 1
            pt.image_cover += max(0.0, w) * max(0.0, h) / area if area else 0.0
            continue
        top, bottom = height - y1, height - y0
        if h <= 2.5 and w > 2:
            pt.edges += 1
            mid = (top + bottom) / 2
            pt.edge_list.append(_edge("h", x0, x1, mid, mid))
            if 20 < w < 0.5 * width:
                pt.rules.append((x0, x1, top))
        elif w <= 2.5 and h > 2:
            pt.edges += 1
            mid = (x0 + x1) / 2
            pt.edge_list.append(_edge("v", mid, mid, top, bottom))
        elif w > 2 and h > 2:
            if R.FPDFPath_CountSegments(obj.raw) <= 6:
                pt.edges += 4              # a box: four ruled edges
                pt.edge_list += [_edge("h", x0, x1, top, top), _edge("h", x0, x1, bottom, bottom),
                                 _edge("v", x0, x0, top, bottom), _edge("v", x1, x1, top, bottom)]
            else:
                pt.complex_paths = True


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return dict(orientation=orientation, x0=x0, x1=x1, top=top, bottom=bottom, width=x1 - x0,
                height=bottom - top, object_type="line")


def read_page(page) -> PageText:
    """The words and drawing summary of one pypdfium2 page."""
    width, height = float(page.get_width()), float(page.get_height())
    tp = page.get_textpage()
    try:
        n = R.FPDFText_CountChars(tp.raw)
        text = tp.get_text_range() if n > 0 else ""
        if len(text) != n:                       # a character outside the BMP: read one by one
            text = "".join(chr(R.FPDFText_GetUnicode(tp.raw, i) or 0xFFFD) for i in range(n))
        text = text.replace(_HYPHEN, "-")
        pt = PageText([], width, height)
        pt.chars = sum(1 for c in text if c not in _SPACE)
        pt.unmapped = sum(1 for c in text if c in _UNMAPPED)
        if pt.chars:
            pt.words = _words(tp, n, text, height)
    finally:
        tp.close()
    _paths(page, width, height, pt)
    return pt
