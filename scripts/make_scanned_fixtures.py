#!/usr/bin/env python3
"""Build the scanned PDFs the OCR tests read (run once; the outputs are committed).

Each corpus PDF (the five seeds printed by LibreOffice) is rendered to images with
pypdfium2 and written back as an image-only PDF, the way a scanner would:

| folder / file | what it is |
| --- | --- |
| ``tests/data/scanned/dpi300/`` | every seed at 300 dpi, 1-bit (CCITT G4), as an office scanner's "black and white" mode |
| ``tests/data/scanned/dpi200/`` | every seed at 200 dpi, 1-bit |
| ``tests/data/scanned/noisy/`` | every seed at 300 dpi, each page turned 0.4-1.2 degrees either way, with scanner noise (speckles, grain) and a grey background, 1-bit |
| ``tests/data/scanned/bang_quet.pdf`` | one page with a ruled table (seed 002, page 15: 28 rows of an indicator table), 300 dpi grayscale JPEG |
| ``tests/data/scanned/tron_lan.pdf`` | seed 000 with pages 3, 4 and 7 scanned (300 dpi, 1-bit) and the others kept as text |

The seeds' gold (``tests/data/gold_seeds``) scores them: the file stems are the seeds'.
Random noise is seeded, so a rebuild gives the same files.

    .venv/bin/python scripts/make_scanned_fixtures.py
"""
from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUT = ROOT / "tests" / "data" / "scanned"
TABLE_PAGE = ("002_0e22d76ab771f56c.pdf", 15)
MIXED = ("000_3a864a165f113b92.pdf", (3, 4, 7))


def render(page, dpi: int) -> Image.Image:
    return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def bilevel(im: Image.Image, threshold: int = 160) -> Image.Image:
    return im.point(lambda v: 255 if v > threshold else 0).convert("1")


def noisy(im: Image.Image, rng: random.Random) -> Image.Image:
    """Turn the page slightly, grey the paper, add grain and speckles, then threshold
    as a cheap scanner does."""
    angle = rng.choice((-1, 1)) * rng.uniform(0.4, 1.2)
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    a = a * 0.86 + 18                                   # grey paper, weaker black
    a += gen.normal(0, 22, a.shape)                     # grain
    specks = gen.random(a.shape) < 0.0004               # dust
    a[specks] = 0
    a = np.clip(a, 0, 255).astype(np.uint8)
    im = Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.6))
    return bilevel(im, 150)


def save_pdf(images: list[Image.Image], path: Path, dpi: int, quality: int = 60) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = images[0], images[1:]
    kw = dict(save_all=True, append_images=rest, resolution=float(dpi))
    if first.mode == "L":
        kw["quality"] = quality
    first.save(path, "PDF", **kw)


def scan(src: Path, dpi: int, kind: str, rng: random.Random, pages=None) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(src))
    out = []
    for i in range(len(pdf)):
        if pages is not None and i + 1 not in pages:
            continue
        im = render(pdf[i], dpi)
        if kind == "bilevel":
            im = bilevel(im)
        elif kind == "noisy":
            im = noisy(im, rng)
        out.append(im)
    pdf.close()
    return out


def mixed(src: Path, scanned: tuple[int, ...], path: Path, rng: random.Random) -> None:
    """The text pages of ``src`` with the pages in ``scanned`` replaced by scans."""
    buf = io.BytesIO()
    save_pdf(scan(src, 300, "bilevel", rng, set(scanned)), Path(path.with_suffix(".tmp.pdf")), 300)
    scans = pdfium.PdfDocument(str(path.with_suffix(".tmp.pdf")))
    text = pdfium.PdfDocument(str(src))
    out = pdfium.PdfDocument.new()
    k = 0
    for i in range(len(text)):
        if i + 1 in scanned:
            out.import_pages(scans, [k])
            k += 1
        else:
            out.import_pages(text, [i])
    out.save(buf)
    path.write_bytes(buf.getvalue())
    scans.close()
    text.close()
    out.close()
    path.with_suffix(".tmp.pdf").unlink()


def main() -> int:
    rng = random.Random(11)
    seeds = sorted(CORPUS.glob("*.pdf"))
    for src in seeds:
        save_pdf(scan(src, 300, "bilevel", rng), OUT / "dpi300" / src.name, 300)
        save_pdf(scan(src, 200, "bilevel", rng), OUT / "dpi200" / src.name, 200)
        save_pdf(scan(src, 300, "noisy", rng), OUT / "noisy" / src.name, 300)
    name, page = TABLE_PAGE
    save_pdf(scan(CORPUS / name, 300, "gray", rng, {page}), OUT / "bang_quet.pdf", 300, quality=40)
    name, pages = MIXED
    mixed(CORPUS / name, pages, OUT / "tron_lan.pdf", rng)
    total = 0
    for p in sorted(OUT.rglob("*.pdf")):
        total += p.stat().st_size
        print(f"{p.stat().st_size:>9}  {p.relative_to(ROOT)}")
    print(f"{total:>9}  in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
