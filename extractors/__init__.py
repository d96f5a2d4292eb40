"""Readers: one module per input format, each ``extract(path) -> Document``.

Readers only read: they never modify the file, never extract figures and never
touch the warehouse.  A file that cannot be read raises
:class:`pipeline.model.ExtractError` carrying the status to record and a sentence
a person understands.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from pipeline.model import UNSUPPORTED, Document, ExtractError

# extension -> (format name, reader module)
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "extractors.txt"),
    ".md": ("md", "extractors.txt"),
    ".docx": ("docx", "extractors.docx"),
    ".pdf": ("pdf", "extractors.pdf"),
    ".doc": ("doc", "extractors.doc"),
}


def format_of(path: str | Path) -> str | None:
    """The format name for a file, or None when no reader handles its extension."""
    entry = READERS.get(Path(path).suffix.lower())
    return entry[0] if entry else None


def reader_for(path: str | Path) -> Callable[[str], Document]:
    suffix = Path(path).suffix.lower()
    entry = READERS.get(suffix)
    if entry is None:
        known = ", ".join(sorted(READERS))
        raise ExtractError(UNSUPPORTED, f"Định dạng '{suffix or '(không có đuôi)'}' chưa được hỗ trợ; "
                                        f"các định dạng đọc được: {known}.")
    return importlib.import_module(entry[1]).extract


def extract(path: str | Path, converted: str | Path | None = None) -> Document:
    """Read any supported file; ``converted``: a .doc's .docx made by a batch conversion
    (:mod:`extractors.doc_batch`)."""
    if converted is not None and Path(path).suffix.lower() == ".doc":
        from .doc import extract as read_doc
        return read_doc(str(path), converted=converted)
    return reader_for(path)(str(path))
