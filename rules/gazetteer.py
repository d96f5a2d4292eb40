"""A gazetteer of Vietnam's administrative units.

The data come from the ``vietnamadminunits`` package (its SQLite ``dataset.db``
and ``converter_2025.json``), read directly so that nothing heavy is imported:

* the *legacy* units (63 provinces, their districts and communes), as they
  were until 30 June 2025 — table ``admin_units_legacy``; the package also
  lists former names of merged districts and communes (``huyện Thông Nông``
  is now part of ``huyện Hà Quảng``), which are indexed too;
* the units since 1 July 2025 (34 provinces, communes directly under them,
  no district level) — table ``admin_units``;
* the mapping from legacy provinces and communes to today's.

Everything is loaded once, lazily, on first use (:func:`gazetteer`), and
indexed by a *key*: the name folded (no diacritics, lower case, no spaces or
punctuation) with its administrative prefix removed (``Huyện Trùng Khánh``,
``H. Trùng Khánh``, ``TRÙNG KHÁNH`` and ``Trùng khánh`` all give
``trungkhanh``).  Lookups are dictionary reads.

Public functions: :func:`name_key`, :func:`find_province`,
:func:`find_districts`, :func:`find_communes`, :func:`province_2025`,
:func:`commune_2025`, :func:`find_places`.
"""
from __future__ import annotations

import bisect
import json
import re
import sqlite3
import threading
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from pipeline.normalize import match_form
from .lexicon import P

LEGACY = "legacy"      # the 63-province era (until 30 June 2025)
NEW = "2025"           # since 1 July 2025 (34 provinces, no districts)

PROVINCE = "province"
DISTRICT = "district"
COMMUNE = "commune"

_ALIASES_FILE = Path(__file__).with_name("data") / "gazetteer.toml"


# --- units -----------------------------------------------------------------
@dataclass(frozen=True)
class Province:
    name: str            # short name: "Cao Bằng"
    full_name: str       # "Tỉnh Cao Bằng"
    kind: str            # "tỉnh" | "thành phố"
    code: str
    era: str             # LEGACY | NEW
    key: str = field(repr=False, default="")       # package key: "tinhcaobang"


@dataclass(frozen=True)
class District:
    name: str            # "Trùng Khánh"
    full_name: str       # "Huyện Trùng Khánh"
    kind: str            # "huyện" | "thị xã" | "thành phố" | "quận"
    code: str
    province: str        # short name of its (legacy) province
    key: str = field(repr=False, default="")


@dataclass(frozen=True)
class Commune:
    name: str            # "Hà Vinh"
    full_name: str       # "Xã Hà Vinh"
    kind: str            # "xã" | "phường" | "thị trấn" | "đặc khu"
    code: str
    province: str        # short name of its province (of the same era)
    district: Optional[str]   # None for the 2025 units
    era: str
    key: str = field(repr=False, default="")       # legacy: "tinhx_huyeny_xaz"; 2025: "xaz"


Unit = Union[Province, District, Commune]


@dataclass(frozen=True)
class PlaceMention:
    """A place named with its prefix in a piece of text (``huyện Hà Trung``)."""

    level: str           # PROVINCE | DISTRICT | COMMUNE
    prefix: str          # as written: "huyện", "H.", "Thị xã", "" (bare province name)
    name: str            # as written, prefix removed: "Hà Trung"
    start: int           # offsets of the whole mention (prefix included) in the text
    end: int
    name_start: int
    units: tuple         # the candidate units (Province / District / Commune)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def provinces(self) -> set[str]:
        return {u.name if isinstance(u, Province) else u.province for u in self.units}


# --- keys ------------------------------------------------------------------
# Prefixes removed from a name before folding (matched on the lower-cased name,
# diacritics kept, so that ``Xá Lượng`` is not read as ``xã Lượng``).
_PREFIX_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "phường", "xã",
                 "đặc khu", "tp.", "tx.", "tt.", "tp", "tx", "h.", "q.", "p.")
_PREFIX_RE = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _PREFIX_WORDS) + r")(?:\s+|(?<=\.))")
_ASCII_PREFIX_RE = re.compile(r"^(?:thanh pho|thi xa|thi tran|tinh|huyen|quan|phuong|xa)\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Prefixes inside the package's space-less alias keys ("huyenthongnong").
_KEY_PREFIXES = ("thanhpho", "thixa", "thitran", "huyen", "quan", "phuong", "tinh", "tp", "tx", "xa")


@lru_cache(maxsize=65536)
def _fold_key(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub("", s)


def strip_prefix(name: str) -> str:
    """``Huyện Trùng Khánh`` -> ``Trùng Khánh``; ``TP. Cao Bằng`` -> ``Cao Bằng``."""
    s = unicodedata.normalize("NFC", name).strip()
    low = s.lower()
    m = _PREFIX_RE.match(low)
    if m is None and low.isascii():
        m = _ASCII_PREFIX_RE.match(low)
    if m and m.end() < len(s):
        return s[m.end():].strip()
    return s


@lru_cache(maxsize=65536)
def name_key(name: Optional[str]) -> str:
    """The index key of a place name: folded, prefix removed, no spaces
    (``Huyện Trùng khánh`` -> ``trungkhanh``; ``Thanh Hoá`` -> ``thanhhoa``)."""
    if not name:
        return ""
    key = _fold_key(strip_prefix(name))
    if key.isdigit():                      # "Quận 01" -> "1"
        key = str(int(key))
    return key


def _prefer_exact(written: str, units: list) -> list:
    """Of the units whose folded name matches, those spelled with the same
    diacritics as the written name (``Tân Thanh`` is not ``Tân Thành``) when
    there are any; all of them for a name written without diacritics."""
    if len(units) < 2 or written.isascii():
        return units
    want = _spelling(unicodedata.normalize("NFC", written))
    exact = [u for u in units if _spelling(u.name) == want]
    return exact or units


@lru_cache(maxsize=65536)
def _spelling(name: str) -> str:
    """A name with its diacritics, lower case, one tone placement."""
    return match_form(name)


def same_letters(a: str, b: str) -> bool:
    """Two names with the same letters and tones ('Thanh Hóa' and 'Thanh Hoá' are one; 'Thạnh Hóa' another)."""
    return _letters(a) == _letters(b)


def _letters(name: str) -> str:
    """A name's letters with their tones, lower case ('Bà Rịa - Vũng Tàu' → 'bàrịavũngtàu')."""
    return re.sub(r"[\W_]+", "", _spelling(name))


def _strip_key_prefix(alias: str) -> Optional[str]:
    for p in _KEY_PREFIXES:
        if alias.startswith(p) and len(alias) - len(p) >= 3:
            return alias[len(p):]
    return None


# --- loading ---------------------------------------------------------------
def _package_data() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _kind(full: str, short: str) -> str:
    if short and full.endswith(short):
        return full[: len(full) - len(short)].strip().lower()
    return full.split(" ", 1)[0].lower()


_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def _short(short: Optional[str]) -> Optional[str]:
    """The package's short name without its disambiguating ``(Huyện)``."""
    return _PAREN.sub("", short) if short and "(" in short else short


def _aliases(raw: Optional[str]) -> list[str]:
    if not raw:
        return []
    try:
        return [a for a in json.loads(raw) if isinstance(a, str)]
    except ValueError:
        return []


class Gazetteer:
    """The loaded indexes; get the shared instance with :func:`gazetteer`."""

    def __init__(self, data_dir: Optional[Path] = None):
        data_dir = data_dir or _package_data()
        self._data_dir = data_dir
        self.provinces: dict[str, list[Province]] = {}        # key -> provinces (both eras)
        self.districts: dict[str, list[District]] = {}        # key -> districts (legacy)
        self.communes: dict[str, list[Commune]] = {}          # key -> communes (legacy)
        self.communes_2025: dict[str, list[Commune]] = {}     # key -> communes (2025)
        self.province_by_key: dict[str, Province] = {}        # package key -> province
        self.commune_by_key: dict[str, Commune] = {}          # package full key -> legacy commune
        self._converter: Optional[dict] = None
        self.not_bare: set[str] = set()                       # keys never read as bare province names
        self.alias_spellings: set[str] = set()                # letters of the informal names (rules/data)
        self._lock = threading.Lock()
        con = sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True)
        try:
            self._load_legacy(con)
            self._load_2025(con)
        finally:
            con.close()
        self._load_extra_aliases()

    @staticmethod
    def _add(index: dict, key: str, unit) -> None:
        if not key:
            return
        lst = index.setdefault(key, [])
        if all(u is not unit for u in lst):
            lst.append(unit)

    def _load_legacy(self, con: sqlite3.Connection) -> None:
        rows = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, provinceAlias, "
            "district, districtShort, districtCode, districtKey, districtAlias, "
            "ward, wardShort, wardCode, wardKey, wardAlias, districtType, wardType "
            "FROM admin_units_legacy").fetchall()
        prov_seen: dict[str, Province] = {}
        dist_seen: dict[tuple[str, str], District] = {}
        for (p_full, p_short, p_code, p_key, p_alias, d_full, d_short, d_code, d_key, d_alias,
             w_full, w_short, w_code, w_key, w_alias, d_type, w_type) in rows:
            d_short, w_short = _short(d_short), _short(w_short)
            prov = prov_seen.get(p_key)
            if prov is None:
                prov = Province(p_short, p_full, _kind(p_full, p_short), p_code, LEGACY, p_key)
                prov_seen[p_key] = prov
                self.province_by_key[p_key] = prov
                self._add(self.provinces, name_key(p_short), prov)
                for a in _aliases(p_alias):
                    self._add(self.provinces, a, prov)
            dist = dist_seen.get((p_key, d_key))
            if dist is None:
                dist = District(d_short, d_full, (d_type or _kind(d_full, d_short)).lower(), d_code, p_short, d_key)
                dist_seen[(p_key, d_key)] = dist
                self._add(self.districts, name_key(d_short), dist)
                for a in _aliases(d_alias):
                    self._add(self.districts, a, dist)
                    self._add(self.districts, _strip_key_prefix(a) or "", dist)
            if not w_full:
                continue
            com = Commune(w_short, w_full, (w_type or _kind(w_full, w_short)).lower(), w_code, p_short, d_short,
                          LEGACY, f"{p_key}_{d_key}_{w_key}")
            self.commune_by_key[com.key] = com
            self._add(self.communes, name_key(w_short), com)
            for a in _aliases(w_alias):
                self._add(self.communes, a, com)
                self._add(self.communes, _strip_key_prefix(a) or "", com)

    def _load_2025(self, con: sqlite3.Connection) -> None:
        rows = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, provinceAlias, "
            "ward, wardShort, wardCode, wardKey, wardType FROM admin_units").fetchall()
        prov_seen: dict[str, Province] = {}
        for p_full, p_short, p_code, p_key, p_alias, w_full, w_short, w_code, w_key, w_type in rows:
            w_short = _short(w_short)
            prov = prov_seen.get(p_key)
            if prov is None:
                prov = Province(p_short, p_full, _kind(p_full, p_short), p_code, NEW, p_key)
                prov_seen[p_key] = prov
                self._add(self.provinces, name_key(p_short), prov)
                for a in _aliases(p_alias):
                    self._add(self.provinces, a, prov)
            if w_full:
                com = Commune(w_short, w_full, (w_type or _kind(w_full, w_short)).lower(), w_code, p_short, None,
                              NEW, f"{p_key}_{w_key}")
                self._add(self.communes_2025, name_key(w_short), com)
        self.provinces_2025 = {p.key: p for p in prov_seen.values()}

    def _load_extra_aliases(self) -> None:
        """Older or informal names not in the package (``Thừa Thiên Huế``)."""
        if not _ALIASES_FILE.exists():
            return
        data = tomllib.loads(_ALIASES_FILE.read_text(encoding="utf-8"))
        for alias, target in data.get("province_aliases", {}).items():
            for p in self.provinces.get(name_key(target), []):
                if p.era == LEGACY:
                    self._add(self.provinces, name_key(alias), p)
                    self.alias_spellings.add(_letters(alias))
        self.not_bare = {name_key(n) for n in data.get("bare", {}).get("excluded", [])}

    # -- the 2025 converter ----------------------------------------------------
    def converter(self) -> dict:
        if self._converter is None:
            with self._lock:
                if self._converter is None:
                    raw = json.loads((self._data_dir / "converter_2025.json").read_text(encoding="utf-8"))
                    new_of_prov = {old: new for new, olds in raw["DICT_PROVINCE"].items() for old in olds}
                    new_of_ward: dict[str, str] = {}
                    for new_p, wards in raw["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
                        for new_w, olds in wards.items():
                            for old in olds:
                                new_of_ward.setdefault(old, f"{new_p}_{new_w}")
                    for new_p, olds in raw["DICT_PROVINCE_WARD_DIVIDED"].items():
                        for old, news in olds.items():
                            default = next((n for n in news if n.get("isDefaultNewWard")), news[0] if news else None)
                            if default and old not in new_of_ward:
                                new_of_ward[old] = f"{new_p}_{default['newWardKey']}"
                    self._converter = {"province": new_of_prov, "ward": new_of_ward}
        return self._converter


_INSTANCE: Optional[Gazetteer] = None
_INSTANCE_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared, lazily loaded gazetteer."""
    global _INSTANCE
    if _INSTANCE is None:
        with _INSTANCE_LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE


# --- lookups ---------------------------------------------------------------
def _province_keys(province: Optional[str]) -> set[str]:
    """Short names of the legacy provinces a name can mean: the province itself,
    or every legacy province merged into it when it is a 2025 province."""
    if not province:
        return set()
    g = gazetteer()
    out: set[str] = set()
    for p in g.provinces.get(name_key(province), []):
        if p.era == LEGACY:
            out.add(p.name)
        else:
            olds = [old for old, new in g.converter()["province"].items() if new == p.key]
            out.update(g.province_by_key[o].name for o in olds if o in g.province_by_key)
    return out


def find_province(name: Optional[str], era: Optional[str] = None) -> Optional[Province]:
    """The province a name means (``Tỉnh Thanh Hoá``, ``TP. Hồ Chí Minh``,
    ``Thừa Thiên Huế``); the legacy unit first unless ``era`` says otherwise."""
    cands = gazetteer().provinces.get(name_key(name), [])
    if era:
        cands = [p for p in cands if p.era == era]
    if not cands:
        return None
    return next((p for p in cands if p.era == LEGACY), cands[0])


def find_districts(name: Optional[str], province: Optional[str] = None,
                   kind: Optional[str] = None) -> list[District]:
    """Legacy districts called ``name`` (prefix allowed: ``huyện Hà Trung``),
    in the given province when one is given (a legacy or a 2025 province).
    ``kind`` (``huyện``, ``thị xã``, ...) puts units of that kind first."""
    cands = _prefer_exact(strip_prefix(name or ""), list(gazetteer().districts.get(name_key(name), [])))
    if province:
        provs = _province_keys(province)
        cands = [d for d in cands if d.province in provs]
    if kind is None and name:
        low = strip_prefix(name)
        if low != name.strip():
            kind = name.strip()[: len(name.strip()) - len(low)].strip().lower()
    if kind:
        kind = _KIND_ABBREV.get(kind.lower(), kind.lower())
        cands.sort(key=lambda d: d.kind != kind)
    return cands


_KIND_ABBREV = {"h.": "huyện", "tp.": "thành phố", "tp": "thành phố", "tx.": "thị xã", "tx": "thị xã",
                "q.": "quận", "tt.": "thị trấn", "tt": "thị trấn", "p.": "phường"}


def find_communes(name: Optional[str], district: Optional[str] = None, province: Optional[str] = None,
                  era: Optional[str] = LEGACY) -> list[Commune]:
    """Communes (xã, phường, thị trấn) called ``name``, within the district and/or
    province when given.  ``era``: LEGACY (default), NEW, or None for both."""
    g = gazetteer()
    key = name_key(name)
    cands: list[Commune] = []
    if era in (LEGACY, None):
        cands += g.communes.get(key, [])
    if era in (NEW, None):
        cands += g.communes_2025.get(key, [])
    cands = _prefer_exact(strip_prefix(name or ""), cands)
    if district:
        dk = name_key(district)
        cands = [c for c in cands if c.district is not None and name_key(c.district) == dk]
    if province:
        provs = _province_keys(province)
        new = {p.name for p in g.provinces.get(name_key(province), []) if p.era == NEW}
        cands = [c for c in cands if (c.province in provs if c.era == LEGACY else c.province in new)]
    return cands


def province_2025(province: Optional[str], district: Optional[str] = None,
                  commune: Optional[str] = None) -> Optional[str]:
    """Today's province (since 1 July 2025) of a legacy place.

    ``province`` may be None when the district (or the commune) identifies it;
    a province that is already one of the 34 keeps its name.  Whole provinces
    were merged in 2025, so the province decides; the district and commune only
    help find it.  None when the place is unknown or ambiguous.
    """
    g = gazetteer()
    legacy: set[str] = set()
    if province:
        p = find_province(province)
        if p is None:
            return None
        if p.era == NEW:
            return p.name
        legacy = {p.key}
    else:
        cands: list[Unit] = []
        if district:
            cands = list(find_districts(district))
            if commune:
                with_c = [d for d in cands if find_communes(commune, district=d.name, province=d.province)]
                cands = with_c or cands
        elif commune:
            cands = list(find_communes(commune))
        keys = {u.province for u in cands}
        if len(keys) != 1:
            return None
        legacy = {p.key for p in g.provinces.get(name_key(keys.pop()), []) if p.era == LEGACY}
    news = {g.converter()["province"].get(k) for k in legacy}
    news.discard(None)
    if len(news) != 1:
        return None
    return g.provinces_2025[news.pop()].name


def commune_2025(province: Optional[str], district: Optional[str], commune: str) -> Optional[Commune]:
    """Today's commune of a legacy commune (a commune divided in 2025 gives the
    package's default successor); None when unknown or ambiguous."""
    g = gazetteer()
    cands = find_communes(commune, district=district, province=province)
    news = {g.converter()["ward"].get(c.key) for c in cands}
    news.discard(None)
    if len(news) != 1:
        return None
    p_key, w_key = news.pop().split("_", 1)
    for c in g.communes_2025.get(name_key_from_package(w_key), []):
        if c.key == f"{p_key}_{w_key}":
            return c
    return None


def name_key_from_package(ward_key: str) -> str:
    """``xahavinh`` -> ``havinh`` (a package ward key without its type)."""
    return _strip_key_prefix(ward_key) or ward_key


# --- finding places in text -------------------------------------------------
_PREFIX_LEVEL = {
    "tỉnh": (PROVINCE,), "thành phố": (PROVINCE, DISTRICT), "tp.": (PROVINCE, DISTRICT), "tp": (PROVINCE, DISTRICT),
    "huyện": (DISTRICT,), "h.": (DISTRICT,), "quận": (DISTRICT,), "q.": (DISTRICT,),
    "thị xã": (DISTRICT,), "tx.": (DISTRICT,), "tx": (DISTRICT,),
    "xã": (COMMUNE,), "phường": (COMMUNE,), "p.": (COMMUNE,), "thị trấn": (COMMUNE,), "tt.": (COMMUNE,),
    "đặc khu": (COMMUNE,),
}
_MENTION_PREFIX = P("gaz_mention_prefix")
_NAME_TOKEN = re.compile(r"[ \t]*(?:-[ \t]*)?([^\W_]+(?:['’][^\W_]+)?)")
_MAX_TOKENS = 5
# words that follow a prefix without naming a place (xã hội, huyện ủy, tỉnh đoàn ...)
_NOT_NAMES = {"hoi", "uy", "doan", "doi", "bo", "ban", "nha", "va", "cac", "minh", "nay", "do", "ta"}


def _level_units(level: str, key: str) -> list:
    g = gazetteer()
    if level == PROVINCE:
        return g.provinces.get(key, [])
    if level == DISTRICT:
        return g.districts.get(key, [])
    return g.communes.get(key, []) + g.communes_2025.get(key, [])


def _capitalised(tok: str) -> bool:
    return tok[0].isupper() or tok[0].isdigit()


def find_places(text: str, bare_provinces: bool = False) -> list[PlaceMention]:
    """Mentions of provinces, districts and communes written with their prefix
    (``huyện Hà Trung``, ``H. Hà Quảng``, ``TP. Cao Bằng``, ``XÃ HÀ VINH``), in
    text order, each with its candidate units.  The name must start with a
    capital (or a digit: ``Phường 1``); the longest name (up to five syllables)
    known to the gazetteer at that level wins.  With ``bare_provinces`` also
    province names written without prefix (``Sở Nội vụ Cao Bằng``)."""
    out: list[PlaceMention] = []
    taken_until = -1
    for m in _MENTION_PREFIX.finditer(text):
        if m.start() < taken_until:
            continue
        first = _NAME_TOKEN.match(text, m.end())
        if not first or not _capitalised(first.group(1)) or _fold_key(first.group(1)) in _NOT_NAMES:
            continue                       # "xã hội", "huyện ủy", "HUYỆN ỦY"
        prefix = m.group(1)
        levels = _PREFIX_LEVEL.get(re.sub(r"\s+", " ", prefix.lower()), ())
        toks, t = [], first
        while t and len(toks) < _MAX_TOKENS:
            toks.append((t.group(1), t.start(1), t.end(1)))
            t = _NAME_TOKEN.match(text, t.end())
        mention = _longest(text, toks, levels, prefix, m.start())
        if mention:
            out.append(mention)
            taken_until = mention.end
    if bare_provinces:
        out = _add_bare_provinces(text, out)
    return out


def _longest(text: str, toks: list, levels: Iterable[str], prefix: str, start: int) -> Optional[PlaceMention]:
    """The longest run of name syllables known at one of the levels (later
    syllables may be lower case, a writer's slip: ``huyện Trùng khánh``)."""
    for n in range(len(toks), 0, -1):
        span = toks[:n]
        key = "".join(_fold_key(t[0]) for t in span)
        if key.isdigit():
            key = str(int(key))
        for level in levels:
            units = _level_units(level, key)
            if level == PROVINCE and len(levels) > 1:
                # "thành phố X" is the province only for the centrally-run cities
                units = [u for u in units if u.kind == "thành phố"]
            if units:
                name = text[span[0][1]:span[-1][2]]
                units = _prefer_exact(name, units)
                return PlaceMention(level, prefix, name, start, span[-1][2], span[0][1], tuple(units))
    return None


_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_CAP_RUN = re.compile(rf"(?<![^\W_])[{_UPPER}][^\W_]*(?:(?:[ \t]+-?[ \t]*|-)[{_UPPER}][^\W_]*)+")
_WORD = re.compile(r"[^\W_]+")


def _add_bare_provinces(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Add province names written without prefix: runs of capitalised words
    whose longest sub-run (two to four words) is a province name."""
    g = gazetteer()
    starts = [p.start for p in found]          # found is in text order and does not overlap

    def covered(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and found[i].start <= pos < found[i].end

    extra: list[PlaceMention] = []
    for run in _CAP_RUN.finditer(text):
        words = [(w.group(0), run.start() + w.start(), run.start() + w.end())
                 for w in _WORD.finditer(run.group(0))]
        keys = [_fold_key(w[0]) for w in words]
        i = 0
        while i < len(words) - 1:
            for j in range(min(len(words), i + 4), i + 1, -1):
                key = "".join(keys[i:j])
                provs = g.provinces.get(key) if key not in g.not_bare else None
                if provs:
                    # written without its prefix, a province is written with its own tones: "Thạnh Hóa"
                    # (a district of Long An) is not "Thanh Hóa"
                    written = _letters(" ".join(w[0] for w in words[i:j]))
                    provs = [p for p in provs if _fold_key(p.name) != key or written == key
                             or _letters(p.name) == written or written in g.alias_spellings] or None
                    # ("Quang Binh Portal": no tones at all; "Đăk Nông": a spelling of its own)
                if provs:
                    s, e = words[i][1], words[j - 1][2]
                    if not covered(s):
                        extra.append(PlaceMention(PROVINCE, "", text[s:e], s, e, s, tuple(provs)))
                    i = j
                    break
            else:
                i += 1
    return sorted(found + extra, key=lambda p: p.start)
