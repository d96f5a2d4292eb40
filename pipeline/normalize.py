"""Text normalization.

Two layers, both computed once per document:

* :func:`normalize_text` gives the *stored* text every offset points into: Unicode
  NFC, ordinary spaces instead of non-breaking / thin / ideographic ones, no
  zero-width characters or soft hyphens, straight quotes, runs of blanks
  collapsed.  It keeps the writer's tone placement (``hoá`` stays ``hoá``) so
  the text reads as written.
* :func:`match_form` maps normalized text to the form rules match against:
  lower case, one tone placement (``hoá``/``hóa`` -> ``hóa``, ``thuỷ`` ->
  ``thủy``), one dash.  It never changes the length, so an offset found in the
  match form is an offset in the stored text.
"""
from __future__ import annotations

import re
import unicodedata

# Characters replaced by a plain space.
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\u205f"
# Characters removed outright: zero-width, soft hyphen, control characters (PDF text
# layers carry NULs and C1 controls), the object replacement character.
_REMOVED = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffc"
            + "".join(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\x0b\x0c")
            + "".join(chr(c) for c in range(0x7f, 0xa0)))
_TRANSLATE = {ord(c): " " for c in _SPACES}
_TRANSLATE.update({ord(c): None for c in _REMOVED})
# Bullets drawn from Symbol/Wingdings fonts come out of PDFs as private-use code
# points; the .docx reader renders such list bullets as "-", so they read the same.
_TRANSLATE.update({ord(c): "-" for c in "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06c\uf06e\uf071\uf0a8\uf0e8\uf0d9"})
# Typographic ligatures some PDF text layers keep (Latin words in reports: "Office", "file").
_TRANSLATE.update({ord("\ufb00"): "ff", ord("\ufb01"): "fi", ord("\ufb02"): "fl", ord("\ufb03"): "ffi",
                   ord("\ufb04"): "ffl", ord("\ufb05"): "st", ord("\ufb06"): "st"})
_TRANSLATE.update({
    ord("\u201c"): '"', ord("\u201d"): '"', ord("\u201e"): '"', ord("\u201f"): '"',
    ord("\u00ab"): '"', ord("\u00bb"): '"',
    ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201a"): "'", ord("\u201b"): "'",
    ord("\u2032"): "'", ord("\u2033"): '"',
    ord("\u00d0"): "Đ", ord("\u00f0"): "đ",       # Icelandic eth typed for Đ/đ
    ord("\u2010"): "-", ord("\u2011"): "-",       # hyphen, non-breaking hyphen
    ord("\u2212"): "-",                           # minus sign
    ord("\t"): " ",
    ord("\r"): None,
    ord("\u2028"): "\n", ord("\u2029"): "\n",
    ord("\u000b"): "\n", ord("\u000c"): "\n",
})
_BLANKS = re.compile(r"[ ]{2,}")
# Combining marks a PDF text layer put before their letter (at the start of a word).
_STRAY_MARKS = re.compile(r"(?<![\w\u0300-\u036f])([\u0300-\u036f]+)([^\W\d_])")


def normalize_text(s: str) -> str:
    """Normalize a piece of text for storage (see module docstring).

    Newlines are kept (a paragraph may hold line breaks); spaces around them
    are trimmed.
    """
    if not s:
        return ""
    if any("\u0300" <= c <= "\u036f" for c in s):
        s = _STRAY_MARKS.sub(lambda m: m.group(2) + m.group(1), s)
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_TRANSLATE)
    s = _BLANKS.sub(" ", s)
    if "\n" in s:
        s = "\n".join(line.strip() for line in s.split("\n"))
        s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


# --- tone placement -------------------------------------------------------
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _split_tone(ch: str) -> tuple[str, str]:
    """'á' -> ('a', '\u0301'); 'ấ' -> ('â', '\u0301'); 'a' -> ('a', '')."""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return base, tone


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone) if tone else base


# old placement at the end of a syllable: the tone on the second vowel of oa, oe, uy
_OLD_STYLE = re.compile(r"(?<![^\W\d_])(\w*?)([oOuU])([\w])(?![^\W\d_])")


def _move_tone(m: re.Match) -> str:
    head, v1, v2 = m.group(1), m.group(2), m.group(3)
    base2, tone = _split_tone(v2)
    if not tone:
        return m.group(0)
    pair = (v1.lower() + base2.lower())
    if pair not in ("oa", "oe", "uy"):
        return m.group(0)
    if pair == "uy" and head[-1:].lower() == "q":
        return m.group(0)       # quý: the u belongs to the consonant
    _, tone1 = _split_tone(v1)
    if tone1:
        return m.group(0)
    return head + _with_tone(v1, tone) + base2


def canonical_tones(s: str) -> str:
    """Put the tone of a final ``oa``/``oe``/``uy`` on its first vowel (``hoá`` ->
    ``hóa``, ``thuỷ`` -> ``thủy``, ``khoẻ`` -> ``khỏe``); length-preserving."""
    return _OLD_STYLE.sub(_move_tone, s)


_DASHES = {ord("\u2013"): "-", ord("\u2014"): "-", ord("\u2015"): "-"}


def match_form(s: str) -> str:
    """The form rules match against: same length as ``s``."""
    out = canonical_tones(s.lower()).translate(_DASHES)
    if len(out) != len(s):  # pragma: no cover - guarded by tests
        # a character whose lower case has another length (none in Vietnamese): fall back
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
        out = canonical_tones(out).translate(_DASHES)
    return out


def fold(s: str | None) -> str:
    """Strip diacritics and case: for comparing names (``Trùng Khánh`` -> ``trung khanh``)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", s).strip()
