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


def vietnamese_score(text: str) -> tuple[float, int]:
    """(score between 0 and 1, words looked at).  Abbreviations in capitals (UBND, HĐND) are left out."""
    valid = marked = n = 0
    for w in _WORD.findall(sample(text)):
        base, toned = _toneless(w.lower())
        ok = bool(_SYLLABLE.fullmatch(base))
        if len(w) > 1 and w.isupper() and not ok:
            continue
        n += 1
        if ok:
            valid += 1
            if toned or _MARKED.search(base):
                marked += 1
    if not n:
        return 0.0, 0
    return round(valid / n * min(1.0, marked / n / 0.15), 3), n
