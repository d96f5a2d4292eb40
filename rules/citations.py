"""Legal documents a report cites: ``Nghị định số 91/2017/NĐ-CP ngày 31/7/2017``.

:func:`extract_citations` finds every citation of a numbered document (decree,
circular, directive, decision, plan, guidance, official letter, resolution,
conclusion) and of the Law on Emulation and Commendation by name, with the
number as normalized (``91/2017/NĐ-CP``, ``34-CT/TW``, ``42`` when bare), the
issue date when the text states one, the issuer (``của Chính phủ``), the
sentence as ``text`` and offsets of the citation in ``Document.text``.

A citation is resolved against the catalogue ``rules/data/legal_docs.toml``
(``canonical`` = the entry id) when its kind and number match an entry, or when
a bare number (``Nghị định số 42``) matches an entry's leading number and the
stated year (if any) agrees.  The checks ``citation_mismatch`` and
``outdated_citation`` read the same catalogue through :func:`catalogue`.

Rules match on ``doc.match_text`` (lower case, one tone placement, one dash)
and take numbers as written from ``doc.text`` at the same offsets.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.model import Citation, DocMeta, Document
from .lexicon import P

DATA = Path(__file__).resolve().parent / "data" / "legal_docs.toml"


# --- the catalogue -------------------------------------------------------------
@dataclass(frozen=True)
class LegalDoc:
    id: str
    kind: str
    number: str
    base: str
    title: str = ""
    issued: Optional[date] = None
    effective: Optional[date] = None
    replaced_by: Optional[str] = None
    replaced_on: Optional[date] = None
    amends: Optional[str] = None
    names: tuple[str, ...] = ()

    @property
    def year(self) -> Optional[int]:
        m = re.search(r"/(\d{4})/", self.number)
        return int(m.group(1)) if m else (self.issued.year if self.issued else None)


def _d(s) -> Optional[date]:
    if s is None:
        return None
    return s if isinstance(s, date) else date.fromisoformat(str(s))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, LegalDoc]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    out: dict[str, LegalDoc] = {}
    for e in raw.get("doc", []):
        out[e["id"]] = LegalDoc(id=e["id"], kind=e["kind"], number=e["number"], base=str(e.get("base", "")),
                                title=e.get("title", ""), issued=_d(e.get("issued")),
                                effective=_d(e.get("effective")), replaced_by=e.get("replaced_by"),
                                replaced_on=_d(e.get("replaced_on")), amends=e.get("amends"),
                                names=tuple(e.get("names", ())))
    return out


def number_key(number: str) -> str:
    """Compare numbers ignoring punctuation and case: ``34-CT/TW`` == ``34/CT-TW``."""
    return re.sub(r"[^0-9A-ZĐ]", "", (number or "").upper())


# --- patterns ------------------------------------------------------------------
# Kinds whose bare number ("Nghị định số 42", "Chỉ thị 05") is a citation; the
# others need a number with a sign ("41/KH-HĐTĐKT") so that "kế hoạch 5 năm" or
# "hướng dẫn 3 nội dung" are not taken for citations.
STRONG = {
    "nghị định": "nghi_dinh", "thông tư liên tịch": "thong_tu", "thông tư": "thong_tu",
    "chỉ thị": "chi_thi", "nghị quyết": "nghi_quyet", "quyết định": "quyet_dinh",
    "pháp lệnh": "phap_lenh",
}
WEAK = {
    "kế hoạch": "ke_hoach", "hướng dẫn": "huong_dan", "công văn": "cong_van", "văn bản": "cong_van",
    "kết luận": "ket_luan", "thông báo": "thong_bao", "quy định": "quy_dinh", "tờ trình": "to_trinh",
    "báo cáo": "bao_cao", "quy chế": "quy_che", "chương trình": "chuong_trinh", "đề án": "de_an",
}
KINDS = {**STRONG, **WEAK}
_KIND_ALT = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_SEG = r"[0-9a-zđ][0-9a-zđ.]*"
_NUMBER = rf"\d{{1,5}}(?:\s?[/-]\s?{_SEG})*"
RE_NUMBERED = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_ALT})\s+(?:(?P<so>số)\s*:?\s*)?(?P<num>{_NUMBER})(?![\w/])")
_DATE_SLASH = r"ngày\s*(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*[/.-]\s*(?P<y1>\d{4})"
_DATE_WORDS = r"ngày\s*(?P<d2>\d{1,2})\s+tháng\s*(?P<m2>\d{1,2})\s+năm\s*(?P<y2>\d{4})"
RE_DATE = re.compile(rf"(?:{_DATE_SLASH}|{_DATE_WORDS})")
# what may stand between a number and its date: "của Chính phủ", "của Bộ Chính trị"
RE_GAP = P("cit_re_gap")
RE_ISSUER = P("cit_re_issuer")

# the Law on Emulation and Commendation, by name
_TDKT = r"thi\s+đua\s*,?\s*(?:-\s*)?khen\s+thưởng"
RE_LAW_AMEND = re.compile(rf"(?<!\w)luật\s+sửa\s+đổi\s*,?\s*(?:bổ\s+sung\s+)?(?:một\s+số\s+điều\s+)?(?:của\s+)?"
                          rf"luật\s+{_TDKT}")
RE_LAW = re.compile(rf"(?<!\w)luật\s+{_TDKT}")
RE_LAW_NUMBERED = P("cit_re_law_numbered")
RE_LAW_TAIL = re.compile(
    r"\s*(?:\(\s*)?(?:(?:sửa\s+đổi|sđ)\s+)?(?:năm\s+(?P<y>\d{4})|" + _DATE_SLASH + "|" + _DATE_WORDS +
    r"|số\s*(?P<num>\d{1,3}/\d{4}/qh\d{1,2}))")

SENT_BREAK = P("cit_sent_break")


@dataclass
class _Hit:
    kind: str
    number: str
    start: int
    end: int
    rule: str
    issued: Optional[str] = None
    issuer: Optional[str] = None
    canonical: Optional[str] = None
    extra: dict = field(default_factory=dict)


def _date_from(m: re.Match) -> Optional[str]:
    d, mo, y = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def normalize_number(raw: str) -> str:
    s = re.sub(r"\s+", "", raw).replace("–", "-").replace("—", "-")
    m = re.fullmatch(r"(\d+)[/-](CT|NQ|KL|QĐ|QD|HD|TB|BC|TT|QY)[/-](TW)", s, flags=re.I)
    if m:
        s = f"{m.group(1)}-{m.group(2).upper()}/TW"
    elif s == s.lower() and re.search(r"[a-zđ]", s):
        s = s.upper()       # typed all in lower case
    return s


def _follow_date(match_text: str, end: int) -> tuple[Optional[str], int]:
    """The date stated right after a citation's number (allowing ``của <issuer>``)."""
    window = match_text[end:end + 140]
    m = RE_DATE.search(window)
    if not m:
        return None, end
    gap = window[:m.start()]
    if RE_GAP.match(gap) or (gap.strip() == "" and len(gap) < 6):
        return _date_from(m), end + m.end()
    return None, end


def _issuer(doc: Document, end: int) -> Optional[str]:
    m = RE_ISSUER.match(doc.match_text[end:end + 120])
    if not m:
        return None
    s, e = end + m.start("iss"), end + m.end("iss")
    return doc.text[s:e].strip() or None


def _resolve(kind: str, number: str, issued: Optional[str], context: str) -> Optional[str]:
    cat = catalogue()
    key = number_key(number)
    base = re.match(r"\d+", number)
    base = base.group(0).lstrip("0") if base else ""
    bare = not re.search(r"[/-]", number)
    year = int(issued[:4]) if issued else None
    for e in cat.values():
        if e.kind != kind:
            continue
        if number_key(e.number) == key:
            return e.id
    if bare:
        for e in cat.values():
            if e.kind == kind and e.base.lstrip("0") == base and (year is None or e.year is None
                                                                   or abs(year - e.year) <= 1):
                return e.id
    # a number that names no entry but the exact date and subject of one: a
    # wrong number for that document (checked by citation_mismatch)
    if issued and re.search(r"thi đua|khen thưởng", context):
        for e in cat.values():
            if e.kind == kind and e.issued and e.issued.isoformat() == issued:
                return e.id
    return None


def _sentence(doc: Document, start: int, end: int) -> tuple[int, int]:
    b = doc.block_at(start)
    lo, hi = (b.start, b.end) if b else (0, len(doc.text))
    s = lo
    for m in SENT_BREAK.finditer(doc.text, lo, start):
        s = m.end()
    e = hi
    m = SENT_BREAK.search(doc.text, end, hi)
    if m:
        e = m.start() + (1 if doc.text[m.start():m.start() + 1] in ".!?" else 0)
    return s, e


def _law_hits(doc: Document, taken: list[tuple[int, int]]) -> list[_Hit]:
    mt = doc.match_text
    hits: list[_Hit] = []
    spans: list[tuple[int, int]] = []
    for rx, amend in ((RE_LAW_AMEND, True), (RE_LAW, False)):
        for m in rx.finditer(mt):
            if any(a < m.end() and m.start() < b for a, b in spans + taken):
                continue
            tail = RE_LAW_TAIL.match(mt, m.end())
            year, issued, number, end = None, None, None, m.end()
            if tail:
                end = tail.end()
                if tail.group("y"):
                    year = int(tail.group("y"))
                elif tail.group("num"):
                    number = normalize_number(doc.text[tail.start("num"):tail.end("num")])
                    year = int(number.split("/")[1])
                else:
                    issued = _date_from(tail)
                    year = int(issued[:4]) if issued else None
            if amend:
                canonical = {2005: "luat_tdkt_sd_2005", 2013: "luat_tdkt_sd_2013"}.get(year)
                rule = "citation.law_tdkt_amendment"
            else:
                canonical = {2003: "luat_tdkt_2003", 2005: "luat_tdkt_sd_2005", 2013: "luat_tdkt_sd_2013",
                             2022: "luat_tdkt_2022"}.get(year)
                rule = "citation.law_tdkt"
            if number:
                canonical = _resolve("luat", number, issued, "thi đua") or canonical
            cat = catalogue().get(canonical) if canonical else None
            label = cat.number if cat else (number or ("Luật sửa đổi, bổ sung Luật Thi đua, khen thưởng" if amend
                                                        else "Luật Thi đua, khen thưởng"))
            spans.append((m.start(), end))
            hits.append(_Hit("luat", label, m.start(), end, rule, issued=issued, canonical=canonical,
                             extra={"year": year}))
    for m in RE_LAW_NUMBERED.finditer(mt):
        if any(a < m.end() and m.start() < b for a, b in spans + taken):
            continue
        number = normalize_number(doc.text[m.start("num"):m.end("num")])
        issued, end = _follow_date(mt, m.end())
        hits.append(_Hit("luat", number, m.start(), end, "citation.law_numbered", issued=issued,
                         canonical=_resolve("luat", number, issued, mt[m.start():m.end() + 120])))
    return hits


def extract_citations(doc: Document, meta: Optional[DocMeta] = None) -> list[Citation]:
    """Every legal document the report cites, in reading order."""
    mt = doc.match_text
    hits: list[_Hit] = []
    for m in RE_NUMBERED.finditer(mt):
        kind_word = re.sub(r"\s+", " ", m.group("kind"))
        kind = KINDS[kind_word]
        raw = doc.text[m.start("num"):m.end("num")]
        has_sign = bool(re.search(r"[/-]", raw))
        if kind_word in WEAK and not has_sign:
            continue
        if not has_sign and not m.group("so") and kind_word not in ("nghị định", "chỉ thị", "nghị quyết",
                                                                      "thông tư"):
            continue
        number = normalize_number(raw)
        if not has_sign and len(number) > 4:
            continue
        issued, end = _follow_date(mt, m.end())
        context = mt[m.start():min(len(mt), end + 160)]
        hits.append(_Hit(kind, number, m.start(), max(end, m.end()), f"citation.{kind}", issued=issued,
                         issuer=_issuer(doc, m.end()),
                         canonical=_resolve(kind, number, issued, context)))
    hits += _law_hits(doc, [(h.start, h.end) for h in hits])
    hits.sort(key=lambda h: (h.start, h.end))
    out: list[Citation] = []
    for h in hits:
        s, e = _sentence(doc, h.start, h.end)
        out.append(Citation(doc_kind=h.kind, number=h.number, text=doc.text[s:e].strip(), char_start=h.start,
                            char_end=h.end, rule=h.rule, issued_date=h.issued, issuer=h.issuer,
                            page=doc.page_at(h.start), canonical=h.canonical))
    return out
