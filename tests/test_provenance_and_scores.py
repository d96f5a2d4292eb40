"""Every figure of every sample document traces to its place, and the rules hold
their scores on the seeds (every format) and on the genre, planted, holdout and blind sets.

The scores are computed by ``pipeline.evaluate`` (the same matching as the
project's judge) on real warehouses built through ``pipeline.ingest``.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from pipeline.ingest import ingest
from rules_support import CORPUS, DATA, read_corpus
from warehouse import connect

FORMATS = ("txt", "docx", "pdf", "doc")


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx", ".pdf")))
def test_every_fact_points_at_its_figure(name):
    doc, ex = read_corpus(name)
    assert ex.facts or name.startswith("003")
    for f in ex.facts:
        figure = doc.text[f.char_start:f.char_end]
        assert figure == f.raw, (f.metric, f.raw, figure)
        assert re.search(r"\d", figure), f
        assert figure in f.text
        block = doc.blocks[f.block_index]
        assert block.start <= f.char_start < f.char_end <= block.end
        if f.row_index is not None:
            row = block.rows[f.row_index]
            assert f.text == doc.text[row.start:row.end]
        else:
            assert f.text in block.text
        assert f.rule
        if doc.format == "pdf":
            assert f.page is not None and 1 <= f.page <= (doc.pages or 99)
        else:
            assert f.page is None
    for h in ex.honorees:
        assert doc.text[h.char_start:h.char_end].strip(" ;.") in h.text or h.name in doc.text


def test_the_guidance_document_states_no_figures_of_the_families():
    for ext in ("txt", "docx", "pdf"):
        _, ex = read_corpus(f"003_30d1184c9269a7e2.{ext}")
        assert [f for f in ex.facts if f.metric.startswith(("award.", "poverty.", "ntm."))] == []


def _score(tmp_path: Path, files: list[Path], gold: Path):
    d = tmp_path / "in"
    d.mkdir()
    for f in files:
        shutil.copy(f, d / f.name)
    con = connect(tmp_path / "w.duckdb")
    try:
        summary = ingest([d], con)
        assert not summary.failed, summary.failed
        return evaluate(con, gold)
    finally:
        con.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_scores_in_every_format(tmp_path, fmt):
    files = sorted(CORPUS.glob(f"*.{fmt}"))
    if fmt == "doc" and not (shutil.which("soffice") or shutil.which("antiword")):
        pytest.skip("no .doc converter on this machine (CI installs LibreOffice)")
    sc = _score(tmp_path, files, DATA / "gold_seeds")
    s = sc.summary()
    assert s["docs_missing"] == 5 - len(files)
    assert s["f1"] >= 0.97, s
    assert s["metadata"] == 1.0, [d.meta_wrong for d in sc.docs]
    assert s["indicators"] >= 0.95
    assert s["honorees"] >= 0.9


@pytest.mark.parametrize("name", ["genre", "planted", "holdout", "blind"])
def test_scores_on_the_written_test_sets(tmp_path, name):
    base = DATA / name
    sc = _score(tmp_path, sorted((base / "reports").glob("*.txt")), base / "gold")
    s = sc.summary()
    assert s["docs_missing"] == 0
    assert s["f1"] >= 0.95, s
    assert s["metadata"] >= 0.98
    assert (s["indicators"] or 1.0) >= 0.95
    assert (s["honorees"] or 1.0) >= 0.95


# (corpus, minimum facts F1, metadata, honorees; most false alarms): the dev splits only, the test
# splits are never scored here. real2 is a second set by other writers, with its own conventions
# (a news page's figures name their place), read at 0.45 when it arrived; real3, real4 and real5
# real6 and real7 (0.50, 0.59, 0.69, 0.62 and 0.66 on arrival) are a third to a seventh.
REAL_DEV_FLOORS = [("real", 0.85, 0.90, 0.85, 2), ("real2", 0.78, 0.83, 0.80, 3),
                   ("real3", 0.72, 0.93, 0.60, 5), ("real4", 0.74, 0.78, 0.85, 2),
                   ("real5", 0.74, 0.78, 0.75, 2), ("real6", 0.75, 0.85, 0.57, 6),
                   ("real7", 0.75, 0.84, 0.75, 4), ("real8", 0.72, 0.80, 0.88, 2),
                   ("real9", 0.78, 0.70, 0.72, 2), ("real10", 0.82, 0.80, 0.35, 1),
                   ("real11", 0.84, 0.82, 0.78, 3), ("real12", 0.80, 0.80, 0.55, 2),
                   ("real13", 0.86, 0.88, 0.62, 1), ("real14", 0.84, 0.80, 0.55, 3),
                   ("real15", 0.89, 0.87, 0.75, 2), ("real16", 0.71, 0.88, 0.30, 2)]


@pytest.mark.parametrize("corpus,f1,metadata,honorees,false_alarms", REAL_DEV_FLOORS)
def test_scores_on_texts_written_by_others(tmp_path, corpus, f1, metadata, honorees, false_alarms):
    """tests/data/<corpus>/dev: passages of real public texts and reports assembled from real material,
    gold written by people who did not read the rules."""
    base = DATA / corpus / "dev"
    sc = _score(tmp_path, sorted((base / "reports").iterdir()), base / "gold")
    s = sc.summary()
    assert s["docs_missing"] == 0
    assert s["f1"] >= f1, s
    assert s["metadata"] >= metadata
    assert (s["honorees"] or 1.0) >= honorees
    assert s["false_alarms"] <= false_alarms
