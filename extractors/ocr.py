"""Tesseract, the OCR engine for scanned pages (Debian: ``tesseract-ocr`` and
``tesseract-ocr-vie``).

One ``tesseract`` process reads all the page images of a document (a list file,
hOCR output), with the Vietnamese model and one thread (parallelism comes from
the ingest workers).  The hOCR gives, per line, its box, baseline and size
(``x_size``), and per word its box and confidence (0-100), which
:mod:`extractors.pdf_scan` turns into the lines and tables of a page.

Nothing is downloaded: without the program or its ``vie`` data,
:func:`engine` returns None and a scanned PDF keeps the status ``needs_ocr``
with :func:`missing_message` saying what to install.  ``TDKT_TESSERACT`` names
another binary (an empty value or a missing path turns OCR off).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

LANG = "vie"
PAGE_TIMEOUT = 120          # seconds of recognition allowed per page image
_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_WCONF = re.compile(r"x_wconf (\d+)")
_XBOXES = re.compile(r"x_bboxes (-?\d+) (-?\d+) (-?\d+) (-?\d+)")


@dataclass
class OcrChar:
    text: str
    x0: int
    top: int
    x1: int
    bottom: int


@dataclass
class OcrWord:
    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    conf: float                     # Tesseract's word confidence, 0-100
    chars: list[OcrChar] = field(default_factory=list)


@dataclass
class OcrLine:
    x0: int
    top: int
    x1: int
    bottom: int
    baseline: float                 # y of the baseline (pixels) at the line's left edge
    slope: float
    x_size: float                   # Tesseract's estimate of the text size (pixels)
    words: list[OcrWord] = field(default_factory=list)
    par: int = 0                    # the hOCR paragraph the line belongs to


@dataclass
class OcrPage:
    lines: list[OcrLine]

    @property
    def words(self) -> list[OcrWord]:
        return [w for ln in self.lines for w in ln.words]


def _binary() -> Optional[str]:
    if "TDKT_TESSERACT" in os.environ:
        exe = os.environ["TDKT_TESSERACT"].strip()
        return exe if exe and Path(exe).is_file() and os.access(exe, os.X_OK) else None
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def _langs(exe: str) -> frozenset[str]:
    try:
        out = subprocess.run([exe, "--list-langs"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=30, stdin=subprocess.DEVNULL).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(x.strip() for x in out.splitlines()[1:] if x.strip())


def engine() -> Optional[str]:
    """The tesseract binary when it is installed with its Vietnamese data, else None."""
    exe = _binary()
    if exe is None or LANG not in _langs(exe):
        return None
    return exe


@lru_cache(maxsize=4)
def version(exe: str) -> str:
    try:
        out = subprocess.run([exe, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30,
                             stdin=subprocess.DEVNULL).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return "tesseract"
    return out.splitlines()[0].strip() if out else "tesseract"


def missing_message() -> str:
    exe = _binary()
    if exe is None:
        what = "máy chưa cài Tesseract OCR"
    else:
        what = "Tesseract chưa có dữ liệu nhận dạng tiếng Việt"
    return (f"{what}; hãy cài gói tesseract-ocr và tesseract-ocr-vie (apt-get install tesseract-ocr "
            "tesseract-ocr-vie) rồi nạp lại tệp.")


class OcrError(Exception):
    """Tesseract failed (a sentence for the analyst)."""


def recognize(paths: list[Path], dpi: int, exe: Optional[str] = None, psm: int = 3) -> list[OcrPage]:
    """Run Tesseract once over the page images saved at ``paths`` and return their
    lines and words, in pixels of the images."""
    exe = exe or engine()
    if exe is None:
        raise OcrError(missing_message())
    if not paths:
        return []
    listing = Path(paths[0]).parent / "pages.txt"
    listing.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [exe, str(listing), "stdout", "-l", LANG, "--dpi", str(dpi), "--psm", str(psm), "-c", "hocr_char_boxes=1",
           "hocr"]
    limit = PAGE_TIMEOUT * len(paths)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=listing.parent,
                              stdin=subprocess.DEVNULL, timeout=limit)
    except subprocess.TimeoutExpired:
        raise OcrError(f"Tesseract không nhận dạng xong {len(paths)} trang trong {limit} giây.")
    except OSError as e:
        raise OcrError(f"không chạy được Tesseract ({e}).")
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise OcrError(f"Tesseract báo lỗi khi nhận dạng ({tail[0][:200]}).")
    pages = parse_hocr(proc.stdout)
    while len(pages) < len(paths):
        pages.append(OcrPage([]))
    return pages[:len(paths)]


def parse_hocr(data: bytes) -> list[OcrPage]:
    """Pages, lines and words of Tesseract's hOCR output."""
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                                                         huge_tree=True))
    if root is None:
        return []
    pages: list[OcrPage] = []
    par_no = 0
    for page in root.iter("{*}div"):
        if page.get("class") != "ocr_page":
            continue
        lines: list[OcrLine] = []
        for par in page.iter("{*}p"):
            par_no += 1
            for span in par.iter("{*}span"):
                if span.get("class") not in ("ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"):
                    continue
                line = _line(span.get("title", ""), par_no)
                if line is None:
                    continue
                for w in span.iter("{*}span"):
                    if w.get("class") != "ocrx_word":
                        continue
                    text = "".join(x.strip() for x in w.itertext())
                    m = _BBOX.search(w.get("title", ""))
                    if not text or not m:
                        continue
                    c = _WCONF.search(w.get("title", ""))
                    word = OcrWord(text, *map(int, m.groups()), float(c.group(1)) if c else 0.0)
                    for ch in w.iter("{*}span"):
                        b = _XBOXES.search(ch.get("title", "")) if ch.get("class") == "ocrx_cinfo" else None
                        if b and ch.text:
                            word.chars.append(OcrChar(ch.text, *map(int, b.groups())))
                    if unicodedata.normalize("NFC", "".join(ch.text for ch in word.chars)) != \
                            unicodedata.normalize("NFC", text):
                        word.chars = []          # boxes that do not spell the word are of no use
                    line.words.append(word)
                if line.words:
                    lines.append(line)
        pages.append(OcrPage(lines))
    return pages


def _line(title: str, par: int) -> Optional[OcrLine]:
    m = _BBOX.search(title)
    if not m:
        return None
    x0, top, x1, bottom = map(int, m.groups())
    b = _BASELINE.search(title)
    slope, offset = (float(b.group(1)), float(b.group(2))) if b else (0.0, 0.0)
    s = _XSIZE.search(title)
    x_size = float(s.group(1)) if s else float(bottom - top)
    return OcrLine(x0, top, x1, bottom, bottom + offset, slope, x_size, par=par)
