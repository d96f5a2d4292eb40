"""Text typed in the legacy Vietnamese TCVN3 (ABC) fonts: ``.VnTime``, ``.VnArial``, ...

Before Unicode, Vietnamese documents were typed with 8-bit fonts whose glyphs
for the Latin-1 code points are Vietnamese letters: the file says ``B¸o c¸o`` and
the font draws ``Báo cáo``.  Word files and PDFs keep the 8-bit text and the font
name, so the readers convert runs set in such a font.  Fonts whose name ends in
``H`` (``.VnTimeH``) are the capital variants: the same codes drawn as capitals.
"""
from __future__ import annotations

import re

# TCVN3 code point -> the lower-case letter it draws (the standard ABC table).
_LOWER = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\u00ad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
}
# capitals without a tone have codes of their own
_UPPER = {"¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư"}
_TABLE = str.maketrans({**_LOWER, **_UPPER})
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def font_kind(name: str | None) -> str | None:
    """``"tcvn3"`` or ``"tcvn3-caps"`` for a TCVN3 font name (a PDF subset prefix
    ``ABCDEF+`` allowed), else None."""
    if not name:
        return None
    n = _SUBSET.sub("", name.strip()).split(",")[0].split("-")[0]
    if not n.lower().startswith(".vn"):
        return None
    return "tcvn3-caps" if n.endswith("H") else "tcvn3"


def from_tcvn3(text: str, caps: bool = False) -> str:
    out = text.translate(_TABLE)
    return out.upper() if caps else out


def convert(text: str, font: str | None) -> str:
    """``text`` as it reads when drawn in ``font`` (unchanged for Unicode fonts)."""
    kind = font_kind(font)
    if kind is None:
        return text
    return from_tcvn3(text, caps=kind == "tcvn3-caps")
