"""Header metadata (placeholder until the metadata rules land)."""
from __future__ import annotations

from pipeline.model import DocMeta, Document


def read_metadata(doc: Document) -> DocMeta:
    return DocMeta()
