"""Text files in the encodings Vietnamese offices used: UTF-8, UTF-16, Windows-1258, TCVN3."""
from __future__ import annotations

import pytest

from extractors import extract
from extractors.legacy_fonts import _LOWER, _UPPER

TEXT = ("Số: 15/BC-UBND\n\nBÁO CÁO\n\nNăm 2022, Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể và 35 cá nhân "
        "có thành tích xuất sắc trong phong trào thi đua; hộ nghèo giảm còn 3,7%.\n")


def to_tcvn3(text: str) -> bytes:
    """Encode as TCVN3 would (capitals with a tone have no code: lower case letters are
    kept for them, as the .VnTime font itself cannot write them either)."""
    back = {v: k for k, v in {**_LOWER, **_UPPER}.items()}
    out = []
    for ch in text:
        if ch in back:
            out.append(back[ch])
        elif ch.lower() in back and not ch.isascii():
            out.append(back[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("latin-1")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_unicode_and_windows_1258(tmp_path, encoding):
    p = tmp_path / "r.txt"
    if encoding == "cp1258":      # Windows-1258 has â, ơ, ư... but writes tones as combining marks
        import unicodedata
        tones = "\u0300\u0301\u0303\u0309\u0323"
        out = []
        for ch in TEXT:
            d = unicodedata.normalize("NFD", ch)
            out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
                       + "".join(c for c in d if c in tones))
        data = "".join(out).encode("cp1258")
    else:
        data = TEXT.encode(encoding)
    p.write_bytes(data)
    doc = extract(str(p))
    assert "tặng Giấy khen cho 12 tập thể và 35 cá nhân" in doc.text


def test_tcvn3_text_file(tmp_path):
    p = tmp_path / "vntime.txt"
    p.write_bytes(to_tcvn3(TEXT))
    doc = extract(str(p))
    assert "Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể và 35 cá nhân" in doc.text
    assert "hộ nghèo giảm còn 3,7%" in doc.text
