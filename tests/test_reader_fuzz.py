"""Damaged files never crash a reader: each mutation of a real file either reads
or fails with an ExtractError carrying a status and a message."""
from __future__ import annotations

import io
import random
import zipfile

import pytest

from extractors import extract
from pipeline.model import ExtractError
from test_reader_support import corpus

N = 25


def _check(path):
    try:
        doc = extract(str(path))
    except ExtractError as e:
        assert e.status in ("failed", "empty", "needs_ocr") and e.message
        return
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


@pytest.mark.parametrize("seed", range(N))
def test_mutated_document_xml(tmp_path, seed):
    rnd = random.Random(seed)
    src = zipfile.ZipFile(corpus("000", "docx"))
    out = tmp_path / "m.docx"
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = bytearray(src.read(info))
            if info.filename in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
                for _ in range(rnd.randint(1, 8)):
                    i = rnd.randrange(len(data))
                    data[i] = rnd.choice(b'<>/"=0123456789abcdefw: \x00\xff')
            z.writestr(info.filename, bytes(data))
    _check(out)


@pytest.mark.parametrize("seed", range(N))
def test_mutated_pdf(tmp_path, seed):
    rnd = random.Random(seed)
    data = bytearray(corpus("003", "pdf").read_bytes())
    for _ in range(rnd.randint(1, 40)):
        i = rnd.randrange(len(data) - 10)
        data[i] = rnd.randrange(256)
    out = tmp_path / "m.pdf"
    out.write_bytes(bytes(data))
    _check(out)


@pytest.mark.parametrize("seed", range(10))
def test_mutated_docx_archive_bytes(tmp_path, seed):
    rnd = random.Random(seed)
    data = bytearray(corpus("003", "docx").read_bytes())
    for _ in range(rnd.randint(1, 20)):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    out = tmp_path / "m.docx"
    out.write_bytes(bytes(data))
    _check(out)


def test_docx_zip_bomb_like_part_is_refused(tmp_path, monkeypatch):
    from extractors import docx as docx_reader
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 1000)
    with pytest.raises(ExtractError) as e:
        extract(str(corpus("003", "docx")))
    assert e.value.status == "failed" and "quá lớn" in e.value.message
    assert io.BytesIO(b"").read() == b""
