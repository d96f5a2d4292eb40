"""Helpers for the rule tests: real text in, facts out, through the real pipeline."""
from __future__ import annotations

from pathlib import Path

from extractors.txt import parse_blocks
from pipeline.document import DocumentBuilder
from pipeline.model import TABLE, DocMeta, Document, Extraction

import rules
from rules.facts import extract_facts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = ROOT / "tests" / "data"
SEED_STEMS = ["000_3a864a165f113b92", "001_03026f8b928707b4", "002_0e22d76ab771f56c",
              "003_30d1184c9269a7e2", "004_93c9989aa407a5d1"]


def doc_from_text(text: str, path: str = "mem.txt") -> Document:
    """A Document built from text the way the .txt reader builds it."""
    b = DocumentBuilder(path, "txt")
    for tb in parse_blocks(text):
        if tb.kind == TABLE:
            b.add_table(tb.rows)
        else:
            b.add(tb.kind, tb.text, level=tb.level, bold=tb.bold)
    return b.build()


def extract_text(text: str, **meta) -> Extraction:
    """Facts of a passage, with the metadata given (period, doc_type, district...)."""
    doc = doc_from_text(text)
    ex = Extraction(meta=DocMeta(**meta))
    extract_facts(doc, ex)
    return ex


def read_corpus(name: str) -> tuple[Document, Extraction]:
    from extractors import extract
    doc = extract(str(CORPUS / name))
    return doc, rules.read(doc)


def pick(facts, **want):
    """The facts whose fields equal every given value."""
    return [f for f in facts if all(getattr(f, k) == v for k, v in want.items())]
