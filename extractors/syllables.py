"""How much of a text reads as Vietnamese: the share of its words that are
Vietnamese syllables (an onset, a rhyme and a final consonant the language
allows, tone marks aside), lowered when almost no word carries a Vietnamese
letter or tone.  Text in a legacy encoding read the wrong way (VNI's ``Baùo
caùo``, TCVN3's ``B¸o c¸o``) scores low, and so does English; the text reader
uses it to pick the reading of an 8-bit file, :mod:`pipeline.plausible` to tell
a reading that is not Vietnamese.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
# rhymes without their final consonant, tone marks removed; longest first
_NUCLEI = sorted("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui
    uô uơ uy ưa ưi ưu ươ yê iêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu yêu""".split(), key=len, reverse=True)
_SYLLABLE = re.compile(_ONSET + "(?:" + "|".join(_NUCLEI) + ")" + r"(?:ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
_MARKED = re.compile(r"[ăâđêôơư]")
SAMPLE = 200_000        # characters looked at: enough to judge, and linear in any case


def _toneless(word: str) -> tuple[str, bool]:
    d = unicodedata.normalize("NFD", word)
    toned = any(c in _TONES for c in d)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)), toned


def sample(text: str, size: int = SAMPLE) -> str:
    """The beginning, middle and end of a long text."""
    if len(text) <= size:
        return text
    third = size // 3
    mid = len(text) // 2
    return text[:third] + " " + text[mid - third // 2: mid + third // 2] + " " + text[-third:]


@lru_cache(maxsize=65536)
def _kind(word: str) -> int:
    """0 an abbreviation (left out), 1 not a syllable, 2 a syllable, 3 one with a Vietnamese letter or tone."""
    base, toned = _toneless(word.lower())
    ok = bool(_SYLLABLE.fullmatch(base))
    if not ok:
        return 0 if len(word) > 1 and word.isupper() else 1
    return 3 if toned or _MARKED.search(base) else 2


def vietnamese_score(text: str) -> tuple[float, int]:
    """(score between 0 and 1, words looked at).  Abbreviations in capitals (UBND, HĐND) are left out."""
    valid = marked = n = 0
    for w in _WORD.findall(sample(text)):
        k = _kind(w)
        if not k:
            continue
        n += 1
        if k >= 2:
            valid += 1
            marked += k == 3
    if not n:
        return 0.0, 0
    return round(valid / n * min(1.0, marked / n / 0.15), 3), n


# Latin-1 letters and symbols that Vietnamese written in Unicode never uses, and that text in
# a VNI (å ä ë ï ö ü æ ø û ñ î) or TCVN3 (¨ © ª « ¬ ® µ ¶ · ¸ ¹ ...) font is full of
_LEGACY = re.compile("[åäëïöüæøûñîÅÄËÏÖÜÆØÛÑÎ¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾]")


def may_be_legacy(text: str) -> bool:
    """Cheap first look: could this text be VNI or TCVN3 code points?"""
    head = text[:50_000]
    return len(_LEGACY.findall(head)) > max(3, len(head) // 400)
