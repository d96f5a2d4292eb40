"""Bad input never stops a run: every file gets a documents row with a status and
a sentence a person understands, the good file beside them is loaded, what was
loaded before stays, and no file is changed."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import pipeline.ingest as ingest_mod
from pipeline.ingest import ingest
from test_reader_support import BAD, CORPUS, ROOT, sha256
from warehouse import connect

GOOD = "Báo cáo tổng kết năm 2022 (bản cuối).docx"
EXPECTED = {
    "rong.docx": "empty",
    "khong_phai_zip.docx": "failed",
    "zip_khong_phai_word.docx": "failed",
    "dat_mat_khau.docx": "failed",
    "bi_cat_cut.pdf": "failed",
    "dat_mat_khau.pdf": "failed",
    "ban_quet.pdf": "needs_ocr",
    "ghi_chu.xyz": "unsupported",
    GOOD: "ok",
}
MESSAGE_HAS = {
    "khong_phai_zip.docx": "không phải định dạng ZIP",
    "zip_khong_phai_word.docx": "word/document.xml",
    "dat_mat_khau.docx": "mật khẩu",
    "dat_mat_khau.pdf": "PDF được đặt mật khẩu",
    "bi_cat_cut.pdf": "cắt cụt",
    "ban_quet.pdf": "cần OCR",            # these tests turn OCR off (TDKT_TESSERACT=""): the message says what to install
    "ghi_chu.xyz": "chưa được hỗ trợ",
    "rong.docx": "rỗng",
}
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def _hashes() -> dict[str, str]:
    return {p.name: sha256(p) for p in BAD.iterdir()}


def _rows(db: Path) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT path, status, error FROM documents").fetchall()
    finally:
        con.close()
    return {Path(p).name: (s, e) for p, s, e in rows}


def _check_rows(rows: dict[str, tuple[str, str]]) -> None:
    for name, status in EXPECTED.items():
        assert name in rows, f"no documents row for {name}"
        got_status, error = rows[name]
        assert got_status == status, (name, got_status, error)
        if status == "ok":
            assert error is None
            continue
        assert error and VIETNAMESE.search(error), (name, error)
        assert "Traceback" not in error and "Error" not in error, (name, error)
        assert MESSAGE_HAS[name] in error, (name, error)


def test_fixtures_are_all_there():
    assert set(EXPECTED) == {p.name for p in BAD.iterdir()}


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch):
    """Without Tesseract a scan is recorded as needs_ocr (the OCR tests read it)."""
    monkeypatch.setenv("TDKT_TESSERACT", "")


def test_cli_ingest_of_bad_files(tmp_path):
    db = tmp_path / "w.duckdb"
    exe = Path(sys.executable).parent / "tdkt"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]
    before = _hashes()
    # something loaded earlier must survive the bad run
    first = subprocess.run(cmd + ["ingest", str(CORPUS / "003_30d1184c9269a7e2.txt"), "--db", str(db), "-q"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    con = duckdb.connect(str(db), read_only=True)
    n_blocks = con.execute("SELECT count(*) FROM blocks").fetchone()[0]
    con.close()
    proc = subprocess.run(cmd + ["ingest", str(BAD), "--db", str(db)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = _rows(db)
    _check_rows(rows)
    assert rows["003_30d1184c9269a7e2.txt"] == ("ok", None)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM blocks").fetchone()[0] > n_blocks   # the good .docx added blocks
    con.close()
    assert _hashes() == before                                                       # originals untouched
    # a second run changes nothing and still exits 0
    again = subprocess.run(cmd + ["ingest", str(BAD), "--db", str(db), "-q"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0 and _rows(db) == rows


def test_library_ingest_of_bad_files(tmp_path):
    db = tmp_path / "w.duckdb"
    before = _hashes()
    con = connect(str(db))
    try:
        summary = ingest([BAD], con)
    finally:
        con.close()
    by_name = {Path(r.path).name: r for r in summary.results}
    assert {n: r.status for n, r in by_name.items()} == EXPECTED
    assert by_name[GOOD].action == "loaded" and by_name[GOOD].n_facts >= 0
    _check_rows(_rows(db))
    assert _hashes() == before


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    keep = src / "giu_lai.txt"
    gone = src / "bi_xoa.txt"
    shutil.copyfile(CORPUS / "003_30d1184c9269a7e2.txt", keep)
    shutil.copyfile(CORPUS / "000_3a864a165f113b92.txt", gone)
    real_walk = ingest_mod.inbox.walk

    def walk_then_delete(paths):
        listing = real_walk(paths)
        assert str(gone) in [e.path for e in listing.files]
        gone.unlink()            # someone moves the file away right after the listing
        return listing

    monkeypatch.setattr(ingest_mod.inbox, "walk", walk_then_delete)
    con = connect(str(tmp_path / "w.duckdb"))
    try:
        summary = ingest([src], con)
    finally:
        con.close()
    by_name = {Path(r.path).name: r for r in summary.results}
    assert by_name["giu_lai.txt"].status == "ok"
    assert by_name["bi_xoa.txt"].status == "failed"
    assert "Không tìm thấy tệp" in by_name["bi_xoa.txt"].error


def test_file_deleted_after_hashing_before_reading(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    victim = src / "bao_cao.docx"
    shutil.copyfile(CORPUS / "003_30d1184c9269a7e2.docx", victim)
    real_file_id = ingest_mod.file_id

    def hash_then_delete(path):
        out = real_file_id(path)
        Path(path).unlink()
        return out

    monkeypatch.setattr(ingest_mod, "file_id", hash_then_delete)
    con = connect(str(tmp_path / "w.duckdb"))
    try:
        summary = ingest([src], con)
        row = con.execute("SELECT status, error FROM documents").fetchall()
    finally:
        con.close()
    [r] = summary.results
    assert r.status == "failed" and "Không tìm thấy tệp" in r.error
    assert row == [("failed", r.error)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_through_the_reader(name):
    from extractors import extract
    from pipeline.model import ExtractError
    path = BAD / name
    if EXPECTED[name] == "ok":
        assert extract(str(path)).blocks
        return
    with pytest.raises(ExtractError) as e:
        extract(str(path))
    assert e.value.status == EXPECTED[name]
