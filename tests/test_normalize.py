"""Normalization and the offset invariants every reader relies on."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract
from pipeline.document import DocumentBuilder
from pipeline.normalize import canonical_tones, fold, match_form, normalize_text
from test_reader_support import CORPUS

from extractors.doc import soffice_path

CORPUS_FILES = sorted(p for p in CORPUS.iterdir()
                      if p.suffix in (".txt", ".docx", ".pdf") or (p.suffix == ".doc" and soffice_path()))


@pytest.mark.parametrize("raw,clean", [
    ("Vie\u0323\u0302t Nam", "Việt Nam"),                        # decomposed -> NFC
    ("a\u00a0b\u202fc\u2009d", "a b c d"),                        # odd spaces
    ("thi\u200b đua\ufeff", "thi đua"),                           # zero-width
    ("“Thi đua quyết thắng”", '"Thi đua quyết thắng"'),           # quotes
    ("\u00d0/c Mai", "Đ/c Mai"),                                  # eth typed for Đ
    ("Microsoft Of\ufb01ce, \ufb02ow", "Microsoft Office, flow"),  # PDF ligatures
    ("số\x00 liệu\x03 năm\x85 2022", "số liệu năm 2022"),         # control characters from a text layer
    ("kinh   tế  \t xã hội", "kinh tế xã hội"),
    ("dòng một  \n   dòng hai", "dòng một\ndòng hai"),
    ("tự\u00adđộng", "tựđộng"),                                   # soft hyphen
    ("tặng \u0300\u01a1n", "tặng ờn"),                             # a mark put before its letter
    ("\uf0b7 Kiểm tra, giám sát.", "- Kiểm tra, giám sát."),        # a Symbol-font bullet from a PDF
])
def test_normalize_text(raw, clean):
    assert normalize_text(raw) == clean


def test_match_form_tones_and_dashes():
    assert match_form("Văn hoá – Thể thao") == "văn hóa - thể thao"
    assert match_form("Thuỷ lợi, khoẻ") == "thủy lợi, khỏe"
    assert match_form("Quý") == "quý"
    assert canonical_tones("hoà") == "hòa"
    assert fold("Trùng Khánh") == "trung khanh"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐqQ hoáòỏõọuýỳỷỹỵ–—-.,0123456789\n")),
               max_size=60))
def test_match_form_keeps_the_length(s):
    assert len(match_form(s)) == len(s)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_match_form_length_on_any_normalized_text(s):
    t = normalize_text(s)
    assert len(match_form(t)) == len(t)
    assert normalize_text(t) == t                                  # idempotent


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_offsets_of_every_block_and_cell(path):
    doc = extract(str(path))
    assert len(doc.match_text) == len(doc.text)
    assert unicodedata.normalize("NFC", doc.text) == doc.text
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        for r in b.rows or []:
            assert doc.text[r.start:r.end] == " | ".join(c.text for c in r.cells)
            for c in r.cells:
                assert doc.text[c.start:c.end] == c.text
    for a, b in zip(doc.blocks, doc.blocks[1:]):
        assert doc.text[a.end:b.start] == "\n\n"


def test_builder_normalizes_what_readers_give():
    b = DocumentBuilder("x", "txt")
    b.add("paragraph", "  Vie\u0323\u0302t\u00a0Nam  ")
    b.add_table([["Chỉ\ntiêu", ("Kết quả", 2)], ["", ""]])
    doc = b.build()
    assert doc.blocks[0].text == "Việt Nam"
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Chỉ tiêu", "Kết quả"]
    assert len(doc.tables[0].rows) == 1                             # an empty row is dropped
