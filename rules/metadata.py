"""Header metadata: the columns of ``documents`` (SPEC.md) read from a report.

A report opens with its issuer (``UBND HUYỆN TRÙNG KHÁNH``), its number
(``Số: 123/BC-UBND``), the national motto, the place and date line
(``Trùng Khánh, ngày 09 tháng 12 năm 2022``), the type in capitals
(``BÁO CÁO``) and the title; it ends with the ``Nơi nhận:`` list and the
signature block (``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH`` / the name).  Either
part may be a two-column table.  :func:`read_metadata` reads these lines
(:mod:`rules.metadata_text`), then settles the issuer and its place with the
gazetteer (:mod:`rules.gazetteer`) when the header does not name the issuer:
from the signature block, the number's codes, the report's own sentences
(``UBND huyện Trùng Khánh báo cáo ...``, ``Trên đây là báo cáo ... của ...``)
and the places the text names.  See docs/METADATA.md.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from pipeline.model import HEADING, TABLE, DocMeta, Document
from pipeline.normalize import fold, match_form

from . import gazetteer as gz
from .lexicon import M, P
from .subjects import prefix_level
from .metadata_text import (BodyRef, DateLine, Line, anchor_body, block_lines, data, find_period, join_split_dates,
                            format_place, is_caps, number_doc_type, number_issuer, parse_bodies,
                            parse_date_line, parse_number, person_name, place_name, signature_title, title_start,
                            type_of_line)

HEADER_BLOCKS = 16          # the header lies within the first blocks
_MOTTO = P("md_motto")
_BODY_START = P("md_body_start")
_TITLE_GOES_ON = P("md_title_goes_on")
_SELF_VERB = P("md_self_verb")
_LIST_ITEM = re.compile(r"^[-+•*–]")
# the first header line of a central body: a ministry, a general department, a national organisation
_CENTRAL_HEAD = P("md_central_head")
_APPENDIX = P("md_appendix")


# --- header --------------------------------------------------------------------
@dataclass
class Header:
    number: Optional[str] = None
    date: Optional[DateLine] = None
    doc_type: Optional[str] = None
    title_lines: list[str] = field(default_factory=list)
    issuer_lines: list[Line] = field(default_factory=list)
    authority: Optional[Line] = None      # "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ..." under a decision's title
    subject: Optional[str] = None         # "V/v ..." of an official letter
    end_block: int = 0                    # first block after the header


def read_header(doc: Document) -> Header:
    h = Header()
    lines = join_split_dates(block_lines(doc.blocks[:HEADER_BLOCKS]))
    state = "head"                        # head -> title -> done
    last_title: Optional[Line] = None
    for ln in lines:
        m = ln.match
        if _MOTTO.match(m):
            continue
        if state == "title":
            if _title_continues(ln, last_title, h):
                h.title_lines.append(ln.text)
                last_title = ln
                continue
            if is_caps(ln.text) and parse_bodies(ln.text) and h.authority is None:
                h.authority = ln
            h.end_block = ln.block
            break
        if h.number is None and (num := parse_number(ln)):
            h.number = num
            continue
        if h.date is None and (d := parse_date_line(ln)):
            h.date = d
            continue
        if m.startswith("v/v") or (m.startswith("về việc") and h.doc_type is None and h.number):
            h.subject = re.sub(r"^(?:v/v|về việc)\s*[:.]?\s*", "", ln.text, flags=re.I).strip()
            continue
        t = type_of_line(ln)
        if t and h.doc_type is None:
            h.doc_type, rest = t
            if rest:
                h.title_lines.append(rest)
                last_title = ln
            state = "title"
            continue
        if _BODY_START.match(m) or len(ln.text) > 250:
            h.end_block = ln.block
            break
        if h.doc_type is None and (is_caps(ln.text) or _short_body_line(ln.text)) and (
                h.date is None or parse_bodies(ln.text)):
            h.issuer_lines.append(ln)
    else:
        h.end_block = lines[-1].block + 1 if lines else 0
    return h


_ISSUER_LINE_MAX = 90
_HEADLINE_VERB = P("meta_headline_predicate")


def _short_body_line(text: str) -> bool:
    """An issuer line not in capitals ('Ủy ban nhân dân huyện Bảo Lạc') is short and no sentence: a
    news lede naming a body ('- Thông tin từ Văn phòng Ban điều phối ... cho biết, ...') is not one."""
    t = text.strip()
    if len(t) > _ISSUER_LINE_MAX or t.endswith((".", ",", ";")):
        return False
    bodies = parse_bodies(t)
    # the body is the line, not a name inside a headline ('Trường THCS X nhận Huân chương ...')
    return bool(bodies) and bodies[0].start <= 2 and not _HEADLINE_VERB.search(match_form(t))


def _title_continues(ln: Line, last: Optional[Line], h: Header) -> bool:
    m = ln.match
    if _BODY_START.match(m) or _MOTTO.match(m) or len(ln.text) > 300:
        return False
    if is_caps(ln.text) and parse_bodies(ln.text):
        return False                      # the authority line of a decision
    if last is None:
        return True                       # the first line under the type line
    if h.title_lines[-1].endswith(";") and ln.text[:1].islower() and len(ln.text) <= 200:
        return True                       # "... năm 2023;" over "phương hướng, nhiệm vụ năm 2024"
    if re.search(r"[.:;!?]$", h.title_lines[-1]) or len(ln.text) > 200:
        return False
    if ln.block != last.block and re.match(r"^\S+(?:\s+\S+)?\s+\d{4}(?:\s*-\s*\d{4})?,\s", ln.text):
        return False                      # "Năm 2023, Công ty có ..." opens the body
    same_place = ln.block == last.block and ln.cell == last.cell
    return same_place or ln.text[:1].islower() or bool(_TITLE_GOES_ON.match(m)) or (is_caps(ln.text) and is_caps(last.text))


# --- signature ------------------------------------------------------------------
@dataclass
class Signature:
    body: Optional[BodyRef] = None        # what "TM." / "KT." signs for, when it is a body
    title: Optional[str] = None           # "chủ tịch", "cụm trưởng", ...
    signer: Optional[str] = None
    units: list[BodyRef] = field(default_factory=list)   # bodies named in the titles ("CHỦ TỊCH UBND XÃ HÀ VINH")
    start_block: Optional[int] = None     # the "Nơi nhận" block, or the block of the signature
    end_block: Optional[int] = None


_LINE_START = r"(?:(?<![^\n])|(?<=\| ))"     # at the start of a line or of a table cell
_NOI_NHAN = re.compile(_LINE_START + r"nơi nhận")


@lru_cache(maxsize=1)
def _anchor_re() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in sorted(data()["signature"]["titles"], key=len, reverse=True))
    return re.compile(_LINE_START + r"(?:(?:tm|kt|tl|tuq)\s*\.\s*\S|(?:" + titles + r")[ ]*(?:$|\n| \|))")


def _signature_starts(doc: Document, first_block: int) -> list[int]:
    """Blocks where a signature block may start: the ``Nơi nhận`` list, then
    (when the name is not after the list) the last ``TM.``/``KT.`` or title
    line before it, and the last one in the document."""
    if first_block >= len(doc.blocks):
        return []
    begin = doc.blocks[first_block].start
    nn = _NOI_NHAN.search(doc.match_text, begin)
    nn_block = doc.block_at(nn.start()).index if nn else None
    anchors = [doc.block_at(m.start()).index for m in _anchor_re().finditer(doc.match_text, begin)]
    starts = [nn_block] if nn_block is not None else []
    before = [a for a in anchors if nn_block is None or a < nn_block]
    for cand in before[-1:] + anchors[-1:]:
        if cand not in starts:
            starts.append(cand)
    return starts


def read_signature(doc: Document, first_block: int) -> Signature:
    first: Optional[Signature] = None
    for start in _signature_starts(doc, first_block):
        sig = _read_signature_at(doc, start)
        if sig.signer:
            return sig
        first = first or sig
    return first or Signature()


def _read_signature_at(doc: Document, start: int) -> Signature:
    sig = Signature(start_block=start)
    seen_anchor = False
    for ln in block_lines(doc.blocks[start:start + 14]):
        m = ln.match
        if m.startswith("nơi nhận") or _LIST_ITEM.match(ln.text):
            continue
        if seen_anchor and (_APPENDIX.match(m) or len(ln.text) > 150):
            break
        a = anchor_body(ln)
        title = signature_title(ln.text)
        if a is not None or (title and is_caps(ln.text)):
            seen_anchor = True
        if not seen_anchor:
            continue
        sig.end_block = ln.block
        if a and sig.body is None:
            cut = _cut_at_title(a)
            bodies = parse_bodies(cut) if cut else []
            if bodies:
                sig.body = bodies[0]
        if title and sig.title is None:
            sig.title = title
        if a is None and title:
            sig.units += [b for b in parse_bodies(ln.text) if b.place]
        name = person_name(ln.text)
        if name and not (title and fold(name) in fold(title)):
            sig.signer = name
            break
    return sig


def _cut_at_title(text: str) -> str:
    return text[:title_start(text)].strip()


# --- the places the text names ---------------------------------------------------------
@dataclass
class Places:
    mentions: list[gz.PlaceMention]
    districts: Counter               # district key -> count
    communes: Counter                # commune key -> count
    provinces: Counter               # legacy/2025 province short name -> weight
    names: dict                      # key -> a mention of it

    def count(self, level: str, key: str) -> float:
        """How often the text names the place ``key`` at ``level``."""
        if level == gz.DISTRICT:
            return self.districts.get(key, 0)
        if level == gz.COMMUNE:
            return self.communes.get(key, 0)
        return sum(v for k, v in self.provinces.items() if gz.name_key(k) == key)


_LAST = threading.local()     # the last document's places and text place: read_metadata, the frames and
                              # the subjects all ask for them, one document at a time per thread


def _memo(key: str, doc: Document, make):
    """``make()`` for ``doc``, computed once while ``doc`` is the document being read."""
    if getattr(_LAST, "doc", None) is not doc:
        _LAST.doc, _LAST.values = doc, {}
    if key not in _LAST.values:
        _LAST.values[key] = make()
    return _LAST.values[key]


def collect_places(doc: Document, header: Header) -> Places:
    """Every place the text names (the header does not change them)."""
    return _memo("places", doc, lambda: _collect_places(doc))


def _collect_places(doc: Document) -> Places:
    mentions = gz.find_places(doc.text, bare_provinces=True)
    districts, communes, provinces = Counter(), Counter(), Counter()
    names: dict = {}
    for mn in mentions:
        names.setdefault((mn.level, mn.key), mn)
        if mn.level == gz.DISTRICT:
            districts[mn.key] += 1
        elif mn.level == gz.COMMUNE:
            communes[mn.key] += 1
        else:
            weight = 1.0 if mn.prefix else 0.5
            for name in {u.name for u in mn.units}:
                provinces[name] += weight
    return Places(mentions, districts, communes, provinces, names)


# --- resolution ---------------------------------------------------------------------
@dataclass
class Issuer:
    text: Optional[str] = None            # "UBND huyện Trùng Khánh"
    body: Optional[str] = None            # body id
    level: Optional[str] = None           # level of the issuer's place
    place: Optional[str] = None           # the issuer's place name, without prefix
    province: Optional[str] = None        # a province the issuer line names ("UBND TỈNH CAO BẰNG / SỞ NỘI VỤ")


def _issuer_from_bodies(bodies: list[BodyRef]) -> Issuer:
    last = bodies[-1]
    place = last.place
    if place is None:
        for b in reversed(bodies[:-1]):
            if b.place:
                place = b.place
                break
    iss = Issuer(body=last.id)
    if last.id in ("cum", "khoi"):
        iss.text = last.name
    else:
        iss.text = last.with_place(format_place(place) if place else None)
    if place:
        iss.level, iss.place = place.level, place_name(place)
    provs = [b.place for b in bodies if b.place and b.place.level == gz.PROVINCE]
    if provs:
        iss.province = place_name(provs[0])
    return iss


def _self_references(doc: Document, header: Header, sig: Signature) -> list[BodyRef]:
    """Bodies the report names as its author: ``UBND huyện X báo cáo ...``,
    ``Trên đây là báo cáo ... của UBND huyện X``."""
    out: list[BodyRef] = []
    stop = sig.start_block if sig.start_block is not None else len(doc.blocks)
    intro = [b for b in doc.blocks[header.end_block:header.end_block + 4] if b.index < stop]
    closing = [b for b in doc.blocks[max(header.end_block, stop - 3):stop]
               if match_form(b.text[:12]).startswith("trên đây")]
    for b in intro + closing:
        m = match_form(b.text)
        for body in parse_bodies(b.text, running=True):
            if _SELF_VERB.match(m[body.end:body.end + 30]) or (
                    b in closing and m[:body.start].rstrip().endswith("của")):
                out.append(body)
    return out


def resolve_issuer(doc: Document, header: Header, sig: Signature, places: Places) -> Issuer:
    if header.issuer_lines:
        bodies = parse_bodies(" ".join(ln.text for ln in header.issuer_lines))
        if bodies:
            return _issuer_from_bodies(bodies)
    if header.authority is not None:
        bodies = parse_bodies(header.authority.text)
        if bodies:
            return _issuer_from_bodies(bodies)
    selfs = _self_references(doc, header, sig)
    body: Optional[BodyRef] = sig.body
    body_id = body.id if body else None
    code = number_issuer(header.number)
    if body_id is None:
        if selfs:
            body = selfs[0]
            body_id = body.id
        elif code:
            body_id = code if code in _body_ids() else "named"
        elif sig.title:
            body_id = data()["signature"]["title_bodies"].get(sig.title)
    if body_id is None:
        return Issuer()
    if body_id in ("cum", "khoi"):
        named = body if body is not None else next((s for s in selfs if s.id == body_id), None)
        name = named.name if named else ("Cụm thi đua" if body_id == "cum" else "Khối thi đua")
        return Issuer(text=name, body=body_id)
    # the body's place: written with it, in the report's own sentences, or the date line's place
    place: Optional[gz.PlaceMention] = body.place if body else None
    if place is None:
        same = [s for s in selfs if s.id == body_id and s.place]
        date_key = gz.name_key(header.date.place) if header.date and header.date.place else ""
        same.sort(key=lambda s: s.place.key != date_key)
        if same:
            place = same[0].place
    if place is not None:
        level, pname = place.level, place_name(place)
        place_text = format_place(place)
    else:
        level, pname = _level_of_date_place(header, places)
        provincial = body_id in ("so", "btdkt") or (body_id == "named" and (code or "").startswith("Sở"))
        if provincial and level != gz.PROVINCE:
            # a department (Sở) or the Ban Thi đua - Khen thưởng works for a province
            level, pname = gz.PROVINCE, _top_province(places, gz.LEGACY)
        place_text = f"{_LEVEL_PREFIX[level]} {pname}" if level and pname else None
    if body is not None:
        name: Optional[str] = body.name
    elif body_id == "named":
        name = code                           # "Sở Nội vụ" from a number ".../BC-SNV"
    else:
        name = _BODY_NAMES.get(body_id)       # None for "Sở"/"Phòng" known only from a title
    text = (f"{name} {place_text}" if place_text else name) if name else None
    return Issuer(text=text, body=body_id, level=level, place=pname)


def _body_ids() -> set[str]:
    return {b["id"] for b in data()["bodies"]}


_BODY_NAMES = {b["id"]: b["display"] for b in data()["bodies"] if b["display"]}
_LEVEL_PREFIX = {gz.PROVINCE: "tỉnh", gz.DISTRICT: "huyện", gz.COMMUNE: "xã"}


def _level_of_date_place(header: Header, places: Places) -> tuple[Optional[str], Optional[str]]:
    """The level of the date line's place: the one the text names it with most
    (``huyện Yên Khánh``), else what the gazetteer knows it as."""
    if not header.date or not header.date.place:
        return None, None
    key = gz.name_key(header.date.place)
    counts = {lvl: places.count(lvl, key) for lvl in (gz.DISTRICT, gz.COMMUNE, gz.PROVINCE)}
    best = max(counts, key=lambda lvl: counts[lvl])
    if counts[best]:
        mn = places.names.get((best, key))
        return best, place_name(mn) if mn else header.date.place
    g = gz.gazetteer()
    for lvl, index in ((gz.DISTRICT, g.districts), (gz.PROVINCE, g.provinces), (gz.COMMUNE, g.communes)):
        units = index.get(key)
        if units:
            written = match_form(header.date.place)
            return lvl, next((u.name for u in units if match_form(u.name) == written), header.date.place)
    return None, header.date.place


# --- district and province ------------------------------------------------------------------
def _pick_by_province(units: list, places: Places) -> Optional[object]:
    """Among units in several provinces, the one whose province the text names most."""
    if not units:
        return None
    if len({u.province for u in units}) == 1:
        return units[0]
    scored = sorted(units, key=lambda u: -places.provinces.get(u.province, 0))
    if places.provinces.get(scored[0].province, 0) > places.provinces.get(scored[1].province, 0):
        return scored[0]
    return None


def _district_of_commune(name: str, places: Places) -> Optional[gz.Commune]:
    cands = gz.find_communes(name)
    if not cands:
        return None
    named = [c for c in cands if places.districts.get(gz.name_key(c.district), 0)]
    if named:
        named.sort(key=lambda c: -places.districts[gz.name_key(c.district)])
        return named[0]
    return _pick_by_province(cands, places)


def _top_province(places: Places, era: str) -> Optional[str]:
    g = gz.gazetteer()
    held = _province_of_named_districts(places)
    for name, _ in places.provinces.most_common():
        if any(p.era == era for p in g.provinces.get(gz.name_key(name), [])):
            if held and held != name and gz.find_districts(name, held) and not any(
                    m.prefix for m in places.mentions if m.level == gz.PROVINCE and gz.same_letters(m.name, name)):
                # "... Tuyên Hóa 4,5-5,0%; Quảng Ninh 2,2-2,5%; thị xã Ba Đồn ...": a province named only bare that
                # is also a district of the province the text's districts lie in is that district
                return held
            return name
    return None


def resolve_places(iss: Issuer, header: Header, sig: Signature, places: Places,
                   era: str) -> tuple[Optional[str], Optional[str]]:
    """(province, district) of the issuer."""
    if era == gz.NEW:
        prov = iss.province or (iss.place if iss.level == gz.PROVINCE else None)
        if prov is None and iss.level == gz.COMMUNE and iss.place:
            cands = gz.find_communes(iss.place, era=gz.NEW)
            top = _top_province(places, gz.NEW)
            cands = [c for c in cands if top is None or c.province == top] or cands
            prov = cands[0].province if len({c.province for c in cands}) == 1 else top
        # no districts since 1 July 2025: a commune's report keeps the commune
        # (the reporting unit) in the district column, as SPEC allows
        district = iss.place if iss.level == gz.COMMUNE else None
        return prov or _top_province(places, gz.NEW), district
    if iss.level == gz.PROVINCE:
        return iss.place, None
    if iss.level == gz.DISTRICT and iss.place:
        d = _pick_by_province(gz.find_districts(iss.place, province=iss.province), places)
        return (d.province if d else iss.province or _top_province(places, gz.LEGACY)), iss.place
    if iss.level == gz.COMMUNE and iss.place:
        c = _district_of_commune(iss.place, places)
        if c:
            return c.province, c.district
        return iss.province or _top_province(places, gz.LEGACY), _top_district(places)
    if iss.body in ("cum", "khoi"):
        return _cluster_places(header, sig, places)
    if iss.province is None and any(_CENTRAL_HEAD.match(match_form(ln.text)) for ln in header.issuer_lines[:1]):
        return None, None                 # a ministry's office (BỘ NÔNG NGHIỆP ... / CỤC TRỒNG TRỌT): no province
    prov = iss.province or _top_province(places, gz.LEGACY)
    if (iss.body == "other" and iss.place is None and iss.province is None and header.date and header.date.place
            and not (prov and gz.name_key(prov) in gz.name_key(iss.text or ""))):
        # a school or a company named without its place: where it writes from
        # ("Sông Đốc, ngày ..." -> thị trấn Sông Đốc, huyện Trần Văn Thời)
        return _district_from_dateline(header.date.place, prov, places) or (prov, None)
    return prov, None


def _district_from_dateline(name: str, prov: Optional[str], places: Places) -> Optional[tuple[str, str]]:
    d = _pick_by_province([u for u in gz.find_districts(name) if prov is None or u.province == prov], places)
    if d is not None:
        return d.province, d.name
    c = _district_of_commune(name, places)
    if c is not None and (prov is None or c.province == prov):
        return c.province, c.district
    return None


def _top_district(places: Places) -> Optional[str]:
    if not places.districts:
        return None
    key, _ = places.districts.most_common(1)[0]
    mn = places.names.get((gz.DISTRICT, key))
    return place_name(mn) if mn else None


def _cluster_places(header: Header, sig: Signature, places: Places) -> tuple[Optional[str], Optional[str]]:
    """A cluster of communes belongs to a district (the district of the commune
    it reports from, or whose chairman signs); a cluster of districts only to
    its province."""
    commune_names = [header.date.place] if header.date and header.date.place else []
    commune_names += [u.place.name for u in sig.units if u.place and u.place.level == gz.COMMUNE]
    for name in commune_names:
        if places.count(gz.COMMUNE, gz.name_key(name)) or not gz.find_districts(name):
            c = _district_of_commune(name, places)
            if c:
                return c.province, c.district
    return _top_province(places, gz.LEGACY), None


def _era(date: Optional[DateLine], iss: Issuer, places: Places) -> str:
    if date and date.year:
        if date.year > 2025 or (date.year == 2025 and date.month and date.month >= 7):
            return gz.NEW
        if date.year < 2025 or date.month:
            return gz.LEGACY
    if iss.level == gz.COMMUNE and not places.districts and iss.place and \
            gz.find_communes(iss.place, era=gz.NEW) and iss.province and \
            not gz.find_communes(iss.place, province=iss.province):
        return gz.NEW
    return gz.LEGACY


# --- the title and the period ---------------------------------------------------------------
def _clean_title(lines: list[str], issuer: Optional[str]) -> Optional[str]:
    if not lines:
        return None
    title = re.sub(r"\s+", " ", " ".join(lines)).strip()
    title = re.sub(r"[\s./]+$", "", title)
    if issuer:
        # a title running on into the issuer's name: "... năm 2023 Cụm thi đua số 2."
        f_title, f_iss = fold(title), fold(issuer)
        for cand in (f_iss, re.sub(r"\s+so\s+0*(\d+)", r" so \1", f_iss)):
            if cand and f_title.endswith(" " + cand) and len(f_title) > len(cand) + 10:
                title = title[: len(title) - len(cand)].rstrip(" ,;-–")
                title = re.sub(r"\s+của$", "", title)
                break
    return title or None


def _period(doc: Document, title: Optional[str], header: Header, year: Optional[int]) -> Optional[str]:
    if title and (p := find_period(title, year)):
        return p[0]
    for b in doc.blocks[header.end_block:header.end_block + 12]:
        if b.kind == HEADING and (p := find_period(b.text, year)):
            return p[0]
    return None


# --- entry point -------------------------------------------------------------------------------
def read_metadata(doc: Document) -> DocMeta:
    header = read_header(doc)
    sig = read_signature(doc, header.end_block)
    places = collect_places(doc, header)
    iss = resolve_issuer(doc, header, sig, places)
    era = _era(header.date, iss, places)
    province, district = resolve_places(iss, header, sig, places, era)
    meta = DocMeta()
    meta.doc_number = header.number
    meta.doc_type = header.doc_type or number_doc_type(header.number) or ("cong_van" if header.subject else None)
    if meta.doc_type is None and (header.number or header.title_lines):
        meta.doc_type = "other"
    meta.issuer = iss.text
    meta.title = _clean_title(header.title_lines or ([header.subject] if header.subject else []), iss.text)
    if header.date:
        meta.place = header.date.place
        meta.issued_date = header.date.iso
        meta.issued_year = header.date.year
    meta.period = _period(doc, meta.title, header, meta.issued_year)
    meta.province = province
    meta.district = district
    meta.signer = sig.signer
    if meta.doc_type is None:
        meta.doc_type = "other"       # a text with no header of its own: a news page, a passage
    if is_headerless(meta) and (tp := headerless_place(doc, places)):
        meta.province, meta.district = tp.province, tp.district or meta.district
    return meta


def is_headerless(meta: DocMeta) -> bool:
    """A text with no header of its own (no number, no title): a news page, a passage."""
    return meta.doc_type == "other" and not (meta.doc_number or meta.title)


_HEADLINE_CHARS = 220     # a headerless text's first line, when no longer, is its headline
_SENTENCE_END = re.compile(r"[.:;…](?:\s*\([^()]*\))?\s*$")     # "... 264 mẹ còn sống). (Q.LÂM)"


@dataclass(frozen=True)
class TextPlace:
    """The place a text with no header of its own is about, and where it lies."""
    name: str
    level: str
    province: Optional[str]
    district: Optional[str]


_DATED_OPENING = P("md_dated_opening")


def headerless_place(doc: Document, places: Optional[Places] = None) -> Optional[TextPlace]:
    """A text with no header of its own (a news page) is about the place its headline names
    ('... tại huyện Hoài Nhơn', 'Bến Tre: ...'), else its first paragraph; a district's province
    comes from the gazetteer when the text does not name it."""
    return _memo("headerless_place", doc, lambda: _headerless_place(doc, places))


def _headerless_place(doc: Document, places: Optional[Places] = None) -> Optional[TextPlace]:
    body = [b for b in doc.blocks[:4] if b.kind != TABLE and b.text.strip()]
    # the headline, then the first paragraph that is a sentence (a photo caption has no full stop)
    heads = [b for b in body[:1] if len(b.text) <= _HEADLINE_CHARS] + \
        [b for b in body[1:3] if len(b.text) > 60 and (_SENTENCE_END.search(b.text) or _DATED_OPENING.match(b.text))][:1]
    places = places if places is not None else collect_places(doc, Header())
    bare = _bare_district_headline(heads[0].text) if heads and heads[0] is body[0] else None
    for b in heads:
        # in the paragraph, its first sentence: "..., công nhận 6 xã gồm: Định Hòa (huyện Lai Vung); ..."
        # lists places the text counts, not the place it is about
        first = _FIRST_SENTENCE.match(b.text).group(0) if b is not heads[0] or len(heads) == 1 else b.text
        found = [m for m in gz.find_places(first, bare_provinces=True) if m.units]
        if found and b is not heads[0] and _VENUE_BEFORE.search(first[:found[0].start]) \
                and _AREA_LIST.search(first, found[0].end):
            continue    # "tại huyện Tân Thạnh diễn ra buổi lễ ... gồm các huyện: ...": the venue of a wider event
        if found and _named_with_others(first, found[0]):
            # "Xã Bàu Đồn và Thanh Điền đạt chuẩn ...": places the text counts, not one it is about; the
            # text is about the province they lie in
            tp = _text_place(found, places)
            return TextPlace(tp.province, gz.PROVINCE, tp.province, None) if tp.province else None
        if found and (inner := _district_before_its_province(first, found)) is not None:
            return inner
        if found and bare is not None and any(gz.same_letters(m.name, bare.name) for m in found
                                              if m.level == gz.DISTRICT):
            # "Kim Sơn, huyện miền biển đạt chuẩn ..." over "Kim Sơn là huyện duy nhất ở tỉnh Ninh Bình, ...
            # công nhận huyện Kim Sơn ...": the district the headline names bare and the lede names again,
            # not the province the lede places it in
            return bare
        if found:
            return _text_place(_owner_first(first, found), places)
    if bare is not None:
        return bare
    # "(QNO) - UBND tỉnh vừa ..." from a provincial paper: its province
    for b in body[:4]:
        src = _NEWS_SOURCE.match(match_form(b.text))
        if src and (prov := _SOURCE_PROVINCE.get(src.group("code") or src.group("bare"))):
            return TextPlace(prov, gz.PROVINCE, prov, None)
        portal = _PORTAL_SOURCE.match(b.text)
        if portal and (unit := gz.find_province(portal.group("name"))) is not None:
            # "PhuthoPortal - Ngày 24/1/2017, UBND tỉnh ban hành ...": the province whose portal it is
            return TextPlace(unit.name, gz.PROVINCE, unit.name, None)
    # "UBND tỉnh vừa ban hành Quyết định ..." in a text that names its province again and again
    top = _top_province(places, gz.LEGACY)
    if top and places.provinces[top] >= _PROVINCE_NAMED and any(_PROVINCE_WORD.search(b.text) for b in heads):
        return TextPlace(top, gz.PROVINCE, top, None)
    # "Chủ tịch UBND tỉnh ... công nhận thêm 5 xã ... gồm Tam Sơn, Tam Trà (Núi Thành), Phước Ninh (Nông Sơn)
    # ...": the one province the districts it names in brackets all lie in
    prov = _province_of_districts(doc)
    if prov and any(_PROVINCE_WORD.search(b.text) for b in body[:4]):
        return TextPlace(prov, gz.PROVINCE, prov, None)
    return None


def _bare_district_headline(headline: str) -> Optional[TextPlace]:
    """'Kiến Xương tổ chức lễ phong tặng ...', '... giảm nghèo ở Tân Sơn trong những năm qua': a headline
    opening with a district named bare, or naming one after 'ở' / 'tại', of two words or more, that the
    gazetteer knows in one province only (with its tones)."""
    m = _BARE_HEADLINE_OPENING.match(headline) or _BARE_AFTER_AT.search(headline)
    if m is None:
        return None
    words = m.group("name").split()
    for n in range(min(len(words), 3), 1, -1):
        name = " ".join(words[:n])
        found = [d for d in gz.find_districts(name) if gz.same_letters(d.name, name)]
        if len({d.province for d in found}) == 1:
            return TextPlace(name, gz.DISTRICT, found[0].province, name)
    return None


_BARE_HEADLINE_OPENING = P("md_bare_headline_opening")
_BARE_AFTER_AT = P("md_bare_after_at")


def _owner_first(text: str, found: list) -> list:
    """'Nghệ An công nhận 3 xã của huyện Diễn Châu ...', 'Yên Bái: Huyện Trấn Yên có 19 xã ...': a province
    that acts or labels the headline, then the unit what it counts belongs to ('của', 'thuộc', 'tại', or
    right after the colon): the text is about that unit."""
    if len(found) > 1 and found[0].level == gz.PROVINCE and found[1].level != gz.PROVINCE \
            and _OWNER_BEFORE.search(text[found[0].end:found[1].start]):
        return found[1:]
    return found


def _district_before_its_province(text: str, found: list) -> Optional[TextPlace]:
    """'Thanh Hà (Hải Dương): Có thêm 2 xã ...': a district named bare with its province in brackets."""
    if not found or found[0].level != gz.PROVINCE:
        return None
    m = _BARE_BEFORE_PROVINCE.search(text[:found[0].start])
    if m is None:
        return None
    province = found[0].units[0].name
    districts = gz.find_districts(m.group("name"), province)
    if len(districts) != 1:
        return None
    return TextPlace(m.group("name"), gz.DISTRICT, province, m.group("name"))


_BARE_BEFORE_PROVINCE = P("md_bare_before_province")


_OWNER_BEFORE = P("md_owner_before")


def _named_with_others(text: str, m) -> bool:
    """'Xã Bàu Đồn và Thanh Điền ...': a place named in a list with others of its level."""
    nxt = _NAMED_WITH_OTHERS.match(text, m.end) if m.level != gz.PROVINCE else None
    return nxt is not None and (nxt.group("u") is None or prefix_level(nxt.group("u")) == m.level)


def _sole_province(candidates: list[set]) -> Optional[str]:
    """The one province every named district may lie in (each district's candidate provinces in
    ``candidates``), when at least two are named."""
    candidates = [c for c in candidates if c]
    if len(candidates) < _DISTRICTS_NAMED:
        return None
    common = set.intersection(*candidates)
    return next(iter(common)) if len(common) == 1 else None


def _province_of_named_districts(places: Places) -> Optional[str]:
    """The one legacy province that holds every district the text names with its prefix ('huyện Minh
    Hóa ..., thị xã Ba Đồn ...')."""
    keys = {m.key: {u.province for u in m.units} for m in places.mentions if m.level == gz.DISTRICT}
    return _sole_province(list(keys.values()))


def _province_of_districts(doc: Document) -> Optional[str]:
    """The one legacy province that holds every district a text names alone in brackets ('Tam Thạnh
    (Núi Thành), Phước Ninh (Nông Sơn)')."""
    names = {m.group(1) for m in _BRACKETED_NAME.finditer(doc.text) if m.group(1)[:1].isupper()}
    return _sole_province([{d.province for d in gz.find_districts(name)} for name in names])


_BRACKETED_NAME = re.compile(r"\((\w+(?: \w+){0,3})\)")
_DISTRICTS_NAMED = 2         # districts a text must name in brackets for their province to be the text's


_NEWS_SOURCE = P("md_news_source")
_PORTAL_SOURCE = P("md_portal_source")
_VENUE_BEFORE = P("md_venue_before")
_AREA_LIST = P("md_area_list")
_NAMED_WITH_OTHERS = P("md_named_with_others")
_SOURCE_PROVINCE = M("news_source_province")
_FIRST_SENTENCE = re.compile(r".+?(?:[.!?](?=\s)|$)", re.S)
_PROVINCE_WORD = re.compile(r"(?<!\w)tỉnh(?!\w)", re.I)
_PROVINCE_NAMED = 1.5        # how often (weighted) a text must name a province for it to be the text's


def _text_place(found: list, places: Places) -> TextPlace:
    m = found[0]
    name, level = place_name(m), m.level
    if m.level == gz.COMMUNE and len(found) > 1 and found[1].level == gz.DISTRICT and found[1].start - m.end <= 3:
        m = found[1]              # "xã Văn An, huyện Văn Quan": the commune's district as written
    if m.level == gz.PROVINCE:
        return TextPlace(name, level, m.units[0].name, None)
    unit = _pick_by_province(list(m.units), places) or m.units[0]
    district = place_name(m) if m.level == gz.DISTRICT else getattr(unit, "district", None)
    return TextPlace(name, level, unit.province, district)


def province_2025_of(meta: DocMeta) -> Optional[str]:
    """Today's province (34-province map) of a report's province/district: the
    value for a ``documents.province_2025`` column."""
    if not meta.province and not meta.district:
        return None
    return gz.province_2025(meta.province, meta.district)
