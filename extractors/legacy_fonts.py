"""Text typed in the legacy Vietnamese fonts: TCVN3 (ABC: ``.VnTime``, ``.VnArial``, ...)
and VNI (``VNI-Times``, ``VNI-Helve``, ...).

Before Unicode, Vietnamese documents were typed with 8-bit fonts whose glyphs
for the Latin-1 code points are Vietnamese letters: the file says ``B¸o c¸o``
(TCVN3) or ``Baùo caùo`` (VNI) and the font draws ``Báo cáo``.  Word files and
PDFs keep the 8-bit text and the font name, so the readers convert runs set in
such a font; text files carry no font, and :func:`extractors.common.decode_text`
recognises them by which reading gives Vietnamese syllables.  TCVN3 fonts whose
name ends in ``H`` (``.VnTimeH``) are the capital variants: the same codes drawn
as capitals.  VNI writes a toned vowel as the vowel followed by a mark glyph
(``aù`` = á, ``aâ`` = â, ``aá`` = ấ, ``aê`` = ă), with single glyphs for ơ ư đ
and the toned i and ỵ.
"""
from __future__ import annotations

import re
import unicodedata

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
    """``"tcvn3"`` or ``"tcvn3-caps"`` for a TCVN3 font name, ``"vni"`` for a VNI font
    name (a PDF subset prefix ``ABCDEF+`` allowed), else None."""
    if not name:
        return None
    full = _SUBSET.sub("", name.strip()).split(",")[0]
    if full.lower().startswith("vni-") or full.lower().startswith("vni "):
        return "vni"
    n = full.split("-")[0]
    if not n.lower().startswith(".vn"):
        return None
    return "tcvn3-caps" if n.endswith("H") else "tcvn3"


def is_legacy(font: str | None) -> bool:
    if not font:
        return False
    low = font.lower()
    return (".vn" in low or "vni" in low) and font_kind(font) is not None


def from_tcvn3(text: str, caps: bool = False) -> str:
    out = text.translate(_TABLE)
    return out.upper() if caps else out


# --- VNI --------------------------------------------------------------------------
# tone glyphs after a vowel, and the combining mark each stands for
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
# after a, e, o: circumflex, alone or with a tone; after a: breve, alone or with a tone
_VNI_HAT = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# glyphs that are a letter by themselves
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"}


def _vni_table() -> dict[str, str]:
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    table: dict[str, str] = {}

    def put(seq: str, out: str) -> None:
        table[seq] = out
        table[seq.upper()] = out.upper()
        if len(seq) == 2:                      # "Aù": a capital typed before a small mark glyph
            table[seq[0].upper() + seq[1]] = out.upper()

    for g, letter in _VNI_SINGLE.items():
        put(g, letter)
    for v in "aeouy":
        for g, mark in _VNI_TONES.items():
            put(v + g, nfc(v + mark))
    for g, letter in (("ô", "ơ"), ("ö", "ư")):
        for t, mark in _VNI_TONES.items():
            put(g + t, nfc(letter + mark))
    for v in "aeo":
        for g, mark in _VNI_HAT.items():
            put(v + g, nfc(v + "\u0302" + mark))
    for g, mark in _VNI_BREVE.items():
        put("a" + g, nfc("a\u0306" + mark))
    put("yï", "ỵ")
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))


def from_vni(text: str) -> str:
    """Text typed in a VNI font (as its Latin-1 code points) in Unicode."""
    return _VNI_RE.sub(lambda m: _VNI[m.group(0)], text)


def convert(text: str, font: str | None) -> str:
    """``text`` as it reads when drawn in ``font`` (unchanged for Unicode fonts)."""
    kind = font_kind(font)
    if kind is None:
        return text
    if kind == "vni":
        return from_vni(text)
    return from_tcvn3(text, caps=kind == "tcvn3-caps")
