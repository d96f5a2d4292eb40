"""Repairs for the slips OCR makes in Vietnamese reports (used by
:mod:`extractors.pdf_scan` on every recognised word and line).

* letters read inside a number: ``2O22`` -> ``2022``, ``1.l36`` -> ``1.136``,
  ``5/5`` kept; a token is repaired only when it is a number once its look-alike
  letters (``O o D Q`` for 0, ``l I | !`` for 1, ``S`` for 5, ``B`` for 8) are read
  as digits and it holds at least one real digit;
* a number glued to the word after or before it: ``150/170xã`` ->
  ``150/170 xã``, ``năm2022`` -> ``năm 2022`` (a Vietnamese word, with a letter
  outside ASCII; units such as ``895ha`` or ``m2`` stay as written);
* syllables split in two: a word that is only a tone mark or starts with one is
  joined to the word before it, and two fragments that are not Vietnamese
  syllables but make one when joined (``ngh`` + ``èo``) are joined;
* ``%`` read as ``°/o`` or ``o/o``; ``ĐĐ`` (Tesseract doubles a capital Đ) as ``Đ``;
  an underscore before a word (a rule's remains) dropped, and in a table cell a
  dash glued to a number;
* a raised mark (a footnote reference) read as ``!``, ``'`` or ``?``: its digit.

Everything else is left to the same normalization as any text
(:func:`pipeline.normalize.normalize_text`).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

import regex

_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "!": "1",
                            "S": "5", "B": "8", "G": "6"})
_NUMBERISH = re.compile(r"^[(\[]?[\dOoDQlI|!SBG][\dOoDQlI|!SBG.,/:%-]*[)\]:;,.%]?$")
# a raised mark read as punctuation: the footnote reference it stands for
_SUP_LOOKALIKE = str.maketrans({"!": "1", "'": "1", "\"": "1", "`": "1", "|": "1", "l": "1", "I": "1", "i": "1",
                                "?": "2", "°": "0", "o": "0", "O": "0", "s": "5", "S": "5"})
_NOISE_LEAD = re.compile(r"^[_~]+(?=\S)")
_DOUBLE_D = re.compile(r"[ĐÐ]{2,}")
_NUMBER = re.compile(r"^[(\[]?\d+(?:[.,/:-]\d+)*[.,/:-]?[)\]:;,.%]?%?$")
_PERCENT = re.compile(r"(?<=\d)\s?(?:°/o|o/o|°/0|0/o)(?!\w)")
_GLUED_AFTER = regex.compile(r"(?<=\d)(?=[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*)(?=\p{Ll})")
_GLUED_BEFORE = regex.compile(r"(?<=[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*\p{Ll})(?=\d)")
_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b"

# Vietnamese syllables: onset, vowels with their marks, coda (letters folded to ASCII, đ kept)
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                       r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$")


def fold(word: str) -> str:
    d = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in d if not unicodedata.combining(c))


def is_syllable(word: str) -> bool:
    return bool(_SYLLABLE.match(fold(word)))


_GLUED_RUN = re.compile(r"^([\dOoSlI][\dOoSlI.,]*\d[\d.,]*)(?=[^\W\d_])")


def repair_number(token: str, in_table: bool = False) -> str:
    """``2O22`` -> ``2022``; a token that is not a number with look-alike letters is kept.
    Outside tables a token needs one real digit (``So`` stays a word); in a table cell
    ``S,l`` reads ``5,1``."""
    if not _NUMBERISH.match(token) or token.isdigit():
        return token
    if not any(c.isdigit() for c in token) and not (in_table and len(token) >= 2 and re.search(r"[.,]", token)):
        return token
    core = token.strip("()[]:;,.%")
    if not core or not (any(c.isdigit() for c in core) or in_table):
        return token
    fixed = token.translate(_LOOKALIKE)
    return fixed if _NUMBER.match(fixed) else token


def repair_glued(token: str) -> str:
    """A number with a look-alike letter glued to its unit: ``S8.000m`` -> ``58.000m``."""
    m = _GLUED_RUN.match(token)
    if not m or m.group(1).isdigit() or not any(c.isdigit() for c in m.group(1)):
        return token
    fixed = m.group(1).translate(_LOOKALIKE)
    return fixed + token[m.end(1):] if re.fullmatch(r"\d+(?:[.,]\d+)*", fixed) else token


def repair_word(text: str, in_table: bool = False) -> str:
    """One recognised word: noise before it, ``ĐĐ``, numbers and the percent sign."""
    text = unicodedata.normalize("NFC", text)
    text = _NOISE_LEAD.sub("", text)
    if in_table:
        text = re.sub(r"^[-—–](?=\d)", "", text)      # a rule's stub read as a minus sign
    text = _DOUBLE_D.sub("Đ", text)
    text = repair_glued(repair_number(text, in_table))
    return _PERCENT.sub("%", text)


def superscript_digits(text: str) -> Optional[str]:
    """A raised mark as digits (``!`` -> ``1``, ``?`` -> ``2``), or None when it is not one."""
    t = text.translate(_SUP_LOOKALIKE)
    return t if t.isdigit() and len(t) <= 2 else None


_HEADING_FIVE = regex.compile(r"^[Ss](?=\.\s+\p{Lu})")


def repair_line(text: str) -> str:
    """A line of words (after they are joined): glued numbers, percent signs, a
    heading numbered ``S.`` (``5.``)."""
    text = _HEADING_FIVE.sub("5", text)
    text = _PERCENT.sub("%", text)
    text = _GLUED_AFTER.sub(" ", text)
    return _GLUED_BEFORE.sub(" ", text)


def joins_previous(prev: str, word: str) -> bool:
    """Is ``word`` the rest of the syllable ``prev`` (split by the OCR)?"""
    if not prev or not word:
        return False
    if unicodedata.normalize("NFD", word)[0] in _MARKS:
        return True                           # a tone mark read on its own
    if not (prev[-1].isalpha() and word[0].isalpha() and word[0].islower()):
        return False
    if is_syllable(prev) and is_syllable(word):
        return False
    return is_syllable(prev + word)
