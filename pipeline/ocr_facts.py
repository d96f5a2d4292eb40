"""Facts read from OCR text carry a lower confidence and say so.

The PDF reader marks every block it recognised from a scanned page with the
recogniser's mean word confidence (``Block.ocr``, 0-100).  After the rules have
run, :func:`mark` multiplies the confidence of each fact found in such a block by
that share (at most :data:`CAP`, so an OCR figure is never fully trusted), keeps
the factor in ``Fact.ocr_confidence`` and adds a Vietnamese note.  The rules
themselves never see the difference.  ``confidence / ocr_confidence`` is what the
number reader alone said; the checks' "ambiguous number" reads that.
"""
from __future__ import annotations

from typing import Optional

from .model import Block, Document, Extraction

CAP = 0.95          # highest confidence an OCR figure can have
FLOOR = 0.3         # lowest factor (a block Tesseract was very unsure of)


def _block(doc: Document, index: Optional[int], offset: int) -> Optional[Block]:
    if index is not None and 0 <= index < len(doc.blocks):
        return doc.blocks[index]
    return doc.block_at(offset)


def note(block: Block) -> str:
    page = f"trang {block.page}, " if block.page else ""
    return f"đọc từ ảnh quét bằng OCR ({page}độ tin cậy nhận dạng {block.ocr:.0f}%)"


def mark(doc: Document, extraction: Extraction) -> int:
    """Lower the confidence of the facts read from OCR blocks; returns how many."""
    if not any(b.ocr is not None for b in doc.blocks):
        return 0
    n = 0
    for f in extraction.facts:
        b = _block(doc, f.block_index, f.char_start)
        if b is None or b.ocr is None:
            continue
        factor = round(min(CAP, max(FLOOR, b.ocr / 100.0)), 3)
        f.ocr_confidence = factor
        f.confidence = round((f.confidence if f.confidence is not None else 1.0) * factor, 3)
        f.note = f"{f.note}; {note(b)}" if f.note else note(b)
        n += 1
    return n
