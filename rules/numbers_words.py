"""Vietnamese numbers written in words: the grammar behind
:func:`rules.numbers.parse_words` and :func:`rules.numbers.to_words`.

Pure functions, standard library only.  ``parse_words`` is strict: it accepts one
grammatical number and nothing else, so the scanner in :mod:`rules.numbers` can
take the longest prefix of a run of number words that parses.

* units: một hai ba bốn năm sáu bảy (bẩy) tám chín; ``không`` only alone (0) or
  in ``không trăm`` after a scale word;
* tens: ``mười`` (10), ``mười một`` .. ``mười chín`` with ``mười lăm``/``mười nhăm``
  (15, never ``mười năm``: that is "ten years"), ``hai mươi`` .. ``chín mươi``
  with ``mốt`` (1), ``tư``/``bốn`` (4), ``lăm``/``nhăm`` (5); ``ba chục`` (30);
* hundreds: ``một trăm``, ``một trăm linh năm`` (``lẻ`` = ``linh``),
  ``một trăm mười``;
* scales: ``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ``; after a scale word a group
  is written in full (``một nghìn không trăm linh năm`` = 1005) or, colloquially,
  ``một nghìn linh năm`` / ``một nghìn hai mươi``; ``một nghìn năm`` is rejected
  ("a thousand years").
"""
from __future__ import annotations

from typing import Optional

__all__ = ["parse_words", "to_words", "parse_tokens", "CANON"]

_DIGIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
                "tám": 8, "chín": 9}
_UNIT_AFTER_TENS = {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5,
                    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_UNIT_AFTER_MUOI = dict(_UNIT_AFTER_TENS)
del _UNIT_AFTER_MUOI["mốt"]             # mười một, never mười mốt
_UNIT_AFTER_LINH = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
                    "bẩy": 7, "tám": 8, "chín": 9}
CANON = {"ngàn": "nghìn", "tỉ": "tỷ", "lẻ": "linh"}


def _tens(toks: list[str]) -> Optional[int]:
    """0..99 written without hundreds: mười, mười lăm, hai mươi, hai mươi mốt, ba chục."""
    if not toks:
        return None
    if toks[0] == "mười":
        if len(toks) == 1:
            return 10
        if len(toks) == 2 and toks[1] in _UNIT_AFTER_MUOI:
            return 10 + _UNIT_AFTER_MUOI[toks[1]]
        return None
    if len(toks) >= 2 and toks[0] in _DIGIT_WORDS:
        d = _DIGIT_WORDS[toks[0]]
        if toks[1] == "mươi" and d >= 2:
            if len(toks) == 2:
                return d * 10
            if len(toks) == 3 and toks[2] in _UNIT_AFTER_TENS:
                return d * 10 + _UNIT_AFTER_TENS[toks[2]]
            return None
        if toks[1] == "chục" and len(toks) == 2:
            return d * 10
    return None


def _group(toks: list[str], leading: bool) -> Optional[int]:
    """0..999.  A leading group has no 'không trăm' and may be a bare unit; a
    group after a scale word may start with 'không trăm' or 'linh'."""
    if not toks:
        return None if leading else 0
    if len(toks) >= 2 and toks[1] == "trăm":
        if toks[0] in _DIGIT_WORDS:
            h = _DIGIT_WORDS[toks[0]]
        elif toks[0] == "không" and not leading:
            h = 0
        else:
            return None
        rest = toks[2:]
        if not rest:
            return h * 100
        if rest[0] == "linh":
            if len(rest) == 2 and rest[1] in _UNIT_AFTER_LINH:
                return h * 100 + _UNIT_AFTER_LINH[rest[1]]
            return None
        t = _tens(rest)
        return None if t is None else h * 100 + t
    if toks[0] == "linh":
        if not leading and len(toks) == 2 and toks[1] in _UNIT_AFTER_LINH:
            return _UNIT_AFTER_LINH[toks[1]]
        return None
    if len(toks) == 1 and toks[0] in _DIGIT_WORDS:
        return _DIGIT_WORDS[toks[0]] if leading else None
    return _tens(toks)


def _below(toks: list[str], leading: bool, limit_scale: int) -> Optional[int]:
    """Parse toks as a number below 1000*limit_scale (limit_scale in 1, 1e3, 1e6)."""
    for word, sc in (("triệu", 10**6), ("nghìn", 10**3)):
        if sc > limit_scale or word not in toks:
            continue
        i = toks.index(word)
        if word in toks[i + 1:]:
            return None
        left = _below(toks[:i], leading, sc // 1000) if sc > 1000 else _group(toks[:i], leading)
        if left is None or left == 0:
            return None
        right = _below(toks[i + 1:], False, sc // 1000) if toks[i + 1:] else 0
        if right is None:
            return None
        return left * sc + right
    return _group(toks, leading)


def parse_tokens(toks: list[str]) -> Optional[int]:
    """:func:`parse_words` on lower-case tokens (variants ngàn/tỉ/lẻ allowed)."""
    toks = [CANON.get(t, t) for t in toks]
    if not toks:
        return None
    if toks == ["không"]:
        return 0
    return _parse_big(toks, True)


def _parse_big(toks: list[str], leading: bool) -> Optional[int]:
    if "tỷ" in toks:
        i = len(toks) - 1 - toks[::-1].index("tỷ")
        left = _parse_big(toks[:i], leading) if "tỷ" in toks[:i] else _below(toks[:i], leading, 10**6)
        if left is None or left == 0:
            return None
        right = _below(toks[i + 1:], False, 10**6) if toks[i + 1:] else 0
        if right is None:
            return None
        return left * 10**9 + right
    return _below(toks, leading, 10**6)


def parse_words(s: str) -> Optional[int]:
    """A number written in words: ``"mười hai"`` -> 12, ``"hai mươi mốt"`` -> 21,
    ``"một trăm linh năm"`` -> 105, ``"một nghìn không trăm linh năm"`` -> 1005,
    ``"hai tỷ ba trăm triệu"`` -> 2 300 000 000.  None when ``s`` is not exactly
    one number (``"một số"``, ``"hai mươi năm"``)."""
    toks = s.lower().split()
    return parse_tokens(toks)


_ONES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _words3(n: int, full: bool) -> list[str]:
    h, t, u = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if full or h:
        out += [_ONES[h], "trăm"]
    if t == 0:
        if u:
            if out:
                out.append("linh")
            out.append(_ONES[u])
    elif t == 1:
        out.append("mười")
        if u == 5:
            out.append("lăm")
        elif u:
            out.append(_ONES[u])
    else:
        out += [_ONES[t], "mươi"]
        if u == 1:
            out.append("mốt")
        elif u == 4:
            out.append("tư")
        elif u == 5:
            out.append("lăm")
        elif u:
            out.append(_ONES[u])
    return out


def _words_below_billion(n: int, leading: bool) -> list[str]:
    groups = [(n // 10**6, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, None)]
    out: list[str] = []
    for g, word in groups:
        if g == 0:
            continue
        out += _words3(g, full=not (leading and not out))
        if word:
            out.append(word)
    return out


def to_words(n: int) -> str:
    """Vietnamese words for 0 <= n < 10**15 (``105`` -> ``một trăm linh năm``,
    ``1005`` -> ``một nghìn không trăm linh năm``, ``21`` -> ``hai mươi mốt``)."""
    n = int(n)
    if n < 0 or n >= 10**15:
        raise ValueError("to_words handles 0 <= n < 10**15")
    if n == 0:
        return "không"
    if n >= 10**9:
        out = to_words(n // 10**9).split() + ["tỷ"]
        out += _words_below_billion(n % 10**9, leading=False)
        return " ".join(out)
    return " ".join(_words_below_billion(n, leading=True))
