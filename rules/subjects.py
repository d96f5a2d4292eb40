"""The place a figure is about (``facts.subject``): ``xã Hà Vinh giảm còn (3,72%)``,
``Hà Vinh 4/7 thôn``, ``Phong Châu thực hiện đạt 08/19 tiêu chí``.

Names are read from the display text (capitalised words), with or without an
administrative prefix; the prefix gives the level.
"""
from __future__ import annotations

from typing import Optional

import regex
from pipeline.normalize import match_form

from .lexicon import M, P, word_set

_PREFIX_LEVEL = M("place_level")
_PLACE_END = P("subj_place_end")
_REGION_END = P("subj_region_end")
REGION = "region"       # a subject_level: one of the country's socio-economic regions
# words between a place and its figure that can be skipped
_FILLER = P("subj_filler")
_STOP = word_set("not_place_name")


PREFIX_LEVELS = _PREFIX_LEVEL


def last_place_before(text: str, lo: int, pos: int, level: Optional[str]) -> Optional[tuple[str, str]]:
    """The last 'xã X' / 'huyện Y' of the given level named in text[lo:pos]."""
    last = None
    for m in _PLACE_AFTER_PREFIX.finditer(text, lo, pos):
        lv = _PREFIX_LEVEL.get(m.group("prefix").lower(), "commune")
        if (level is None or lv == level) and opens_like_a_place(m.group("name")):
            last = (m.group("name"), lv)
    return last


def prefix_level(word: str) -> Optional[str]:
    """The level a unit prefix gives ('Tỉnh' → province), None if the word is no prefix."""
    return _PREFIX_LEVEL.get(word.lower())


def opens_like_a_place(name: str) -> bool:
    """False when the name's first word (or two) opens something else: 'Ban Chỉ đạo', 'Phong trào'."""
    words = name.split()
    return bool(words) and words[0] not in _STOP and " ".join(words[:2]) not in _STOP
_LOWER_PREFIX = P("subj_lower_prefix")


def subject_before(text: str, lo: int, pos: int) -> Optional[tuple[str, str]]:
    """(name, level) of the place named right before ``pos`` (skipping verbs such
    as ``thực hiện đạt`` or ``hộ nghèo giảm còn``) and after ``lo``; None if none."""
    seg = text[lo:pos]
    f = _FILLER.search(seg)
    if f:
        seg = seg[:f.start()]
    if (r := _REGION_END.search(match_form(seg))) is not None:
        return seg[r.start("name"):r.end("name")], REGION   # "Trung du và miền núi phía Bắc 21,92%"
    m = _PLACE_END.search(seg)
    if not m:
        return None
    name = m.group("name").strip()
    words = name.split()
    # "Xã Hà Vinh" with a capitalised prefix: the regex may have taken it into the name
    if words and _LOWER_PREFIX.match(words[0]) and len(words) > 1:
        prefix, name = words[0].lower(), " ".join(words[1:])
    else:
        prefix = (m.group("prefix") or "").lower() or None
    if not name or not opens_like_a_place(name) or name.isupper() and len(name) > 4:
        return None
    if prefix is None and len(name.split()) < 2:
        return None  # a single capitalised word without a prefix is too weak
    level = _PREFIX_LEVEL.get(prefix or "", "commune")
    if level == "province" and (inner := _unit_before_its_province(text, lo, lo + m.start())) is not None:
        return inner
    return name, level


def places_before(text: str, lo: int, pos: int) -> list[tuple[str, Optional[str]]]:
    """The places coordinated right before ``pos`` (after ``lo``), in order, each with the level its
    own or the list's unit word gives (None when no unit word is written): 'các xã Ea Toh, Phú Lộc,
    Phú Xuân đạt 19 tiêu chí' gives three communes, 'xã Mỹ Hiệp và xã Phú Bình đạt 19/19 tiêu chí'
    two; a single place gives a list of one, no place an empty list."""
    seg = text[lo:pos]
    f = _FILLER.search(seg)
    if f:
        seg = seg[:f.start()]
    return _list_names(_PLACE_LIST_END.search(seg))


def listed_places(text: str, lo: int, hi: int) -> list[tuple[str, Optional[str]]]:
    """The places of the last list opened by 'gồm' or ':' between ``lo`` and ``hi``, its ';' parts each a
    list of their own ('gồm: Đức Mạnh (Đắk Mil); Thuận Hạnh, Nam Bình (Đắk Song) và Đắk R’moan'), else []."""
    opening = None
    for opening in _LIST_OPENING.finditer(text, lo, hi):
        pass
    if opening is None:
        return []
    body = text[opening.end():hi].rstrip(" .\n")
    out: list[tuple[str, Optional[str]]] = []
    for part in body.split(";"):
        names = place_list(part.strip() + " ")
        if not names:
            return []
        out += names
    return out


def place_list(phrase: str) -> list[tuple[str, Optional[str]]]:
    """The places of a phrase that is nothing but a list of them ('Ea Tam, Ea Tân, Tam Giang'), else []."""
    m = _PLACE_LIST_END.search(phrase)
    return _list_names(m) if m is not None and not phrase[:m.start()].strip() else []


def _list_names(m: Optional["regex.Match"]) -> list[tuple[str, Optional[str]]]:
    if m is None:
        return []
    prefix = (m.group("prefix") or "").lower().removeprefix("các").strip()
    level = _PREFIX_LEVEL.get(prefix) if prefix else None
    out: list[tuple[str, Optional[str]]] = []
    for part in _PLACE_LIST_SEP.split(m.group("list")):
        name = regex.sub(r"\s*\([^()]*\)\s*$", "", part).strip()
        if not name or not opens_like_a_place(name):
            return []
        out.append((name, level))
    return out


_PLACE_LIST_END = P("subj_place_list_end")
_LIST_OPENING = P("subj_list_opening")
_PLACE_LIST_SEP = P("subj_place_list_sep")


_LEVEL_RANK = {"village": 0, "commune": 1, "district": 2, "province": 3}


def _unit_before_its_province(text: str, lo: int, end: int) -> Optional[tuple[str, str]]:
    """'huyện Bình Liêu, tỉnh Quảng Ninh giảm 9,32%': a unit named with its province after a comma
    is the figure's place; the province only locates it."""
    head = text[lo:end]
    stripped = head.rstrip()
    if not stripped.endswith(","):
        return None
    inner = subject_before(text, lo, lo + len(stripped) - 1)
    return inner if inner is not None and _LEVEL_RANK.get(inner[1], 3) < 3 else None


def bare_place_opening(text: str, lo: int, pos: int, province: Optional[str]) -> Optional[tuple[str, str]]:
    """(name, level) of a place named without its prefix where the figure's clause or list item opens
    ('Bắc Trà My có tổng số hộ nghèo nhiều nhất với 3.704 hộ', 'An Nhơn có tỷ lệ hộ nghèo thấp nhất
    2,51%', 'Trà Giác (Bắc Trà My) 64,08%'), when the gazetteer knows it (in the text's province for a
    district or a commune); None otherwise."""
    from . import gazetteer as gz
    start = lo
    for c in _LIST_CUT.finditer(text, lo, pos):
        start = c.end()
    m = _BARE_LABEL.match(text, start, pos)
    if m is None or not (m.group("prefix") or opens_like_a_place(m.group("name"))):
        return None     # "TP.Hội An": after its prefix a name may open with any word
    name = m.group("name")
    found = []
    if (p := gz.find_province(name)) is not None and p.name and gz.same_letters(p.name, name):
        # written bare, a province keeps its own tones: "Thạnh Hóa" (a district of Long An) is no Thanh Hóa
        found.append("province")
    if province:
        if gz.find_districts(name, province):
            found.append("district")
        if gz.find_communes(name, province=province):
            found.append("commune")
    if m.group("prefix") and "district" in found:
        return name, "district"         # "TP.Lai Châu": the city, not the province it is named after
    # a district and the commune it is seated in, a province and its city, share a name: the larger unit
    return (name, found[0]) if found else None


_BARE_LABEL = P("subj_bare_label")
_LIST_CUT = P("subj_list_cut")


def place_after_prefix(text: str, start: int, end: int, anchored: bool = False) -> Optional[tuple[str, str]]:
    """The first 'xã X' / 'huyện Y' mention inside text[start:end] (right at its start when anchored)."""
    m = (_PLACE_AFTER_PREFIX.match if anchored else _PLACE_AFTER_PREFIX.search)(text[start:end])
    if not m:
        return None
    name = m.group("name")
    if not opens_like_a_place(name):
        return None
    return name, _PREFIX_LEVEL.get(m.group("prefix").lower(), "commune")


_PLACE_AFTER_PREFIX = P("subj_place_after_prefix")
_BY_LENGTH = sorted(_PREFIX_LEVEL.items(), key=lambda kv: -len(kv[0]))


def split_prefix(phrase: str) -> tuple[Optional[str], str]:
    """('province', 'Sóc Trăng') for 'tỉnh Sóc Trăng', ('district', '') for a bare 'huyện';
    (None, phrase) when it opens with no unit prefix."""
    p = phrase.strip()
    low = p.lower()
    for word, level in _BY_LENGTH:
        if low == word or low.startswith(word + " "):
            return level, p[len(word):].strip()
    return None, p


def row_place_level(name: str, header: str = "") -> Optional[str]:
    """Level of the place a table row names: from its own prefix (``Xã Hà Vinh``),
    else from its column's header (``Phường`` over ``Bồ Đề``); None if neither says."""
    n = name.strip().lower()
    for word, level in _BY_LENGTH:
        if n.startswith(word + " "):
            return level
    h = header.strip().lower()
    for word, level in _BY_LENGTH:
        if regex.search(rf"(?<!\w){regex.escape(word)}(?!\w)", h):
            return level
    return None
