"""The place a figure is about (``facts.subject``): ``xã Hà Vinh giảm còn (3,72%)``,
``Hà Vinh 4/7 thôn``, ``Phong Châu thực hiện đạt 08/19 tiêu chí``.

Names are read from the display text (capitalised words), with or without an
administrative prefix; the prefix gives the level.
"""
from __future__ import annotations

from typing import Optional

import regex
from .lexicon import P

_PREFIX_LEVEL = {"xã": "commune", "phường": "commune", "thị trấn": "commune", "huyện": "district",
                 "thị xã": "district", "quận": "district", "thành phố": "district", "tỉnh": "province",
                 "thôn": "village", "xóm": "village", "bản": "village", "làng": "village", "tổ dân phố": "village",
                 "khu phố": "village"}
_NAME = r"\p{Lu}[\p{L}\p{M}]*(?:[ -]\p{Lu}[\p{L}\p{M}]*){0,3}"
_PLACE_END = regex.compile(
    rf"(?:(?P<prefix>(?i:xã|phường|thị trấn|huyện|thị xã|quận|thành phố|tỉnh|thôn|xóm|bản|làng|tổ dân phố|khu phố))\s+)?"
    rf"(?P<name>{_NAME})\s*$", regex.V1)
# words between a place and its figure that can be skipped
_FILLER = P("subj_filler")
_STOP = {"UBND", "Ủy", "Uỷ", "Ban", "Hội", "Đảng", "Chủ", "Phòng", "Sở", "Trường", "Trạm", "Nhân", "Cán",
         "Thực", "Điển", "Các", "Đến", "Tổng", "Toàn", "Hiện", "Trong", "Năm", "Kết", "Tỷ", "Số", "Có", "Xã", "Đạt",
         "Còn", "Riêng", "Cụ", "Theo", "Tiêu", "NTM", "HĐND", "MTTQ", "Chi", "Đoàn", "Với", "Ngoài", "Giảm", "Hộ"}
_LOWER_PREFIX = P("subj_lower_prefix")


def subject_before(text: str, lo: int, pos: int) -> Optional[tuple[str, str]]:
    """(name, level) of the place named right before ``pos`` (skipping verbs such
    as ``thực hiện đạt`` or ``hộ nghèo giảm còn``) and after ``lo``; None if none."""
    seg = text[lo:pos]
    f = _FILLER.search(seg)
    if f:
        seg = seg[:f.start()]
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
    first = name.split()[0] if name else ""
    if not name or first in _STOP or name.isupper() and len(name) > 4:
        return None
    if prefix is None and len(name.split()) < 2:
        return None  # a single capitalised word without a prefix is too weak
    level = _PREFIX_LEVEL.get(prefix or "", "commune")
    return name, level


def place_after_prefix(text: str, start: int, end: int) -> Optional[tuple[str, str]]:
    """The first 'xã X' / 'huyện Y' mention inside text[start:end]."""
    m = regex.search(rf"\b(?P<prefix>(?i:xã|phường|thị trấn|huyện|thị xã|quận))\s+(?P<name>{_NAME})",
                     text[start:end], regex.V1)
    if not m:
        return None
    name = m.group("name")
    if name.split()[0] in _STOP:
        return None
    return name, _PREFIX_LEVEL.get(m.group("prefix").lower(), "commune")


_HEADER_LEVEL = (("thị trấn", "commune"), ("phường", "commune"), ("xã", "commune"), ("thị xã", "district"),
                 ("quận", "district"), ("huyện", "district"), ("thành phố", "district"), ("tỉnh", "province"),
                 ("tổ dân phố", "village"), ("thôn", "village"), ("xóm", "village"), ("bản", "village"))


def row_place_level(name: str, header: str = "") -> Optional[str]:
    """Level of the place a table row names: from its own prefix (``Xã Hà Vinh``),
    else from its column's header (``Phường`` over ``Bồ Đề``); None if neither says."""
    n = name.strip().lower()
    for word, level in sorted(_PREFIX_LEVEL.items(), key=lambda kv: -len(kv[0])):
        if n.startswith(word + " "):
            return level
    h = header.strip().lower()
    for word, level in _HEADER_LEVEL:
        if regex.search(rf"(?<!\w){word}(?!\w)", h):
            return level
    return None
