"""Property tests for the number reader: format -> parse round trips over every
written form, and span invariants on arbitrary text."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from rules.numbers import (choose, find_numbers, format_vn, parse_number, parse_words, readings,
                           to_words)

settings.register_profile("numbers", max_examples=300, deadline=None)
settings.load_profile("numbers")

ints = st.integers(min_value=0, max_value=10**12)
small_pos = st.integers(min_value=1, max_value=10**6)


def only(text: str, **kw):
    found = find_numbers(text, **kw)
    assert len(found) == 1, (text, [n.raw for n in found])
    n = found[0]
    assert text[n.start:n.end] == n.raw
    return n


@st.composite
def decimals(draw, max_int=10**7):
    """(written form, exact value) of a decimal with a comma and 1-3 places."""
    places = draw(st.integers(min_value=1, max_value=3))
    i = draw(st.integers(min_value=0, max_value=max_int))
    f = draw(st.integers(min_value=0, max_value=10**places - 1))
    value = Decimal(i) + Decimal(f) / (10**places)
    return format_vn(value, places), value


# -- integers ---------------------------------------------------------------------------

@given(ints)
@example(0)
@example(1015)
@example(10**12)
def test_dot_thousands_round_trip(n):
    s = format_vn(n)
    assert parse_number(s) == n
    x = only(f"tổng số {s} hộ")
    assert (x.value, x.raw, x.kind, x.ambiguous, x.alternatives) == (n, s, "int", False, ())


@given(ints)
def test_space_thousands_round_trip(n):
    s = format_vn(n, thousands=" ")
    assert parse_number(s) == n
    for text in (f"| {s} |", f"có {s} hộ", s, f"({s} con)"):
        x = only(text)
        assert x.value == n and x.raw == s


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=3))
def test_leading_zeros(n, zeros):
    s = "0" * zeros + str(n)
    x = only(f"có {s} tập thể")
    assert x.value == n and x.leading_zero and x.raw == s


# -- decimals and percents -------------------------------------------------------------------

@given(decimals())
def test_decimal_comma_round_trip(d):
    s, value = d
    assert parse_number(s) == float(value)
    x = only(f"đạt {s} tấn")
    assert x.value == float(value) and x.raw == s and x.kind == "decimal"


@given(decimals(max_int=10**4), st.sampled_from(["%", " %", " phần trăm"]))
def test_percent_round_trip(d, sign):
    s, value = d
    x = only(f"chiếm {s}{sign} tổng số")
    assert x.value == float(value) and x.percent and x.kind == "percent"
    assert x.raw == s + sign


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99),
       st.integers(min_value=1, max_value=2))
def test_dot_with_short_fraction_is_ambiguous(i, f, places):
    assume(f < 10**places)
    frac = str(f).zfill(places)
    s = f"{i}.{frac}"
    dec = float(Decimal(s))
    thousands = float(i * 1000 + int(frac.ljust(3, "0")))
    assert readings(s) == (dec, thousands)
    x = only(f"đạt {s} tấn")
    assert x.ambiguous and x.value == dec and x.alternatives == (thousands,)
    # the neighbours decide
    assert choose(x, neighbours=[thousands * 1.01])[0] == thousands
    assert choose(x, expected=dec)[0] == dec


# -- scale words -------------------------------------------------------------------------------

SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


@given(st.one_of(decimals(max_int=999), st.integers(min_value=0, max_value=999).map(
    lambda n: (format_vn(n), Decimal(n)))), st.sampled_from(sorted(SCALES)))
def test_scale_words(d, word):
    s, base = d
    x = only(f"trị giá {s} {word} đồng")
    assert x.raw == f"{s} {word}" and x.scale_word == word
    assert x.scale == SCALES[word] and x.base == float(base)
    assert x.value == float(base * SCALES[word])
    assert x.value == pytest.approx(x.base * x.scale, rel=1e-12)


# -- fractions ----------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**5), st.integers(min_value=1, max_value=10**5),
       st.booleans(), st.booleans())
def test_fractions(a, b, pad_a, thousands):
    assume(not (1 <= a <= 12 and 1900 <= b <= 2100))        # month/year
    assume(not (1900 <= a <= 2100 and b == a + 1))          # school year
    sa = format_vn(a) if thousands else str(a)
    sa = ("0" + sa) if pad_a and a < 10 else sa
    sb = str(b)
    x = only(f"có {sa}/{sb} xã đạt chuẩn")
    assert (x.kind, x.value, x.of_total, x.raw) == ("fraction", a, b, f"{sa}/{sb}")


# -- ranges -------------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6),
       st.sampled_from(["-", " - ", "- ", "–", " – "]), st.booleans())
def test_int_ranges(a, b, sep, pct):
    lo, hi = min(a, b), max(a, b)
    s = f"{format_vn(lo)}{sep}{format_vn(hi)}" + ("%" if pct else "")
    x = only(f"đạt {s} tiêu chí")
    assert (x.kind, x.low, x.high, x.value, x.percent, x.raw) == ("range", lo, hi, hi, pct, s)


@given(decimals(max_int=100), decimals(max_int=100))
def test_decimal_ranges(a, b):
    (sa, va), (sb, vb) = sorted([a, b], key=lambda t: t[1])
    x = only(f"giảm {sa}-{sb} mỗi năm")
    assert x.kind == "range" and x.low == float(va) and x.high == float(vb)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from(sorted(SCALES)))
def test_scaled_ranges(a, b, word):
    lo, hi = min(a, b), max(a, b)
    x = only(f"từ {lo}-{hi} {word} đồng")
    assert x.raw == f"từ {lo}-{hi} {word}"
    assert (x.low, x.high) == (lo * SCALES[word], hi * SCALES[word])


# -- bounds ---------------------------------------------------------------------------------------

BOUNDS = {">": ">", "> ": ">", ">=": ">=", "≥": ">=", "<": "<", "≤ ": "<=", "~": "~",
          "trên ": ">", "Trên ": ">", "hơn ": ">", "dưới ": "<", "tối đa ": "<=", "không quá ": "<=",
          "tối đa không quá ": "<=", "khoảng ": "~", "gần ": "~", "ước ": "~", "ít nhất ": ">="}


@given(st.sampled_from(sorted(BOUNDS)), ints, st.booleans())
def test_bounds(prefix, n, pct):
    s = prefix + format_vn(n) + ("%" if pct else "")
    x = only(f"đạt {s} kế hoạch")
    assert (x.bound, x.value, x.raw, x.percent) == (BOUNDS[prefix], n, s, pct)


@given(ints, st.booleans())
def test_tro_len(n, tu):
    s = ("từ " if tu else "") + format_vn(n) + "% trở lên"
    x = only(f"đạt {s} kế hoạch")
    assert (x.bound, x.value, x.raw) == (">=", n, s)


# -- words -----------------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**12 - 1))
@example(0)
@example(5)
@example(15)
@example(1005)
@example(1_000_005)
@example(999_999_999)
def test_words_round_trip(n):
    assert parse_words(to_words(n)) == n


@given(st.integers(min_value=1, max_value=999_999_999))
def test_words_found_in_text(n):
    assume(n != 5)                     # "năm" alone is read as "year"
    w = to_words(n)
    x = only(f"tặng Bằng khen cho {w} tập thể", words=True)
    assert (x.value, x.kind, x.raw) == (n, "words", w)


# -- invariants on arbitrary text --------------------------------------------------------------------

VOCAB = ["ngày", "tháng", "năm", "số", "xã", "hộ", "tập thể", "cá nhân", "trên", "hơn", "dưới", "từ",
         "trở lên", "khoảng", "gần", "tối đa", "không quá", "nghìn", "triệu", "tỷ", "tỷ lệ", "phần trăm",
         "một", "hai", "mươi", "mốt", "trăm", "linh", "lăm", "mười", "không", "ba", "Covid", "KH-UBND",
         "NĐ-CP", "CT/TW", "QH", "|", "(", ")", "%", "-", "–", "/", ".", ",", ";", ":", ">", "<", "≥", "~",
         "\n", "h", "giờ", "ha", "tấn", "đến", "Trên", "HAI", "TỶ"]
atoms = st.one_of(
    st.sampled_from(VOCAB),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=0, max_value=10**9).map(format_vn),
    st.from_regex(r"\A[0-9]{1,4}[.,/ -][0-9]{1,4}([.,/ -][0-9]{1,4})?\Z"),
)
seps = st.sampled_from(["", " ", " ", "  ", "\n"])
texts = st.lists(st.tuples(atoms, seps), max_size=30).map(lambda xs: "".join(a + s for a, s in xs))
raw_texts = st.text(alphabet=st.sampled_from(list("0123456789.,/-–%()| \nahtrênmộưđỷ><~")), max_size=80)


def check_spans(text: str, found) -> None:
    last = 0
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert n.start >= last, "overlapping or out of order"
        assert text[n.start:n.end] == n.raw
        assert n.value == n.value                       # not NaN
        if n.kind == "range":
            assert n.low is not None and n.high is not None and n.low <= n.high == n.value
        if n.kind == "fraction":
            assert n.of_total
        assert n.value == pytest.approx(n.base * n.scale, rel=1e-9)
        last = n.end


@given(st.one_of(texts, raw_texts), st.booleans())
def test_spans_are_ordered_disjoint_and_exact(text, words):
    check_spans(text, find_numbers(text, words=words))


@given(texts, st.booleans())
def test_match_form_gives_the_same_spans(text, words):
    lower = text.lower()
    assume(len(lower) == len(text))
    a = [(n.start, n.end, n.value, n.kind, n.bound) for n in find_numbers(text, words=words)]
    b = [(n.start, n.end, n.value, n.kind, n.bound) for n in find_numbers(lower, words=words)]
    assert a == b


@given(st.text(max_size=60))
def test_parse_number_never_raises(s):
    v = parse_number(s)
    assert v is None or v >= 0
    r = readings(s)
    assert (v is None) == (r == ())
