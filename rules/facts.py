"""Run every fact rule family over a document, in a fixed order."""
from __future__ import annotations

from pipeline.model import Document, Extraction


def extract_facts(doc: Document, ex: Extraction) -> None:
    """Fill ex.facts, ex.honorees and ex.citations."""
    return None
