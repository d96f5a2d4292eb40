"""Scanned reports read by OCR (Tesseract, Vietnamese): the seeds printed to PDF,
rendered to images and written back as image-only PDFs
(``scripts/make_scanned_fixtures.py``), scored with the seeds' gold; a mixed PDF
(text pages and scanned pages); a scanned page holding a ruled table; the repairs
of OCR slips.  Without Tesseract these tests are skipped (CI installs
tesseract-ocr and tesseract-ocr-vie); the reader tests check the needs_ocr
message then.
"""
from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from extractors import extract
from extractors.ocr import engine
from extractors.ocr_text import joins_previous, repair_line, repair_word
from pipeline.evaluate import evaluate
from pipeline.ingest import ingest
from pipeline.model import TABLE
from warehouse import connect

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "tests" / "data" / "scanned"
GOLD = ROOT / "tests" / "data" / "gold_seeds"
CORPUS = ROOT / "corpus"

needs_ocr = pytest.mark.skipif(engine() is None, reason="Tesseract with Vietnamese data is not installed "
                                                        "(apt-get install tesseract-ocr tesseract-ocr-vie)")


# --- repairs (no OCR needed) -----------------------------------------------------------------
@pytest.mark.parametrize("word,table,fixed", [
    ("2O22", False, "2022"), ("1.l36", False, "1.136"), ("l5", False, "15"), ("S8.000m),", False, "58.000m),"),
    ("1.46G", False, "1.466"), ("So", False, "So"), ("Số", False, "Số"), ("5/5", False, "5/5"), ("Il", False, "Il"),
    ("S,l", False, "S,l"), ("S,l", True, "5,1"), ("-3,97", True, "3,97"), ("-3,97", False, "-3,97"),
    ("_>13.000", False, ">13.000"), ("(CĐĐCS)", False, "(CĐCS)"), ("HĐĐ", False, "HĐ"), ("95°/o", False, "95%"),
])
def test_repair_word(word, table, fixed):
    assert repair_word(word, table) == fixed


@pytest.mark.parametrize("line,fixed", [
    ("150/170xã đạt chuẩn", "150/170 xã đạt chuẩn"), ("năm2022 có 12hộ", "năm 2022 có 12 hộ"),
    ("diện tích 895ha, 12m2", "diện tích 895ha, 12m2"), ("S. Nhận thức về vai trò", "5. Nhận thức về vai trò"),
    ("Số 5. chưa", "Số 5. chưa"),
])
def test_repair_line(line, fixed):
    assert repair_line(line) == fixed


@pytest.mark.parametrize("prev,word,joined", [
    ("ngh", "èo", True), ("th", "ưởng", True), ("trạm", "y", False), ("có", "o", False), ("hộ", "\u0300", True),
    ("2022", "năm", False),
])
def test_split_syllables(prev, word, joined):
    assert joins_previous(prev, word) == joined


# --- the scanned seeds -----------------------------------------------------------------------
def _warehouse(tmp_path_factory, folder: Path, name: str):
    d = tmp_path_factory.mktemp(name)
    con = connect(d / "w.duckdb")
    summary = ingest([folder], con, workers=2)
    return con, summary


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    if engine() is None:
        pytest.skip("Tesseract with Vietnamese data is not installed")
    # dpi200 is scored by scripts/score_scanned.py (the suite keeps to two sets for time)
    out = {name: _warehouse(tmp_path_factory, SCANNED / name, name) for name in ("dpi300", "noisy")}
    yield out
    for con, _ in out.values():
        con.close()


@needs_ocr
@pytest.mark.parametrize("name,min_f1", [("dpi300", 0.90), ("noisy", 0.80)])
def test_scanned_seeds_score_with_the_seeds_gold(scanned, name, min_f1):
    con, summary = scanned[name]
    assert not summary.failed, [(r.path, r.status, r.error) for r in summary.failed]
    s = evaluate(con, GOLD).summary()
    assert s["docs_missing"] == 0
    assert s["f1"] >= min_f1, s
    assert s["metadata"] >= 0.9, s


@needs_ocr
def test_facts_read_by_ocr_say_so(scanned):
    con, _ = scanned["dpi300"]
    rows = con.execute("SELECT confidence, ocr_confidence, note, page FROM facts").fetchall()
    assert rows
    for confidence, factor, note, page in rows:
        assert factor is not None and 0.3 <= factor <= 0.95
        assert confidence <= factor + 1e-9 and confidence < 1
        assert "OCR" in note and f"trang {page}," in note
    for pages, n_pages, conf, warnings in con.execute(
            "SELECT ocr_pages, pages, ocr_confidence, warnings FROM documents").fetchall():
        assert pages == f"1-{n_pages}" and 70 <= conf <= 100
        m = re.search(r"Trang 1-(\d+) là ảnh quét, đã đọc bằng OCR \(Tesseract, tiếng Việt\), độ tin cậy nhận "
                      r"dạng trung bình (\d+)%", warnings)
        assert m and int(m.group(1)) == n_pages and abs(int(m.group(2)) - conf) <= 1


@needs_ocr
def test_ocr_figures_are_not_reported_as_ambiguous_numbers(scanned):
    """The number reader's doubt and the OCR's are kept apart: a clean figure read by OCR
    is not an ``ambiguous_number`` finding."""
    from pipeline.checks.runner import run_checks
    con, _ = scanned["dpi300"]
    findings = run_checks(con)
    n_doubt = con.execute("SELECT count(*) FROM facts WHERE confidence / ocr_confidence < 0.999").fetchone()[0]
    assert len([f for f in findings if f.check_code == "ambiguous_number"]) <= n_doubt


# --- a mixed PDF, a table page ----------------------------------------------------------------
def _body(doc, pages) -> str:
    return "\n".join(b.text for b in doc.blocks if b.page in pages and b.kind != "footnote")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """tron_lan.pdf (seed 000, pages 3, 4 and 7 scanned) loaded into a warehouse."""
    if engine() is None:
        pytest.skip("Tesseract with Vietnamese data is not installed")
    d = tmp_path_factory.mktemp("mixed")
    (d / "in").mkdir()
    (d / "gold").mkdir()
    shutil.copy(SCANNED / "tron_lan.pdf", d / "in" / "000_3a864a165f113b92.pdf")
    shutil.copy(GOLD / "000_3a864a165f113b92.json", d / "gold")
    con = connect(d / "w.duckdb")
    summary = ingest([d / "in"], con)
    yield con, summary.results[0].doc_id, d / "gold"
    con.close()


@needs_ocr
def test_mixed_pdf_reads_all_its_pages(mixed):
    from warehouse.store import load_document
    con, doc_id, _ = mixed
    doc = load_document(con, doc_id)
    text_doc = extract(str(CORPUS / "000_3a864a165f113b92.pdf"))
    assert doc.pages == text_doc.pages == 9
    assert {b.page for b in doc.blocks} == {b.page for b in text_doc.blocks} == set(range(1, 10))
    scanned = {3, 4, 7}
    assert doc.ocr_pages == [3, 4, 7]
    for b in doc.blocks:
        assert (b.ocr is not None) == (b.page in scanned), (b.page, b.text[:40])
    assert [w for w in doc.warnings if "OCR" in w] == [w for w in doc.warnings if w.startswith("Trang 3-4, 7 là ảnh")]
    plain = _body(text_doc, set(range(1, 10)) - scanned)
    assert _body(doc, set(range(1, 10)) - scanned) == plain
    ratio = difflib.SequenceMatcher(None, _body(doc, scanned).split(), _body(text_doc, scanned).split(),
                                    autojunk=False).ratio()
    assert ratio >= 0.97


@needs_ocr
def test_mixed_pdf_facts_on_scanned_pages_have_lower_confidence(mixed):
    con, _, gold = mixed
    rows = con.execute("SELECT page, confidence, ocr_confidence FROM facts").fetchall()
    assert {p for p, _, _ in rows} & {3, 4, 7} and {p for p, _, _ in rows} - {3, 4, 7}
    for page, confidence, factor in rows:
        assert (factor is not None) == (page in (3, 4, 7))
        assert factor is None or confidence < 1
    s = evaluate(con, gold).summary()
    assert s["f1"] >= 0.95, s


def _one_page(src: Path, page: int, out: Path) -> Path:
    import pypdfium2 as pdfium
    pdf, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    new.import_pages(pdf, [page - 1])
    new.save(str(out))
    return out


@needs_ocr
def test_a_scanned_table_keeps_its_rows_and_cells(tmp_path):
    """bang_quet.pdf is page 15 of seed 002 (28 rows of an indicator table) scanned."""
    scan = extract(str(SCANNED / "bang_quet.pdf"))
    text = extract(str(_one_page(CORPUS / "002_0e22d76ab771f56c.pdf", 15, tmp_path / "p15.pdf")))
    [got] = [b for b in scan.blocks if b.kind == TABLE]
    [want] = [b for b in text.blocks if b.kind == TABLE]
    assert got.ocr is not None and got.ocr > 80
    assert len(got.rows) == len(want.rows)
    cells = [(c.col, c.text) for r in want.rows for c in r.cells]
    read = [(c.col, c.text) for r in got.rows for c in r.cells]
    assert [c for c, _ in read] == [c for c, _ in cells]          # the same grid
    same = sum(a == b for (_, a), (_, b) in zip(read, cells))
    assert same >= 0.9 * len(cells), [(a, b) for (_, a), (_, b) in zip(read, cells) if a != b]
