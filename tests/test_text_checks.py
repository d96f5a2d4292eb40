"""Readings that are not Vietnamese text or not a report (pipeline/plausible.py,
extractors/syllables.py): VNI and TCVN3 converted where they can be, garbage and
non-reports given a status instead of facts, and the content hash taken from the bytes
the reader actually read."""
from __future__ import annotations

import hashlib
import shutil
import unicodedata

import pytest

import pipeline.ingest as ingest_mod
from extractors import extract
from extractors.legacy_fonts import _VNI
from extractors.syllables import vietnamese_score
from hostile_support import README_EN, VNI_FIXTURE, VNI_READS
from nightly_support import CORPUS, ROOT
from pipeline.ingest import ingest
from test_reader_txt_encodings import TEXT, to_tcvn3
from warehouse import connect

LETTERS = "aăâeêioôơuưy"


def _vietnamese_letters() -> set[str]:
    out = {"đ", "Đ"}
    for v in LETTERS:
        for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"):
            c = unicodedata.normalize("NFC", v + tone)
            out |= {c, c.upper()}
    return out


def test_the_vni_table_writes_every_vietnamese_letter():
    made = {v for v in _VNI.values() if len(v) == 1}
    assert {c for c in _vietnamese_letters() if not c.isascii()} <= made
    assert all(len(k) <= 2 for k in _VNI)


def test_a_vni_text_file_reads_as_vietnamese():
    raw = VNI_FIXTURE.read_bytes().decode("cp1252")
    assert vietnamese_score(raw)[0] < 0.55                      # as Windows-1252 it is garbage ...
    doc = extract(str(VNI_FIXTURE))
    assert VNI_READS in doc.text and "Độc lập - Tự do - Hạnh phúc" in doc.text
    assert vietnamese_score(doc.text)[0] > 0.95                 # ... converted, it reads


def test_vni_pasted_into_a_utf8_file_is_converted_too(tmp_path):
    p = tmp_path / "dan_vao.txt"
    p.write_text(VNI_FIXTURE.read_bytes().decode("cp1252"), encoding="utf-8")
    assert VNI_READS in extract(str(p)).text


def test_tcvn3_still_reads_and_unicode_is_left_alone(tmp_path):
    p = tmp_path / "tcvn3.txt"
    p.write_bytes(to_tcvn3(TEXT * 3))
    assert vietnamese_score(p.read_bytes().decode("latin-1"))[0] < 0.55
    assert "hộ nghèo giảm còn 3,7%" in extract(str(p)).text
    assert extract(str(CORPUS / "004_93c9989aa407a5d1.txt")).text == extract(str(CORPUS / "004_93c9989aa407a5d1.docx")).text


def test_a_docx_typed_in_a_vni_font(tmp_path):
    import docx

    d = docx.Document()
    run = d.add_paragraph().add_run("Naêm 2022, Chuû tòch UÛy ban nhaân daân huyeän taëng Giaáy khen cho 12 taäp theå "
                                    "vaø 35 caù nhaân.")
    run.font.name = "VNI-Times"
    d.add_paragraph("Unicode text in another font: Báo cáo")
    p = tmp_path / "vni.docx"
    d.save(p)
    text = extract(str(p)).text
    assert "Chủ tịch Ủy ban nhân dân huyện tặng Giấy khen cho 12 tập thể và 35 cá nhân." in text
    assert "Unicode text in another font: Báo cáo" in text


@pytest.mark.parametrize("text, low", [
    (README_EN, True),
    ("Bao cao tong ket cong tac thi dua khen thuong nam 2022 cua huyen, " * 5, True),   # no diacritics
    ((CORPUS / "000_3a864a165f113b92.txt").read_text(encoding="utf-8"), False),
])
def test_the_vietnamese_score(text, low):
    score, n = vietnamese_score(text)
    assert n >= 20
    assert (score < 0.55) == low, score


def _ingest(tmp_path, files: dict):
    box = tmp_path / "inbox"
    box.mkdir()
    for name, src in files.items():
        if isinstance(src, str):
            (box / name).write_text(src, encoding="utf-8")
        else:
            shutil.copyfile(src, box / name)
    con = connect(tmp_path / "w.duckdb")
    summary = ingest([box], con)
    got = {r[0].rsplit("/", 1)[-1]: r[1:] for r in con.execute(
        "SELECT path, status, error, n_facts, vietnamese_score, report_score FROM documents").fetchall()}
    facts = con.execute("SELECT count(*) FROM facts f JOIN documents d USING (doc_id) WHERE d.status <> 'ok'"
                        ).fetchone()[0]
    con.close()
    return summary, got, facts


def test_not_vietnamese_and_not_a_report_get_a_status_not_facts(tmp_path):
    summary, got, facts = _ingest(tmp_path, {
        "README.md": README_EN,
        "ghi_chu.md": ROOT / "tests" / "data" / "holdout" / "README.md",
        "bao_cao.txt": CORPUS / "002_0e22d76ab771f56c.txt",
        "vni.txt": VNI_FIXTURE,
        # a newspaper passage: no header nor signature, but prose whose figures the office collects
        "bai_bao.txt": ROOT / "tests" / "data" / "real" / "dev" / "reports" / "rs_014_camau_ho_ngheo_cuoi_2023.txt",
    })
    assert got["README.md"][0] == "not_vietnamese" and "không đọc được như tiếng Việt" in got["README.md"][1]
    assert got["ghi_chu.md"][0] == "not_report" and "không giống một văn bản báo cáo" in got["ghi_chu.md"][1]
    assert got["ghi_chu.md"][3] > 0.8 and got["ghi_chu.md"][4] < 0.25      # Vietnamese, but no report
    assert got["bao_cao.txt"][0] == "ok" and got["bao_cao.txt"][2] > 100 and got["bao_cao.txt"][4] > 0.8
    assert got["vni.txt"][0] == "ok" and got["vni.txt"][2] >= 2
    assert got["bai_bao.txt"][0] == "ok" and got["bai_bao.txt"][2] >= 4 and got["bai_bao.txt"][4] < 0.25
    assert facts == 0
    assert {r.path.rsplit("/", 1)[-1] for r in summary.failed} == {"README.md", "ghi_chu.md"}


def test_the_thresholds_come_from_the_config(tmp_path):
    from dataclasses import replace

    from pipeline.config import Settings, TextChecks

    box = tmp_path / "inbox"
    box.mkdir()
    shutil.copyfile(ROOT / "tests" / "data" / "holdout" / "README.md", box / "ghi_chu.md")
    con = connect(tmp_path / "w.duckdb")
    ingest([box], con)
    assert con.execute("SELECT status FROM documents").fetchone()[0] == "not_report"
    lax = replace(Settings(), text=TextChecks(min_report=0.1))
    s = ingest([box], con, settings=lax)            # a lower threshold: read again, and kept
    assert s.count("loaded") == 1
    assert con.execute("SELECT status, limit_hit FROM documents").fetchone() == ("ok", None)
    con.close()


def test_the_hash_is_of_the_bytes_read_when_a_file_is_replaced_meanwhile(tmp_path, monkeypatch):
    box = tmp_path / "inbox"
    box.mkdir()
    f = box / "bao_cao.txt"
    old = (CORPUS / "004_93c9989aa407a5d1.txt").read_bytes()
    new = old.replace("945 hộ nghèo".encode(), "954 hộ nghèo".encode())
    f.write_bytes(old)
    real = ingest_mod.file_id

    def hash_then_replace(path):
        out = real(path)
        f.write_bytes(new)                  # sent again by the district while the night runs
        return out

    monkeypatch.setattr(ingest_mod, "file_id", hash_then_replace)
    con = connect(tmp_path / "w.duckdb")
    ingest([box], con)
    [(doc_id, text)] = con.execute("SELECT doc_id, text FROM documents JOIN document_text USING (doc_id)").fetchall()
    [(file_doc, key)] = con.execute("SELECT doc_id, stat_key FROM files").fetchall()
    con.close()
    assert doc_id == hashlib.sha256(new).hexdigest() == file_doc
    assert "954 hộ nghèo" in text
    assert key is None                      # not vouched for: hashed again next time


def test_a_news_page_citing_its_source_address_is_prose_not_notes(tmp_path):
    from pipeline.plausible import markup_share
    page = ROOT / "tests" / "data" / "real3" / "dev" / "reports" / "ys_019_tiengiang_ntm_kieumau_2025.txt"
    assert markup_share(page.read_text(encoding="utf-8")) == 0.0      # "Nguồn Ấp Bắc: http://baoapbac.vn/..."
    assert markup_share("Xem tài liệu tại https://example.org/guide\nChạy `tdkt ingest`\n") == 1.0
    _, got, _ = _ingest(tmp_path, {"bai_bao.txt": page})
    assert got["bai_bao.txt"][:2] == ("ok", None)
