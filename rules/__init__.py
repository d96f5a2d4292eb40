"""Rules: everything that turns a Document into figures.

``read(doc)`` runs them all and returns an :class:`~pipeline.model.Extraction`:
the header metadata, the facts (awards, poverty, nông thôn mới, indicator
tables, other quantities), the named honorees and the legal citations.  Rules
are data where they can be: award names, surface forms and metric patterns
live in the TOML files next to this module, each entry with an ``id`` that is
stored on every fact it produces.  Rules never open files.
"""
from __future__ import annotations

from pipeline.model import Document, Extraction


def read(doc: Document) -> Extraction:
    from . import metadata
    from .facts import extract_facts

    meta = metadata.read_metadata(doc)
    ex = Extraction(meta=meta)
    extract_facts(doc, ex)
    from .citations import extract_citations; ex.citations = extract_citations(doc, meta)  # noqa: E702
    return ex
