"""The same report as .txt, .docx, .pdf and .doc reads the same, apart from layout.

* .docx (built from the text reader's blocks): the same normalized text, block
  kinds and levels, exactly.
* .pdf (printed from the .docx): the body text with whitespace collapsed is
  compared by similarity (a wrapped ``2015- 2020`` comes back ``2015-2020``),
  table cells exactly, row by row, footnotes as a set.
* .doc (saved from the .docx by LibreOffice): as .docx, when LibreOffice is here.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from extractors import extract
from extractors.doc import soffice_path
from test_reader_support import CORPUS, ROOT, STEMS, body_text, cell_texts, footnotes, show_diff, similarity

PDF_MIN_SIMILARITY = 0.999


@pytest.fixture(scope="module", params=STEMS)
def seed(request):
    stem = request.param
    return stem, extract(str(CORPUS / f"{stem}.txt"))


def test_five_seeds_in_every_format():
    assert len(STEMS) == 5
    for stem in STEMS:
        for ext in ("txt", "docx", "pdf", "doc"):
            assert (CORPUS / f"{stem}.{ext}").is_file(), f"{stem}.{ext} missing"


def test_docx_gives_the_same_text(seed):
    stem, ref = seed
    doc = extract(str(CORPUS / f"{stem}.docx"))
    assert doc.text == ref.text
    assert [(b.kind, b.level) for b in doc.blocks] == [(b.kind, b.level) for b in ref.blocks]
    assert cell_texts(doc) == cell_texts(ref)


def test_pdf_gives_the_same_text_apart_from_layout(seed):
    stem, ref = seed
    doc = extract(str(CORPUS / f"{stem}.pdf"))
    a, b = body_text(ref), body_text(doc)
    ratio = similarity(a, b)
    assert ratio >= PDF_MIN_SIMILARITY, f"{stem}: similarity {ratio:.5f}\n{show_diff(a, b)}"
    assert cell_texts(doc) == cell_texts(ref)
    assert footnotes(doc) == footnotes(ref)


@pytest.mark.skipif(not soffice_path(), reason="LibreOffice is not installed")
def test_doc_gives_the_same_text(seed):
    stem, ref = seed
    doc = extract(str(CORPUS / f"{stem}.doc"))
    assert doc.text == ref.text


def test_ingest_corpus_loads_every_file_ok(tmp_path):
    if not soffice_path():
        pytest.skip("the .doc files need LibreOffice")
    db = tmp_path / "w.duckdb"
    exe = Path(sys.executable).parent / "tdkt"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]
    proc = subprocess.run(cmd + ["ingest", str(CORPUS), "--db", str(db), "-q"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT path, format, status, error FROM documents ORDER BY path").fetchall()
    con.close()
    assert len(rows) == 20
    bad = [r for r in rows if r[2] != "ok"]
    assert not bad, bad
    assert {r[1] for r in rows} == {"txt", "docx", "pdf", "doc"}
