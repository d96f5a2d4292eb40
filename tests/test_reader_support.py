"""Helpers shared by the reader tests (not a test module)."""
from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path

from pipeline.model import FOOTNOTE, TABLE, Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = ROOT / "tests" / "data" / "bad"
PDF_DATA = ROOT / "tests" / "data" / "pdf"
STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def corpus(stem_prefix: str, ext: str) -> Path:
    [p] = [x for x in CORPUS.glob(f"{stem_prefix}*.{ext}")]
    return p


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def body_text(doc: Document) -> str:
    """Non-table, non-footnote block texts, whitespace collapsed: the text apart from layout."""
    body = " ".join(b.text for b in doc.blocks if b.kind not in (TABLE, FOOTNOTE))
    return re.sub(r"\s+", " ", body).strip()


def cell_texts(doc: Document) -> list[list[list[str]]]:
    return [[r.texts for r in t.rows] for t in doc.tables]


def footnotes(doc: Document) -> set[str]:
    return {b.text for b in doc.blocks if b.kind == FOOTNOTE}


def similarity(a: str, b: str) -> float:
    """Word-level similarity of two whitespace-collapsed texts (1.0 when equal)."""
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a.split(" "), b.split(" "), autojunk=False).ratio()


def show_diff(a: str, b: str, context: int = 6, limit: int = 20) -> str:
    """The differing words, with a few words of context, one line per difference."""
    wa, wb = a.split(" "), b.split(" ")
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            left = " ".join(wa[max(0, i1 - context):i2 + context])
            right = " ".join(wb[max(0, j1 - context):j2 + context])
            out.append(f"{op}: {left!r} -> {right!r}")
        if len(out) >= limit:
            break
    return "\n".join(out)


def test_a_count_opening_a_line_is_no_numbered_heading():
    from pipeline.layout import classify
    from pipeline.model import HEADING, PARAGRAPH
    assert classify("4 tập thể này gồm: Ban Tổ chức Tỉnh ủy; Báo Lâm Đồng.")[0] == PARAGRAPH
    assert classify("12 xã đạt chuẩn nông thôn mới")[0] == PARAGRAPH
    assert classify("1. Kết quả thực hiện")[0] == HEADING
    assert classify("2 Kết quả thực hiện")[0] == HEADING
