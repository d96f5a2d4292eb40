"""Which place or body a figure is about, as a key the checks can compare.

``subject`` NULL means the reporting unit itself: the district for a district's
report, the cluster for a cluster's report (``Cụm thi đua số 2`` of Hà Trung),
the commune for a commune's report.  Names written differently (``huyện Trùng
Khánh``, ``Trùng Khánh``, ``H. Trùng Khánh``) give one key: the gazetteer's
:func:`rules.gazetteer.name_key` when it is importable, else the same folding
done here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from .base import DocRow
from rules.lexicon import P

_PREFIX = P("chk_units_prefix")
_CLUSTER = P("chk_units_cluster")


@lru_cache(maxsize=65536)
def place_key(name: Optional[str]) -> str:
    if not name:
        return ""
    try:
        from rules.gazetteer import name_key
        return name_key(name)
    except Exception:  # pragma: no cover - the gazetteer is optional here
        pass
    s = unicodedata.normalize("NFC", name).strip()
    m = _PREFIX.match(s.lower())
    if m and m.end() < len(s):
        s = s[m.end():]
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", "", s)


def fold(s: Optional[str]) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", s).strip()


_GOVERNMENT = re.compile(r"^(?:tm\.?\s*)?(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|huyen uy|thanh uy|thi uy|"
                         r"tinh uy|dang uy|ban thuong vu|hoi dong thi dua|hd ?td-?kt|hdtdkt|phong noi vu|"
                         r"ban thi dua|so noi vu)\b")


def doc_unit(d: DocRow) -> tuple[str, str]:
    """(level, key) of the unit a document reports on: a cluster, a commune, a
    district or province (its government, council, emulation board, home-affairs
    office), else the issuing body itself (a department, a school: its figures
    are its own, not the district's)."""
    issuer = d.issuer or ""
    if _CLUSTER.search(issuer):
        return "cluster", f"{place_key(issuer)}@{place_key(d.district)}"
    fi = fold(issuer)
    m = re.search(r"\b(?:ubnd|uy ban nhan dan|dang uy|hdnd|hoi dong nhan dan)\s+(xa|phuong|thi tran)\s+(.+)$", fi)
    if m:
        return "commune", place_key(m.group(2))
    if fi and not _GOVERNMENT.search(fi):
        return "unit", re.sub(r"[^0-9a-z]+", "", fi)
    if re.search(r"\btinh\b", fi) and not re.search(r"\b(huyen|quan|thi xa|thanh pho)\b", fi):
        return "province", place_key(d.province) or re.sub(r"[^0-9a-z]+", "", fi)
    if d.district:
        return "district", place_key(d.district)
    if d.province:
        return "province", place_key(d.province)
    return "issuer", re.sub(r"[^0-9a-z]+", "", fi) or d.doc_id[:12]


_LEVEL_RANK = {"village": 0, "commune": 1, "district": 2, "province": 3}


def fact_unit(d: DocRow, subject: Optional[str], level: Optional[str] = None) -> tuple[str, str]:
    """(province key, unit key) of a fact: its subject, or the document's own unit.
    A subject named like the reporting unit but of a lower level (phường Long Biên
    in quận Long Biên's report, ``level`` from the rules) is its own unit."""
    prov = place_key(d.province)
    if subject:
        k = place_key(subject)
        own_level, own_key = doc_unit(d)
        if own_level != "cluster" and k == own_key:
            if level in _LEVEL_RANK and own_level in _LEVEL_RANK and _LEVEL_RANK[level] < _LEVEL_RANK[own_level]:
                return prov, f"{k}#{level}"
            return prov, own_key
        return prov, k
    return prov, doc_unit(d)[1]
