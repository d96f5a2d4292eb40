"""The .doc reader: LibreOffice conversion, the antiword fallback, and neither."""
from __future__ import annotations

import shutil

import pytest

from extractors import doc as doc_reader
from extractors import extract
from pipeline.model import FAILED, ExtractError
from test_reader_support import body_text, corpus, sha256, similarity

needs_soffice = pytest.mark.skipif(not doc_reader.soffice_path(), reason="LibreOffice is not installed")


@needs_soffice
def test_doc_reads_like_the_docx_it_was_saved_from():
    p = corpus("001", "doc")
    before = sha256(p), p.stat().st_mtime_ns
    doc = extract(str(p))
    assert doc.format == "doc" and doc.path == str(p)
    ref = extract(str(corpus("001", "txt")))
    assert doc.text == ref.text
    assert [(b.kind, b.level) for b in doc.blocks] == [(b.kind, b.level) for b in ref.blocks]
    assert (sha256(p), p.stat().st_mtime_ns) == before


@needs_soffice
def test_doc_tables_and_footnotes_survive_word97():
    doc = extract(str(corpus("002", "doc")))
    assert ["4", "Tổng sản lượng lương thực có hạt", "tấn", "17.68", "17.889", "102"] in \
        [r.texts for r in doc.tables[0].rows]
    assert [b.text[:1] for b in doc.blocks if b.kind == "footnote"] == ["¹", "²", "³"]


@needs_soffice
def test_odd_file_name_is_converted_from_a_copy(tmp_path):
    p = tmp_path / "Báo cáo (bản cuối) 2022.doc"
    shutil.copyfile(corpus("003", "doc"), p)
    doc = extract(str(p))
    assert doc.path == str(p) and "HƯỚNG DẪN" in doc.text
    assert sorted(x.name for x in tmp_path.iterdir()) == [p.name]     # nothing written next to it


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword is not installed")
def test_antiword_fallback_without_libreoffice(monkeypatch):
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    doc = extract(str(corpus("003", "doc")))
    assert doc.format == "doc" and any("antiword" in w for w in doc.warnings)
    ref = extract(str(corpus("003", "txt")))
    assert similarity(body_text(doc), body_text(ref)) > 0.9


def test_neither_program_installed(monkeypatch):
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(ExtractError) as e:
        extract(str(corpus("003", "doc")))
    assert e.value.status == FAILED
    assert "LibreOffice" in e.value.message and "antiword" in e.value.message and "cài" in e.value.message


def test_not_a_word_file(tmp_path):
    p = tmp_path / "x.doc"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(ExtractError) as e:
        extract(str(p))
    assert e.value.status == FAILED and ".doc" in e.value.message


@needs_soffice
def test_garbage_ole_file_fails_cleanly(tmp_path):
    p = tmp_path / "hong.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    with pytest.raises(ExtractError) as e:
        extract(str(p))
    assert e.value.status in (FAILED, "empty")
