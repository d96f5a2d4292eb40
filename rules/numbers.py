"""Reading numbers out of Vietnamese report text.

Pure functions, no I/O; called on every sentence, so every pattern is compiled
once at import.  Works on the display text or on its lower-cased "match form"
alike (the two have the same length, and every pattern ignores case): spans are
plain indices into the string passed in.

Conventions (see ../shared/DOMAIN.md, "Numbers")
--------------------------------------------------
* ``.`` groups thousands and ``,`` is the decimal mark: ``1.015`` = 1015,
  ``138.789.000.000`` = 138 789 000 000, ``4.235,04`` = 4235.04, ``33,59`` = 33.59.
  A plain space (or no-break / narrow space) also groups thousands in tables:
  ``1 500`` = 1500 (first group 1-3 digits without a leading zero, then groups of
  exactly three digits).  Only where that is safe: inside a cell (after a line
  start, ``|``, ``(``, a dash, a bound symbol or punctuation, and before a line
  end, ``|``, ``)``, ``%`` or punctuation) or between words (``có 1 500 hộ``).
  ``500 426,1`` and a flattened table row ``ha 800 934 117`` stay separate numbers.
* Leading zeros mean nothing (``01``, ``08/19``); ``Num.leading_zero`` says they
  were there.
* A scale word after the number multiplies it: ``nghìn``/``ngàn`` 10^3,
  ``triệu`` (and ``trđ``, ``tr.đ``) 10^6, ``tỷ``/``tỉ`` 10^9, ``nghìn tỷ`` 10^12
  (an extension).  ``value == base * scale``; ``tỷ lệ``/``tỷ suất``/``tỷ trọng``
  (rate, ratio, share) are not scale words.
* A unit may be glued to the number (``4.235,04ha``, ``58.000m²``); the span
  stops at the digits (or at ``%`` / the scale word).

Kinds
-----
``int`` / ``decimal`` (the written form of the default reading), ``percent``
(``82%``, ``92 %``, ``15,8 phần trăm``), ``fraction`` (``03/19`` -> value 3,
of_total 19; ``1.020/750``), ``range`` (``650-700``, ``1,5-2``, ``10 - 14``,
``1-2%``, ``từ 1-2``, ``từ 10 đến 14``, ``2015 - 2020``; ``value`` is the high end,
``low``/``high`` both ends, scaled), ``words`` (numbers written in words, only
with ``find_numbers(words=True)``).  ``percent`` is also a flag, set on percent
ranges and fractions too.

Bounds (``Num.bound``; the bound words are inside the span)
------------------------------------------------------------
``>`` : ``>``, ``trên``, ``hơn``, ``nhiều hơn``.  ``>=``: ``≥``, ``>=``,
``tối thiểu``, ``ít nhất``, ``không dưới``, ``X trở lên``, ``từ X trở lên``.
``<``: ``<``, ``dưới``, ``ít hơn``, ``chưa đến``/``chưa tới``/``chưa đầy``.
``<=``: ``≤``, ``<=``, ``tối đa``, ``không quá``, ``không vượt quá``,
``tối đa không quá``, ``X trở xuống``.  ``~``: ``~``, ``≈``, ``khoảng``,
``gần``, ``ước``, ``ước đạt``, ``ước tính``, ``xấp xỉ``, ``trên dưới``.
``từ`` alone is not a bound: it is taken into the span only for a range
(``từ 1-2``, ``từ 10 đến 14``) or with ``trở lên``/``trở xuống``.  When up to three
words stand between the number and ``trở lên`` (``từ 15 tiêu chí trở lên``) the
bound is set but the span stops after the number, so callers still see the noun.
A bound word right after another number (``2 trên 19`` = "2 out of 19") is not
a bound.  Ranges keep ``bound`` None unless a bound word precedes them
(``khoảng 50 - 100`` -> ``~``).

Not numbers (skipped, and never swallowed into a neighbour)
-----------------------------------------------------------
Dates ``28/1/2022``, ``07/ 4/ 2014``, ``28.01.2022``, ``28-01-2022``, any
``a/b/c``; ``ngày 11/6`` (a day/month after ``ngày``); month/year ``12/2022``
(``m <= 12``, year 1900-2100) and ``tháng 6-2020``; document numbers
``41/KH-HĐTĐKT``, ``91/2017/NĐ-CP``, ``34-CT/TW``, ``34- CT/TW``,
``864/NQ-UBTVQH 14``, ``06/2022/QH15``, ``2160/BTĐKT`` (``N/`` + letters, unless
the letters are a rate unit: ``20/năm``, ``11/xã``); digits glued to letters
before them (``COVID-19``, ``H5N1``, ``QH15``, ``m2``); times ``8h30``, ``14h``,
``8:30``, ``14 giờ 30`` (and so map scales ``1:50.000``); outline numbers at the
start of a line (``1.``, ``3.2.``, ``2)``, ``2.1 Kết quả`` but not ``1.5 tấn``);
irregular groupings (``3.2.1``, ``1.23.456``, ``0206.3851.234``).  Roman
numerals never match.  A descending pair (``5-3``) is two numbers, not a range.
Ordinary integers that happen to be days, months or years (``tháng 12 năm 2022``)
are returned as ints; a range of years is a range (callers decide it is a period).

Ambiguity policy
----------------
Writers slip into the English convention, so some forms have two readings.
``Num.value`` is always the default reading; when the form is ambiguous,
``Num.ambiguous`` is True and ``Num.alternatives`` holds the other readings
(scaled).  :func:`choose` picks among them by magnitude.

* dot + 1-2 digits (``17.68``, ``1.95``, ``13.10``, ``21.00``, ``70.0``): breaks the
  convention.  Default: the decimal reading (17.68); alternative: thousands with
  the zero(s) dropped, i.e. the fraction digits padded to three (17 680, 1 950,
  13 100, 21 000, 70 000).  With a zero integer part (``0.68``) there is no
  thousands reading: ambiguous, no alternative.
* comma + exactly 3 digits, no dots (``41,288``): the Vietnamese decimal
  (41.288) by default, ambiguous, alternative the English thousands (41 288).
  Not ambiguous when the integer part is 0 or has more than 3 digits.
* dot + exactly 3 digits (``1.015``): thousands, *not* ambiguous (``readings``
  still lists the decimal reading second: (1015, 1.015)).
* English forms that cannot be Vietnamese (``1,234,567``, ``1,234.5``,
  ``3.14159``): read the English way, ``ambiguous=True``, no alternatives.
* ``1234.567`` (a dot after 4+ digits): decimal 1234.567, alternative 1 234 567.

In a range the alternatives are those of the high end; a fraction's are those
of its numerator.

Numbers in words (``words=True``)
---------------------------------
The grammar (``parse_words``, ``to_words``) lives in :mod:`rules.numbers_words`
and is re-exported here; the scanner below decides which runs count.
``mười hai``, ``hai mươi mốt``, ``một trăm linh năm``, ``một nghìn không trăm
linh năm``, ``hai tỷ ba trăm triệu``.  Conservative: a run of two or more
number words that parses as one number, or a single number word (``một`` ..
``mười``; not ``tư``, ``lăm``, ``mốt``, ``không``) directly followed by a counted
noun (``tập thể``, ``cá nhân``, ``hộ``, ``xã``, ``thôn``, ``người``, ``đơn vị`` ...).
A single ``năm`` is far more often "year": it counts only before a noun no year
stands before (``năm cá nhân``, ``năm tập thể``, ``năm đơn vị``).  Not numbers: ``một số``, ``một cách``,
``là một huyện`` / ``có một`` (an article, unless another count is joined to it: ``có một tập thể và 22 cá nhân``), ``tháng Hai``, ``thứ ba``, ``số hai``,
a run starting with ``năm`` after ``mỗi``/``hàng``/``cả``/``/`` (``hàng năm``,
``người/năm triệu đồng``).  After ``mười``/``mươi`` a 5 must be ``lăm``/``nhăm``
(``hai mươi năm`` is "twenty years": 20, then the noun ``năm``).  A run is read
greedily: the longest prefix that parses, then the rest.  Word numbers never
overlap digit numbers (they are looked for only between them).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from .numbers_words import CANON, parse_tokens, parse_words, to_words
from .lexicon import A, P, word_set

__all__ = ["Num", "find_numbers", "parse_number", "readings", "choose", "parse_words",
           "to_words", "format_vn"]


@dataclass(frozen=True)
class Num:
    value: float            # the default reading, scale applied
    start: int              # span of the whole expression (bound words, %, scale word included)
    end: int
    raw: str                # text[start:end]
    kind: str               # "int", "decimal", "percent", "fraction", "range", "words"
    base: float             # the number before the scale word
    scale: float = 1.0
    scale_word: Optional[str] = None
    percent: bool = False
    of_total: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    bound: Optional[str] = None
    ambiguous: bool = False
    alternatives: tuple[float, ...] = ()
    leading_zero: bool = False


# --------------------------------------------------------------------------
# One numeric token ("1.015", "4.235,04", "17.68", "1 500")
# --------------------------------------------------------------------------

class _Tok(NamedTuple):
    readings: tuple[Decimal, ...]   # default first
    kind: str                       # "int" / "decimal"
    ambiguous: bool                 # alternatives = readings[1:] when True
    leading_zero: bool


_RX_INT = re.compile(r"\d+")
_RX_SPACED = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+")
_RX_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_RX_VN_FULL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_RX_COMMA = re.compile(r"\d+,\d+")
_RX_DOT = re.compile(r"(\d+)\.(\d+)")
_RX_EN_FULL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_RX_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


def _lz(intpart: str) -> bool:
    return len(intpart) > 1 and intpart[0] == "0"


@lru_cache(maxsize=8192)
def _analyse(tok: str) -> Optional[_Tok]:
    """Classify one token made of digits, '.', ',' (or spaces between groups)."""
    if _RX_INT.fullmatch(tok):
        return _Tok((Decimal(tok),), "int", False, _lz(tok))
    if _RX_SPACED.fullmatch(tok):
        return _Tok((Decimal("".join(c for c in tok if c.isdigit())),), "int", False, False)
    if _RX_THOUSANDS.fullmatch(tok):
        head = tok.split(".", 1)[0]
        joined = Decimal(tok.replace(".", ""))
        if tok.count(".") == 1:
            as_decimal = Decimal(tok)
            if int(head) == 0:          # "0.500": no thousands reading
                return _Tok((as_decimal,), "decimal", True, False)
            return _Tok((joined, as_decimal), "int", False, _lz(head))
        if int(head) == 0:
            return None
        return _Tok((joined,), "int", False, _lz(head))
    if _RX_VN_FULL.fullmatch(tok):
        head = tok.split(".", 1)[0]
        if int(head) == 0:
            return None
        return _Tok((Decimal(tok.replace(".", "").replace(",", ".")),), "decimal", False, _lz(head))
    if _RX_COMMA.fullmatch(tok):
        head, frac = tok.split(",")
        dec = Decimal(head + "." + frac)
        if len(frac) == 3 and len(head) <= 3 and head[0] != "0":
            return _Tok((dec, Decimal(head + frac)), "decimal", True, False)
        return _Tok((dec,), "decimal", False, _lz(head))
    m = _RX_DOT.fullmatch(tok)
    if m:
        head, frac = m.groups()
        dec = Decimal(tok)
        if len(frac) <= 2:
            if len(head) <= 3 and int(head) != 0:
                return _Tok((dec, Decimal(head + frac.ljust(3, "0"))), "decimal", True, _lz(head))
            return _Tok((dec,), "decimal", True, _lz(head))
        if len(frac) == 3:                       # head has 4+ digits here
            return _Tok((dec, Decimal(head + frac)), "decimal", True, _lz(head))
        return _Tok((dec,), "decimal", True, _lz(head))
    if _RX_EN_FULL.fullmatch(tok):
        return _Tok((Decimal(tok.replace(",", "")),), "decimal", True, False)
    if _RX_EN_THOUSANDS.fullmatch(tok):
        return _Tok((Decimal(tok.replace(",", "")),), "int", True, False)
    return None


def readings(token: str) -> tuple[float, ...]:
    """Every plausible reading of one token, default first.

    ``"17.68"`` -> (17.68, 17680.0); ``"41,288"`` -> (41.288, 41288.0);
    ``"1.015"`` -> (1015.0, 1.015); ``"4.235,04"`` -> (4235.04,).  ``()`` when the
    token is not a number.  A trailing ``%`` and surrounding blanks are ignored.
    """
    t = _clean_token(token)
    a = _analyse(t) if t else None
    return tuple(float(r) for r in a.readings) if a else ()


def parse_number(token: str) -> Optional[float]:
    """The default reading of one token (``"1.015"`` -> 1015.0, ``"4.235,04"`` ->
    4235.04, ``"01"`` -> 1.0, ``"1 500"`` -> 1500.0, ``"17.68"`` -> 17.68), or None."""
    r = readings(token)
    return r[0] if r else None


def _clean_token(token: str) -> str:
    t = token.strip()
    if t.endswith("%"):
        t = t[:-1].rstrip()
    return t


# --------------------------------------------------------------------------
# Patterns for find_numbers
# --------------------------------------------------------------------------

# A space-grouped number ("1 500") only where a table cell or a counted noun
# makes it safe: in a cell (after a line start, "|", "(", a dash or a bound
# symbol, before a line end, "|", ")", "%" or punctuation), or between words
# ("có 1 500 hộ").  "800 934 117" between other numbers or at the end of a
# flattened table row stays three numbers.
_SPG = r"[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|[.,]\d)"
_NUMTOK = (r"(?:(?:^|(?<=[|(\t\n\-–—~<>≥≤≈])|(?<=[|(\t\n\-–—~<>≥≤≈.,;:!?][ \u00a0]))" + _SPG +
           r"(?=[ \u00a0]?(?:[|)\t\n%;:,\-–—]|\.(?!\d)|$)|[ \u00a0][^\W\d_]|/[1-9])"
           r"|(?<=[^\W\d_][ \u00a0])" + _SPG + r"(?=[ \u00a0][^\W\d_]|[,;:)]|\.(?!\d)|/[1-9])"
           r"|\d+(?:[.,]\d+)*)")
_L = r"[^\W\d_]"            # a letter
# words that may follow "N/" as a unit (a rate), so "N/xã" is not a document number
_RATE_UNITS = A("rate_unit")

# every alternative of _MASTER starts at a digit that does not follow a word
# character, so find_numbers jumps from digit to digit and only tries there
_LINE_START = r"(?:(?<![^\n])|(?<=^[ \t])|(?<=\n[ \t]))"
_MASTER = re.compile(
    # (a line holding nothing else, "3.1.", is an outline number too: sentence
    # splitters cut headings there)
    r"(?P<outline>" + _LINE_START + r"\d{1,2}(?:\.\d{1,2})*[.)](?=[ \t]|$)"
    # "2.1 Kết quả", "1.2.3 Công tác" (but not "1.5 triệu", "2.5 ha")
    r"|" + _LINE_START + r"\d(?:\.\d{1,2}){1,3}(?=[ \t]+[^\W\d_])"
    r"(?![ \t]+(?:nghìn|ngàn|triệu|tỷ|tỉ|tấn|tạ|ha|km|m|kg|lít|đồng|người|hộ|xã|con|lượt)(?!\w)))"
    # document numbers: 41/KH-HĐTĐKT, 91/2017/NĐ-CP, 864/NQ-UBTVQH 14, 06/2022/QH15
    rf"|(?P<code>(?<![\w/])\d+(?:[.,]\d+)*(?:/\d+)*[ ]?/[ ]?(?!(?:{_RATE_UNITS})(?!\w)){_L}[\w.\-/]*"
    r"(?:(?<=qh)[ ]?\d{1,2}(?!\d))?)"
    # 34-CT/TW, 34- CT/TW, 83-KL/TW
    rf"|(?P<code2>(?<![\w/])\d+[ ]?-[ ]?{_L}+[ ]?/[\w.\-/]*)"
    # dates: 28/1/2022, 07/ 4/ 2014, 28.01.2022, 28-01-2022, any a/b/c
    r"|(?P<date>(?<![\w/.,])\d{1,2}(?:/[ ]?\d{1,2}/[ ]?|\.\d{1,2}\.|-\d{1,2}-)\d{2,4}(?![\d.,]\d|\d)"
    r"|(?<![\w/])\d+(?:/[ ]?\d+){2,})"
    # times: 8h30, 14h, 8:30, 14 giờ 30
    r"|(?P<time>(?<![\w.,])\d{1,2}(?:[hg:]|[ ]?giờ[ ]?)\d{2}(?!\d)(?:'|[ ]?phút(?!\w))?"
    r"|(?<![\w.,])\d{1,2}h(?!\w))"
    rf"|(?P<num>(?<![\w/])(?<!{_L}-)(?<!\d[.,]){_NUMTOK})",
    re.I | re.M)

_DIGIT = re.compile(r"\d+")
_GROUP_SPACE = re.compile(r"\d[ \u00a0\u202f\u2009]\d")


def _space_grouped(raw: str) -> bool:
    return bool(_GROUP_SPACE.search(raw))
_SCALE_WORDS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_SUFFIX = P("num_suffix")
_RANGE_TAIL = re.compile(rf"[ ]{{0,2}}[-–—~][ ]{{0,2}}(?P<hi>{_NUMTOK})(?![\w/])", re.I | re.M)
_TO_TAIL = re.compile(rf"[ ](?:đến|tới)[ ](?P<hi>{_NUMTOK})(?![\w/])", re.I | re.M)
_FRAC_TAIL = re.compile(r"/(?P<den>\d+(?:[.,]\d+)*)(?![\d/]|[ ]?/)")
# "9 152/9 870 hộ": a space-grouped numerator takes a space-grouped denominator
_FRAC_TAIL_SPG = re.compile(r"/(?P<den>" + _SPG + r")(?![\d/]|[ ]?/)")
_POST_NEAR = P("num_post_near")
_POST_FAR = P("num_post_far")
_PREFIX = P("num_prefix")
_PREFIX_WINDOW = 28
_BOUND_WORDS = {
    "tối đa không quá": "<=", "tối đa không vượt quá": "<=", "không vượt quá": "<=", "tối đa": "<=",
    "không quá": "<=", "tối thiểu": ">=", "ít nhất": ">=", "không dưới": ">=", "không ít hơn": ">=",
    "ít hơn": "<", "nhiều hơn": ">", "trên dưới": "~", "chưa đến": "<", "chưa tới": "<",
    "chưa đầy": "<", "ước tính": "~", "ước đạt": "~", "ước khoảng": "~", "ước": "~",
    "xấp xỉ": "~", "khoảng": "~", "gần": "~", "trên": ">", "hơn": ">", "dưới": "<", "từ": "từ",
}
_BOUND_SYMBOLS = {">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", ">": ">", "<": "<", "~": "~", "≈": "~"}
_NGAY_BEFORE = P("num_ngay_before")
_THANG_BEFORE = P("num_thang_before")
_DIGIT_BEFORE = re.compile(r"[\d%][ ]*\Z")


class _Part(NamedTuple):
    tok: _Tok
    end: int                 # end of the part, suffix included
    scale: float
    scale_word: Optional[str]
    percent: bool


def _scale_of(word: str) -> float:
    w = word.lower()
    if w.startswith("tr") and not w.startswith("triệu"):
        return 1e6
    if " " in w:
        return 1e12
    return _SCALE_WORDS[w]


def _suffix(text: str, pos: int, limit: int) -> tuple[int, float, Optional[str], bool]:
    """%, 'phần trăm' or a scale word right after a number token ending at pos."""
    m = _SUFFIX.match(text, pos, limit)
    if not m:
        return pos, 1.0, None, False
    if m.group("scale"):
        w = m.group("scale")
        return m.end(), _scale_of(w), w, False
    return m.end(), 1.0, None, True


def _part(text: str, start: int, end: int, limit: int) -> Optional[_Part]:
    a = _analyse(text[start:end])
    if a is None:
        return None
    e, sc, sw, pct = _suffix(text, end, limit)
    return _Part(a, e, sc, sw, pct)


def _dec_scaled(d: Decimal, scale: float) -> float:
    return float(d) if scale == 1.0 else float(d * Decimal(int(scale)))


def _as_int(d: Decimal) -> Optional[int]:
    return int(d) if d == d.to_integral_value() else None


def _build(text: str, m: re.Match, lo_limit: int, limit: int) -> tuple[Optional[Num], int]:
    """Assemble the expression around the number token of ``m``.

    Returns (Num or None, position where scanning resumes)."""
    start, end = m.span()
    first = _part(text, start, end, limit)
    if first is None:
        return None, end

    # what stands before: a bound word or symbol, or 'từ'
    bound = None
    bstart = start
    lo = max(lo_limit, start - _PREFIX_WINDOW)
    pm = _PREFIX.search(text, lo, start)
    if pm:
        if pm.group("s"):
            bound = _BOUND_SYMBOLS[pm.group("s")]
            bstart = pm.start()
        else:
            w = pm.group("w").lower()
            if not _DIGIT_BEFORE.search(text, max(0, pm.start() - 4), pm.start()):
                bound = _BOUND_WORDS[w]
                bstart = pm.start()
    tu = bound == "từ"
    if tu:
        bound = None

    # fraction: 03/19, 1.020/750
    if not first.percent and first.scale == 1.0 and first.end == end:
        fm = None
        if _space_grouped(text[start:end]):
            fm = _FRAC_TAIL_SPG.match(text, end, limit)
        fm = fm or _FRAC_TAIL.match(text, end, limit)
        if fm:
            den = _analyse(fm.group("den"))
            fend = fm.end()
            if den is None:
                return None, fend
            num_v, den_v = first.tok.readings[0], den.readings[0]
            ni, di = _as_int(num_v), _as_int(den_v)
            if _NGAY_BEFORE.search(text, max(0, start - 6), start):
                return None, fend                        # ngày 11/6
            if ni is not None and di is not None and 1 <= ni <= 12 and 1900 <= di <= 2100:
                return None, fend                        # 12/2022 (month/year)
            if ni is not None and di is not None and 1900 <= ni <= 2100 and di == ni + 1:
                # 2020/2021: a school or budget year -> a range
                return _range_num(text, bstart, fend, first, _Part(den, fend, 1.0, None, False),
                                  bound), fend
            if den_v == 0:
                return None, fend
            if tu:
                bstart = start
            return _mk(text, bstart, fend, kind="fraction", tok=first.tok, scale=1.0, scale_word=None,
                       percent=False, bound=bound, of_total=float(den_v)), fend

    # range: 650-700, 1,5-2, 10 - 14, 1-2%, từ 10 đến 14
    rm = _RANGE_TAIL.match(text, first.end, limit)
    if rm is None and tu:
        rm = _TO_TAIL.match(text, first.end, limit)
    if rm is not None:
        hs, he = rm.span("hi")
        chk = _MASTER.match(text, hs)
        if chk is not None and chk.lastgroup == "num" and chk.end() == he and text[he:he + 1] != "/":
            second = _part(text, hs, he, limit)
            if second is not None and _range_ok(text, start, first, second):
                return _range_num(text, bstart, second.end, first, second, bound), second.end
            if second is not None and _THANG_BEFORE.search(text, max(0, start - 7), start) \
                    and 1900 <= second.tok.readings[0] <= 2100 and first.tok.readings[0] <= 12:
                return None, second.end                  # tháng 6-2020

    # a single number, maybe with trở lên / trở xuống
    nend = first.end
    pm2 = _POST_NEAR.match(text, nend, limit)
    if pm2:
        post = ">=" if pm2.group("d").lower() == "lên" else "<="
        if bound is None or tu:
            bound = post
        nend = pm2.end()
    else:
        pf = _POST_FAR.match(text, nend, limit)
        if pf and (bound is None or tu):
            bound = ">=" if pf.group("d").lower() == "lên" else "<="
    if tu and bound is None:
        bstart = start                                # 'từ' alone is not part of the number
    kind = "percent" if first.percent else first.tok.kind
    return _mk(text, bstart, nend, kind=kind, tok=first.tok, scale=first.scale,
               scale_word=first.scale_word, percent=first.percent, bound=bound), nend


def _range_ok(text: str, start: int, a: _Part, b: _Part) -> bool:
    if a.percent and not b.percent:
        return False
    if a.scale != 1.0 and b.scale == 1.0:
        return False
    if b.scale != 1.0 and a.scale != 1.0 and a.scale > b.scale:
        return False
    sa = a.scale if a.scale != 1.0 else b.scale
    lo = a.tok.readings[0] * Decimal(int(sa))
    hi = b.tok.readings[0] * Decimal(int(b.scale))
    if lo > hi:
        return False
    if _THANG_BEFORE.search(text, max(0, start - 7), start) and 1900 <= b.tok.readings[0] <= 2100:
        return False
    return True


def _range_num(text: str, bstart: int, end: int, a: _Part, b: _Part, bound: Optional[str]) -> Num:
    sa = a.scale if a.scale != 1.0 else b.scale
    low = _dec_scaled(a.tok.readings[0], sa)
    high = _dec_scaled(b.tok.readings[0], b.scale)
    alts = tuple(_dec_scaled(r, b.scale) for r in b.tok.readings[1:]) if b.tok.ambiguous else ()
    return Num(value=high, start=bstart, end=end, raw=text[bstart:end], kind="range",
               base=float(b.tok.readings[0]), scale=b.scale, scale_word=b.scale_word,
               percent=b.percent, low=low, high=high, bound=bound,
               ambiguous=a.tok.ambiguous or b.tok.ambiguous, alternatives=alts,
               leading_zero=a.tok.leading_zero)


def _mk(text: str, start: int, end: int, *, kind: str, tok: _Tok, scale: float,
        scale_word: Optional[str], percent: bool, bound: Optional[str],
        of_total: Optional[float] = None) -> Num:
    d = tok.readings[0]
    alts = tuple(_dec_scaled(r, scale) for r in tok.readings[1:]) if tok.ambiguous else ()
    return Num(value=_dec_scaled(d, scale), start=start, end=end, raw=text[start:end], kind=kind,
               base=float(d), scale=scale, scale_word=scale_word, percent=percent,
               of_total=of_total, bound=bound, ambiguous=tok.ambiguous, alternatives=alts,
               leading_zero=tok.leading_zero)


def find_numbers(text: str, *, words: bool = False) -> list[Num]:
    """Every numeric expression in ``text``, left to right, non-overlapping.

    With ``words=True`` numbers written in words are returned too (kind
    ``"words"``), conservatively (see the module docstring)."""
    out: list[Num] = []
    pos = 0
    prev_end = 0
    n = len(text)
    find_digit = _DIGIT.search
    match = _MASTER.match
    while pos < n:
        d = find_digit(text, pos)
        if d is None:
            break
        m = match(text, d.start())
        if m is None:                     # a digit glued to a word (COVID-19, H5N1): skip the run
            pos = d.end()
            continue
        if m.lastgroup != "num":
            pos = max(m.end(), pos + 1)
            continue
        num, resume = _build(text, m, prev_end, n)
        if num is not None:
            out.append(num)
            prev_end = num.end
        pos = max(resume, m.start() + 1)
    if words:
        out = _merge_words(text, out)
    return out


# --------------------------------------------------------------------------
# Numbers in words
# --------------------------------------------------------------------------

_NUMBER_WORDS = A("number_word")
# "năm" alone is far more often "year" (hàng năm, năm học) than "five": never alone
_SINGLE_OK = word_set("single_number_word")
_COUNTED = A("counted_noun")
_WORD_RUN = re.compile(
    rf"(?<!\w)(?:{_NUMBER_WORDS})(?!\w)(?:[ ](?:{_NUMBER_WORDS})(?!\w))*", re.I)
# the same on lower-cased text, without the (slow) look-behind: a run that starts
# inside a word ("k|hai ba") loses its first token in _words_in
_WORD_RUN_LOWER = re.compile(rf"(?:{_NUMBER_WORDS})(?!\w)(?:[ ](?:{_NUMBER_WORDS})(?!\w))*")
_TY_NOT_SCALE = P("num_ty_not_scale")
_COUNTED_AFTER = re.compile(rf"[ ](?:{_COUNTED})(?!\w)", re.I)
# ordinals, dates, names of months: "thứ ba", "tháng Hai", "ngày mười", "số hai"; "x/năm"
_WORD_PREV_BLOCK = P("num_word_prev_block")
# before a run starting with "năm", these make it "year": "mỗi năm", "hàng năm", "cả năm"
_YEAR_PREV = P("num_year_prev")
# "là một huyện": an article, not a count
_ARTICLE_PREV = P("num_article_prev")
_WORD_SPLIT = re.compile(r"\S+")
# "có một tập thể và 22 cá nhân": joined to another count, "một" is one
_COORDINATED_AFTER = P("num_coordinated_after")
# nouns no year stands before: "năm cá nhân" can only be five people
_FIVE_BEFORE = P("num_five_before")


def _words_in(text: str, lower: Optional[str], lo: int, hi: int, prev_end: int) -> list[Num]:
    """Word numbers between lo and hi (a gap between digit numbers).  ``lower``
    is ``text.lower()`` when that keeps the length (the fast path)."""
    out: list[Num] = []
    src = lower if lower is not None else text
    runs = (_WORD_RUN_LOWER if lower is not None else _WORD_RUN).finditer(src, lo, hi)
    for rm in runs:
        spans = [(w.start() + rm.start(), w.end() + rm.start()) for w in _WORD_SPLIT.finditer(rm.group())]
        if rm.start() > 0 and (src[rm.start() - 1].isalnum() or src[rm.start() - 1] == "_"):
            spans = spans[1:]                   # the run started inside a word
        toks = [src[a:b].lower() for a, b in spans]
        # 'tỷ lệ', 'tỷ suất': the run stops before such a tỷ
        for k, (a, b) in enumerate(spans):
            if toks[k] in ("tỷ", "tỉ") and _TY_NOT_SCALE.match(text, b):
                spans, toks = spans[:k], toks[:k]
                break
        i = 0
        while i < len(toks):
            found = None
            for j in range(len(toks), i, -1):
                v = parse_tokens(toks[i:j])
                if v is None:
                    continue
                s, e = spans[i][0], spans[j - 1][1]
                if j - i == 1:
                    ok = toks[i] in _SINGLE_OK and _COUNTED_AFTER.match(text, e)
                    # "hai tập thể ... và năm cá nhân": before a recipient noun "năm" is five
                    ok = ok or (toks[i] == "năm" and _FIVE_BEFORE.match(text, e))
                    if not ok:
                        continue
                if _WORD_PREV_BLOCK.search(text, max(lo, s - 8), s):
                    continue
                if toks[i] == "năm" and _YEAR_PREV.search(text, max(lo, s - 8), s):
                    continue
                if j - i == 1 and toks[i] == "một" and _ARTICLE_PREV.search(text, max(lo, s - 8), s) \
                        and not _COORDINATED_AFTER.match(text, e):
                    continue
                found = (j, v, s, e)
                break
            if found is None:
                i += 1
                continue
            j, v, s, e = found
            out.append(_word_num(text, toks[i:j], v, s, e, max(prev_end, lo), hi))
            prev_end = out[-1].end
            i = j
    # a number's suffix may run into the next run's words: keep them disjoint
    clean: list[Num] = []
    for x in out:
        if clean and x.start < clean[-1].end:
            continue
        clean.append(x)
    return clean


def _word_num(text: str, toks: list[str], v: int, s: int, e: int, lo_limit: int, limit: int) -> Num:
    base, scale, sw = float(v), 1.0, None
    last = CANON.get(toks[-1], toks[-1])
    if len(toks) > 1 and last in ("nghìn", "triệu", "tỷ"):
        sc = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}[last]
        left = parse_tokens(toks[:-1])
        if left is not None and left * sc == v:
            base, scale, sw = float(left), float(sc), text[e - len(toks[-1]):e]
    end = e
    pct = False
    sm = _SUFFIX.match(text, e, limit)
    if sm and (sm.group("pct") or sm.group("pctw")):
        pct, end = True, sm.end()
    bound, bstart = None, s
    pm = _PREFIX.search(text, max(lo_limit, s - _PREFIX_WINDOW), s)
    if pm:
        if pm.group("s"):
            bound, bstart = _BOUND_SYMBOLS[pm.group("s")], pm.start()
        elif pm.group("w").lower() != "từ":
            bound, bstart = _BOUND_WORDS[pm.group("w").lower()], pm.start()
    if bound is None:
        pn = _POST_NEAR.match(text, end, limit)
        if pn:
            bound = ">=" if pn.group("d").lower() == "lên" else "<="
            end = pn.end()
            if pm and not pm.group("s") and pm.group("w").lower() == "từ":
                bstart = pm.start()
    return Num(value=float(v), start=bstart, end=end, raw=text[bstart:end], kind="words", base=base,
               scale=scale, scale_word=sw, percent=pct, bound=bound)


def _merge_words(text: str, nums: list[Num]) -> list[Num]:
    out: list[Num] = []
    lower: Optional[str] = text.lower()
    if len(lower) != len(text):
        lower = None
    lo = 0
    for n in nums:
        if n.start > lo:
            out.extend(_words_in(text, lower, lo, n.start, lo))
        out.append(n)
        lo = n.end
    if lo < len(text):
        out.extend(_words_in(text, lower, lo, len(text), lo))
    return out


# --------------------------------------------------------------------------
# Choosing a reading
# --------------------------------------------------------------------------

def _plain(v: float) -> str:
    if v == int(v) and abs(v) < 1e18:
        return str(int(v))
    return format(Decimal(repr(v)).normalize(), "f")


def _log(v: float) -> float:
    return math.log10(abs(v)) if v and math.isfinite(v) else -math.inf


def choose(num: Num, *, expected: Optional[float] = None,
           neighbours: Sequence[float] = ()) -> tuple[float, float, Optional[str]]:
    """Pick among ``(num.value, *num.alternatives)``.

    The reading closest in log10 magnitude to ``expected`` (e.g. target x stated
    percent), else to the median of ``neighbours`` (the column's other values).
    Returns ``(value, confidence in (0, 1], note)``; the note (English) says what
    was chosen and why, and is None when there was nothing to choose.
    Confidence grows with how much closer the chosen reading is than the next
    one and shrinks when even the chosen one is far from the reference; at most
    0.95 with ``expected``, 0.9 with neighbours, 0.5 with no context."""
    cands = (num.value,) + tuple(num.alternatives)
    if len(cands) == 1:
        return num.value, 1.0, None
    ref: Optional[float] = None
    src = ""
    cap = 0.95
    if expected is not None and math.isfinite(expected) and expected != 0:
        ref, src = abs(expected), f"the expected value {_plain(abs(expected))}"
    else:
        vals = sorted(abs(v) for v in neighbours if v and math.isfinite(v))
        if vals:
            k = len(vals)
            ref = vals[k // 2] if k % 2 else (vals[k // 2 - 1] + vals[k // 2]) / 2
            src = f"the neighbouring values (median {_plain(ref)})"
            cap = 0.9
    others = ", ".join(_plain(c) for c in cands[1:])
    if ref is None:
        return num.value, 0.5, (f"'{num.raw}' could be {_plain(num.value)} or {others}; no context to decide, "
                                f"kept the default (decimal) reading {_plain(num.value)}")
    lr = math.log10(ref)
    dists = [abs(_log(c) - lr) for c in cands]
    order = sorted(range(len(cands)), key=lambda i: (dists[i], i))
    b, s2 = order[0], order[1]
    gap = dists[s2] - dists[b]
    conf = 0.5 + 0.45 * math.tanh(gap) / (1.0 + dists[b])
    conf = round(max(0.05, min(cap, conf)), 3)
    chosen = cands[b]
    rest = ", ".join(_plain(cands[i]) for i in order[1:])
    how = "the decimal reading" if b == 0 else "the thousands reading"
    note = (f"read '{num.raw}' as {_plain(chosen)} ({how}) rather than {rest}: "
            f"closest in magnitude to {src}")
    return chosen, conf, note


# --------------------------------------------------------------------------
# Formatting (tests, messages)
# --------------------------------------------------------------------------

def format_vn(value: float, decimals: Optional[int] = None, *, thousands: str = ".",
              decimal: str = ",") -> str:
    """``1015`` -> ``1.015``, ``4235.04`` -> ``4.235,04``; ``decimals`` fixes the
    number of decimal places (None: as many as the value needs, none for integers)."""
    if isinstance(value, Decimal):
        s = format(value, "f") if decimals is None else format(value, f".{decimals}f")
        if decimals is None and "." in s:
            s = s.rstrip("0").rstrip(".")
    elif isinstance(value, int) and decimals is None:
        s = str(value)
    elif decimals is None:
        s = format(Decimal(repr(float(value))), "f")
        if "." in s:
            s = s.rstrip("0").rstrip(".")
    else:
        s = format(Decimal(repr(float(value))), f".{decimals}f") if not isinstance(value, int) \
            else format(Decimal(value), f".{decimals}f")
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    ip, _, fp = s.partition(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = thousands.join(groups)
    if fp:
        out += decimal + fp
    return ("-" if neg and out.strip("0.,") else "") + out
