"""Page images of scanned PDFs: rendering, straightening, cleaning, and the ruled
lines of tables (used by :mod:`extractors.pdf_scan`).

A page is rendered by pypdfium2 in grey at :data:`DPI`; a page scanned a little
askew is turned straight (the angle whose row profile is sharpest, within
:data:`MAX_SKEW` degrees); dust specks are removed with a 3x3 median filter when
there are many.  Ruled lines are long runs of dark pixels (at least
:data:`H_MIN_IN` inch across, :data:`V_MIN_IN` inch down), merged over the few
pixel rows a printed rule covers; they are returned as pdfplumber edges in PDF
points, and wiped from the image given to Tesseract so that it reads the cells'
text, not the rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

DPI = 300                 # rendering resolution for OCR
MAX_SKEW = 3.0            # degrees
DARK = 160                # grey level under which a pixel is ink
H_MIN_IN = 0.30           # shortest horizontal rule, inches
V_MIN_IN = 0.17           # shortest vertical rule, inches
SPECKS = 0.0002           # share of isolated dark pixels above which the page is cleaned


@dataclass
class Segment:
    orientation: str      # "h" or "v"
    a0: float             # along the line (x for h, y for v), pixels
    a1: float
    c0: float             # across (y for h, x for v), pixels
    c1: float


@dataclass
class PageImage:
    image: Image.Image                  # straightened, cleaned, rules wiped: what Tesseract reads
    width_pt: float
    height_pt: float
    dpi: int
    skew: float = 0.0                   # degrees turned
    cleaned: bool = False
    segments: list[Segment] = field(default_factory=list)

    @property
    def scale(self) -> float:           # points per pixel
        return 72.0 / self.dpi


def render(page, dpi: int = DPI) -> Image.Image:
    """A pypdfium2 page as a grey image."""
    return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def skew_angle(im: Image.Image) -> float:
    """The angle (degrees) that makes the text lines horizontal: the one whose row
    profile of a small ink image varies most."""
    small = im.reduce(4) if min(im.size) > 1200 else im
    ink = small.point(lambda v: 255 if v < DARK else 0)

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=sharpness)
    fine = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness)
    return round(float(fine), 2)


def speckled(a: np.ndarray) -> bool:
    """Many dark pixels with no dark neighbour (dust, scanner noise)."""
    d = a < DARK
    n = np.zeros(d.shape, dtype=np.uint8)
    n[1:, :] += d[:-1, :]
    n[:-1, :] += d[1:, :]
    n[:, 1:] += d[:, :-1]
    n[:, :-1] += d[:, 1:]
    lone = d & (n == 0)
    return lone.sum() > SPECKS * d.size


def _runs(mask: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, start, end) of every run of True at least ``min_len`` long, row by row."""
    h = mask.shape[0]
    pad = np.zeros((h, 1), dtype=np.int8)
    d = np.diff(np.hstack([pad, mask.astype(np.int8), pad]), axis=1)
    rs, cs = np.nonzero(d == 1)
    _, ce = np.nonzero(d == -1)
    keep = (ce - cs) >= min_len
    return rs[keep], cs[keep], ce[keep]


def _segments(mask: np.ndarray, min_len: int, orientation: str) -> tuple[list[Segment], np.ndarray]:
    """Runs merged over consecutive rows into rules; also the mask of their pixels."""
    rows, starts, ends = _runs(mask, min_len)
    wipe = np.zeros(mask.shape, dtype=bool)
    open_: list[list[float]] = []            # [a0, a1, c0, c1]
    done: list[list[float]] = []
    for r, s, e in zip(rows.tolist(), starts.tolist(), ends.tolist()):
        wipe[r, s:e] = True
        hit = None
        for seg in open_:
            if seg[3] >= r - 2 and min(seg[1], e) - max(seg[0], s) > 0.5 * min(seg[1] - seg[0], e - s):
                hit = seg
                break
        if hit is None:
            open_.append([s, e, r, r + 1])
        else:
            hit[0], hit[1], hit[3] = min(hit[0], s), max(hit[1], e), r + 1
        still = []
        for seg in open_:
            (still if seg[3] >= r - 2 else done).append(seg)
        open_ = still
    done.extend(open_)
    segs = [Segment(orientation, a0, a1, c0, c1) for a0, a1, c0, c1 in done if c1 - c0 <= max(8, min_len // 4)]
    return segs, wipe


def ruled_lines(a: np.ndarray, dpi: int) -> tuple[list[Segment], np.ndarray]:
    """The page's horizontal and vertical rules and the mask of their pixels."""
    ink = a < DARK
    h, wipe_h = _segments(ink, int(H_MIN_IN * dpi), "h")
    v, wipe_v = _segments(ink.T, int(V_MIN_IN * dpi), "v")
    if not h or not v:
        v, wipe_v = [], np.zeros(ink.T.shape, dtype=bool)       # rules alone: underlines, separators
    return h + v, wipe_h | wipe_v.T


def prepare(page, dpi: int = DPI) -> PageImage:
    """Render, straighten and clean a scanned page; find its rules and wipe them."""
    w_pt, h_pt = float(page.get_width()), float(page.get_height())
    im = render(page, dpi)
    angle = skew_angle(im)
    if abs(angle) >= 0.15:
        im = im.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    a = np.asarray(im)
    cleaned = speckled(a)
    if cleaned:
        im = im.filter(ImageFilter.MedianFilter(3))
        a = np.asarray(im)
    segments, wipe = ruled_lines(a, dpi)
    if wipe.any():
        a = a.copy()
        a[wipe] = 255
        im = Image.fromarray(a)
    return PageImage(im, w_pt, h_pt, dpi, angle, cleaned, segments)


def edges(img: PageImage) -> list[dict]:
    """The rules as pdfplumber edges (points, ``top`` down from the page's top)."""
    k = img.scale
    out = []
    for s in img.segments:
        mid = (s.c0 + s.c1) / 2 * k
        if s.orientation == "h":
            out.append(dict(orientation="h", x0=s.a0 * k, x1=s.a1 * k, top=mid, bottom=mid,
                            width=(s.a1 - s.a0) * k, height=0.0, object_type="line"))
        else:
            out.append(dict(orientation="v", x0=mid, x1=mid, top=s.a0 * k, bottom=s.a1 * k,
                            width=0.0, height=(s.a1 - s.a0) * k, object_type="line"))
    return out
