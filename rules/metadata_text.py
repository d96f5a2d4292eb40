"""Reading the pieces of a report's header and signature block.

Helpers for :mod:`rules.metadata`: the lines of the header and of the
signature block (plain paragraphs or table cells, which readers flatten to one
line), and small parsers for each kind of line — the number (``Số:``), the
date line, the type line, periods, issuing bodies and the signer's name.
Everything works on the document's text and its match form, never on files.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from pipeline.model import FOOTER, FOOTNOTE, HEADER, TABLE, Block
from pipeline.normalize import fold, match_form

from . import gazetteer as gz
from .lexicon import P

_DATA_FILE = Path(__file__).with_name("data") / "metadata.toml"


@lru_cache(maxsize=1)
def data() -> dict:
    return tomllib.loads(_DATA_FILE.read_text(encoding="utf-8"))


# --- lines -------------------------------------------------------------------
@dataclass
class Line:
    """One line of the header or signature: a line of a block, or a piece of a
    table cell (cells are flattened to one line by the readers)."""

    text: str
    start: int                  # offset in Document.text
    block: int                  # block index
    cell: Optional[tuple[int, int]] = None   # (row, col) for table cells

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def match(self) -> str:
        return match_form(self.text)


# where a flattened line is cut: before these ...
_BREAK_BEFORE = P("mdt_break_before")
_RULE = re.compile(r"[-=*~–—―]{3,}")                # a decorative rule: a line ends there
_DATE_PLACE = P("mdt_date_place")
_COLUMN_GAP = re.compile(r"\S(?:[ \u00a0]{4,}|\t+)(?=\S)")  # a gap between two columns of a header line


def _header_cut(text: str, i: int) -> bool:
    """A cut before 'số' opens a number line only as written in a header ('Số: 12/BC'), not inside
    a sentence ('ban hành Quyết định số 3627/QĐ-UBND về việc ...')."""
    if not text.startswith(("số", "Số", "SỐ"), i) or text[i] in "SỐ":
        return True
    before = text[:i].rstrip(" ")
    return not before or before.endswith(("\n", "\t")) or text[:i].endswith("   ")


def split_line(text: str, start: int) -> list[tuple[str, int]]:
    """Cut a flattened header/signature line at the places a new line would
    begin (``Số:``, ``CỘNG HÒA ...``, after ``Hạnh phúc``, ``TM.`` ...); remove
    decorative rules (``--------``).  A long line is running text: kept whole."""
    if len(text) > 300:
        return [(text.strip(), start + len(text) - len(text.lstrip()))] if text.strip() else []
    text = _RULE.sub(lambda d: "\n" * len(d.group(0)), text)
    m = match_form(text)
    cuts = {0, len(text), *(x.start() for x in _BREAK_BEFORE.finditer(m) if _header_cut(text, x.start()))}
    cuts.update(i for i, c in enumerate(text) if c == "\n")
    # "Số: 01 /BC-HĐTĐKT          Vạn Thắng, ngày 08 tháng 01 năm 2024": two columns of a header
    # laid out with spaces or a tab on one line
    cuts.update(x.end() for x in _COLUMN_GAP.finditer(text))
    # "... /BC-HĐTĐKT Vạn Thắng, ngày 08 tháng 01 năm 2024" once the gap is gone: the date line's place
    cuts.update(x.start() for x in _DATE_PLACE.finditer(text) if x.start() > 0)
    out: list[tuple[str, int]] = []
    for a, b in zip(sorted(cuts), sorted(cuts)[1:]):
        piece = text[a:b].replace("\n", " ")
        stripped = piece.strip()
        if stripped:
            out.append((stripped, start + a + (len(piece) - len(piece.lstrip()))))
    return out


_DATE_OPEN = P("mdt_date_open")
_DATE_REST = P("mdt_date_rest")


def join_split_dates(lines: list[Line]) -> list[Line]:
    """'Sóc Trăng, ngày' / '27 tháng 09 năm 2022', 'Đam Rông, ngày 15 tháng 12' / 'năm 2023': a date
    line broken before its year is one line."""
    out: list[Line] = []
    for ln in lines:
        if out and _DATE_OPEN.search(out[-1].match) and _DATE_REST.match(ln.match):
            prev = out.pop()
            out.append(Line(prev.text + " " + ln.text, prev.start, prev.block, prev.cell))
            continue
        out.append(ln)
    return out


def block_lines(blocks: Iterable[Block]) -> list[Line]:
    """The lines of the given blocks, tables cell by cell (row by row)."""
    out: list[Line] = []
    for b in blocks:
        if b.kind in (FOOTNOTE, HEADER, FOOTER):
            continue
        if b.kind == TABLE and b.rows:
            for ri, row in enumerate(b.rows):
                for cell in row.cells:
                    for t, s in split_line(cell.text, cell.start):
                        out.append(Line(t, s, b.index, (ri, cell.col)))
            continue
        pos = b.start
        for raw in b.text.split("\n"):
            for t, s in split_line(raw, pos):
                out.append(Line(t, s, b.index))
            pos += len(raw) + 1
    return out


def is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# --- the number, the date, the type ---------------------------------------------
_NUMBER = P("mdt_number")
_NUMBER_CODES = re.compile(r"/\s*([^/]+?)\s*$")


def parse_number(line: Line) -> Optional[str]:
    """``Số: /BC -UBND`` -> ``/BC-UBND`` (the number as written, spaces removed)."""
    m = _NUMBER.match(line.match)
    if not m or "/" not in m.group(1):
        return None
    raw = line.text[m.start(1):m.end(1)]
    return re.sub(r"\s+", "", raw).rstrip(".-")


def number_codes(number: Optional[str]) -> list[str]:
    """The codes after the last ``/``, folded: ``12/2023/QĐ-UBND`` -> ``['qd', 'ubnd']``."""
    if not number:
        return []
    m = _NUMBER_CODES.search(number)
    if not m:
        return []
    return [fold(c).replace(".", "") for c in re.split(r"-", m.group(1)) if c.strip()]


def number_doc_type(number: Optional[str]) -> Optional[str]:
    codes = number_codes(number)
    if not codes:
        return None
    types = data()["number_types"]
    if codes[0] in types:
        return types[codes[0]]
    if codes[0] in data()["issuer_codes"]:
        return "cong_van"           # 345/UBND-NV: an official letter
    return None


def number_issuer(number: Optional[str]) -> Optional[str]:
    """The issuing body the number's codes name (a body id or a display name)."""
    codes = number_codes(number)
    issuers = data()["issuer_codes"]
    if codes and codes[0] not in data()["number_types"]:
        return issuers.get(codes[0])
    for c in codes[1:2]:
        if c in issuers:
            return issuers[c]
    return None


@dataclass
class DateLine:
    place: Optional[str]
    day: Optional[int]
    month: Optional[int]
    year: Optional[int]

    @property
    def iso(self) -> Optional[str]:
        if self.day and self.month and self.year:
            import datetime
            try:
                return datetime.date(self.year, self.month, self.day).isoformat()
            except ValueError:
                return None
        return None


_DATE = P("mdt_date")
_DATE_NUM = P("mdt_date_num")


def parse_date_line(line: Line) -> Optional[DateLine]:
    m = _DATE.match(line.match) or _DATE_NUM.match(line.match)
    if not m:
        return None
    place = line.text[m.start("place"):m.end("place")].strip(" ,-") if m.group("place") else None
    if place and (len(place.split()) > 8 or not place[0].isupper()):
        place = None

    def num(g: str) -> Optional[int]:
        return int(m.group(g)) if m.group(g) else None
    return DateLine(place or None, num("d"), num("m"), num("y"))


def type_of_line(line: Line) -> Optional[tuple[str, str]]:
    """(doc_type, the rest of the line) when the line is a type line in capitals
    (``BÁO CÁO``; ``BÁO CÁO TỔNG KẾT ...`` gives the rest as the title)."""
    f = fold(line.text)
    for key, code in data()["doc_types"].items():
        if f == key or (f.startswith(key + " ") and is_caps(line.text)):
            if not is_caps(line.text) and f != key:
                continue
            words = len(key.split())
            parts = line.text.split(None, words)
            return code, (parts[words] if len(parts) > words else "").strip()
    return None


# --- periods -------------------------------------------------------------------
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20)\d{2})"
_PERIODS = [
    ("range", re.compile(r"(?:giai đoạn|nhiệm kỳ|năm học|niên khóa|\d+ năm)?\s*\(?\s*" + _YEAR +
                         r"\s*-\s*" + _YEAR + r"\b")),
    ("H1", re.compile(r"(?:6|06|sáu) tháng đầu năm(?:\s*" + _YEAR + r")?")),
    ("H2", re.compile(r"(?:6|06|sáu) tháng cuối năm(?:\s*" + _YEAR + r")?")),
    ("9M", re.compile(r"(?:9|09|chín) tháng(?: đầu năm)?(?:\s*(?:năm\s*)?" + _YEAR + r")?")),
    ("Q", re.compile(r"quý\s*(iv|i{1,3}|[1-4])\b(?:\s*(?:năm\s*)?" + _YEAR + r")?")),
    ("Y", re.compile(r"năm\s*" + _YEAR + r"\b")),
]
_ANY_YEAR = re.compile(r"\b" + _YEAR + r"\b")


_LAW_NAME = P("mdt_law_name")


def find_period(text: str, default_year: Optional[int] = None) -> Optional[tuple[str, int]]:
    """The first period named in a piece of text, canonical, with its position:
    ``năm 2022`` -> 2022, ``giai đoạn 2015 - 2020`` -> 2015-2020, ``6 tháng đầu
    năm 2023`` -> 2023-H1 (the year may come later: ``6 tháng đầu năm và ...
    6 tháng cuối năm 2023``), ``quý III năm 2023`` -> 2023-Q3, ``9 tháng`` -> 2023-9M."""
    m_text = match_form(text)
    best: Optional[tuple[int, int, str]] = None
    for kind, rx in _PERIODS:
        for m in rx.finditer(m_text):
            if _LAW_NAME.search(m_text[max(0, m.start() - 60):m.start()]):
                continue  # "Luật Thi đua, khen thưởng năm 2022" names a law, not the period
            value = _period_value(kind, m, m_text, default_year)
            if value is None:
                continue
            cand = (m.start(), -(m.end() - m.start()), value)
            if best is None or cand[:2] < best[:2]:
                best = cand
            break
    return (best[2], best[0]) if best else None


def _period_value(kind: str, m: re.Match, text: str, default_year: Optional[int]) -> Optional[str]:
    if kind == "range":
        a, b = int(m.group(1)), int(m.group(2))
        return f"{a}-{b}" if a < b <= a + 10 else None
    if kind == "Y":
        return m.group(1)
    year_group = 2 if kind == "Q" else 1
    year = m.group(year_group)
    if not year:
        later = _ANY_YEAR.search(text, m.end())
        year = later.group(1) if later else (str(default_year) if default_year else None)
    if not year:
        return None
    if kind == "Q":
        q = m.group(1)
        return f"{year}-Q{_ROMAN.get(q, q)}"
    return f"{year}-{kind}"


# --- bodies ---------------------------------------------------------------------
@dataclass
class BodyRef:
    """An issuing body named in a line: ``UBND HUYỆN TRÙNG KHÁNH``,
    ``Sở Nội vụ``, ``CỤM THI ĐUA SỐ 02``."""

    id: str                             # an id of [[bodies]] in metadata.toml
    name: str                           # display name without place: "UBND", "Sở Nội vụ", "Cụm thi đua số 2"
    place: Optional[gz.PlaceMention]    # the place written with it
    start: int                          # offsets in the parsed string
    end: int
    takes_place: bool = True

    def with_place(self, place_text: Optional[str] = None) -> str:
        p = place_text or (format_place(self.place) if self.place else None)
        return f"{self.name} {p}" if p and self.takes_place else self.name


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[re.Pattern, str]]:
    out = []
    for short, full in data().get("abbreviations", {}).items():
        out.append((re.compile(r"(?<![^\W_])" + re.escape(short) + r"(?![^\W_])", re.I), full))
    return out


def _spell_out(text: str) -> str:
    """'HỘI LHPN TỈNH' -> 'HỘI LIÊN HIỆP PHỤ NỮ TỈNH' (capitals kept in a capitalised line)."""
    caps = is_caps(text)
    for rx, full in _abbreviations():
        if rx.search(text):
            text = rx.sub(full.upper() if caps else full, text)
    return text


@lru_cache(maxsize=1)
def _body_patterns() -> list[tuple[dict, re.Pattern]]:
    return [(b, re.compile(r"(?<![^\W_])(?:" + b["pattern"] + r")(?![^\W_])")) for b in data()["bodies"]]


def _title_word(w: str) -> str:
    return w[:1].upper() + w[1:].lower() if w else w


def component_case(words: str, source_caps: bool) -> str:
    """A body's name in the usual case: each component (after ``và``, ``,``,
    ``-``) starts with a capital: ``GIÁO DỤC VÀ ĐÀO TẠO`` -> ``Giáo dục và Đào
    tạo``; text written in mixed case is kept as written."""
    if not source_caps:
        return words.strip()
    acr = set(data()["acronyms"]["words"])
    schools = set(data()["acronyms"]["schools"])
    out, cap_next, proper = [], True, False
    for tok in re.findall(r"[^\s,\-–]+|[,\-–]", words):
        if proper:                     # a school's name: "THCS NGUYỄN TRÃI" -> "THCS Nguyễn Trãi"
            out.append(tok if tok in (",", "-", "–") or tok in acr else _title_word(tok))
            continue
        if tok in schools:
            out.append(tok)
            proper = True
            continue
        if tok in (",", "-", "–"):
            out.append(tok)
            cap_next = True
            continue
        if tok in acr or not re.search(r"[AEIOUYĂÂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]", tok):
            out.append(tok)
        elif tok.lower() == "và":
            out.append("và")
            cap_next = True
            continue
        else:
            out.append(_title_word(tok) if cap_next else tok.lower())
        cap_next = False
    s = " ".join(out)
    return re.sub(r"\s+,", ",", s)


def business_case(words: str) -> str:
    """A company's name written in capitals, in the usual case: common words take
    one capital, proper names one on each syllable: ``CỔ PHẦN CHẾ BIẾN THUỶ SẢN
    SÔNG ĐỐC`` -> ``Cổ phần Chế biến Thuỷ sản Sông Đốc``."""
    acr = set(data()["acronyms"]["words"])
    common = sorted((w.split() for w in data()["acronyms"].get("business_words", [])), key=len, reverse=True)
    syl = words.split()
    low = [match_form(w) for w in syl]
    out, i = [], 0
    while i < len(syl):
        for c in common:
            if low[i:i + len(c)] == [match_form(x) for x in c]:
                part = [w.lower() for w in syl[i:i + len(c)]]
                out.append("và" if c == ["và"] else " ".join([_title_word(part[0])] + part[1:]))
                i += len(c)
                break
        else:
            out.append(syl[i] if syl[i] in acr or syl[i].upper() == "TNHH" else _title_word(syl[i]))
            i += 1
    return " ".join(out)


_PLACE_PREFIX = {"h.": "huyện", "tp.": "thành phố", "tp": "thành phố", "tx.": "thị xã", "tx": "thị xã",
                 "tt.": "thị trấn", "q.": "quận", "p.": "phường"}


def place_name(mention: gz.PlaceMention) -> str:
    """The mention's name as the gazetteer spells it (``TRÙNG KHÁNH``,
    ``Trùng khánh`` -> ``Trùng Khánh``; ``Thanh Hoá`` -> ``Thanh Hóa``)."""
    written = match_form(mention.name)
    for u in mention.units:
        if match_form(u.name) == written or (mention.name.isascii() and gz.name_key(u.name) == mention.key):
            return u.name
    return mention.name.title() if is_caps(mention.name) else mention.name


def format_place(mention: gz.PlaceMention) -> str:
    prefix = re.sub(r"\s+", " ", mention.prefix.lower())
    prefix = _PLACE_PREFIX.get(prefix, prefix)
    return f"{prefix} {place_name(mention)}".strip()


_RUN_STOP = P("mdt_run_stop")


def parse_bodies(text: str, running: bool = False) -> list[BodyRef]:
    """The bodies named in a line, in order: ``UBND TỈNH CAO BẰNG SỞ NỘI VỤ`` ->
    [UBND (tỉnh Cao Bằng), Sở Nội vụ].  In a header or signature line a name
    runs to the next body or place; in running text (``running``) the keyword
    must be capitalised and the name stops at punctuation or a verb
    (``Cụm thi đua số 2 báo cáo ...``)."""
    if not running:
        text = _spell_out(text)   # header and signature lines: offsets are not used
    m_text = match_form(text)
    found: list[tuple[int, int, dict]] = []
    for body, rx in _body_patterns():
        for m in rx.finditer(m_text):
            if running and not (text[m.start()].isupper()):
                continue
            found.append((m.start(), m.end(), body))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, dict]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        kept.append(f)
    out: list[BodyRef] = []
    for i, (s, e, body) in enumerate(kept):
        seg_end = kept[i + 1][0] if i + 1 < len(kept) else len(text)
        if running:
            stop = _RUN_STOP.search(m_text, e, seg_end)
            seg_end = stop.start() if stop else seg_end
        segment = text[s:seg_end]
        proper = match_form(text[s:e]) in data()["acronyms"].get("proper_bodies", [])
        # a company's name is a proper name: a place in it ("... Sông Đốc") is part of it
        places = [] if proper else [p for p in gz.find_places(segment) if p.start >= e - s]
        place = places[0] if places else None
        name_end = place.start if place else len(segment)
        rest = segment[e - s:name_end].strip(" ,.;:-–")
        if running and place is None and body["display"] and body["id"] not in ("cum", "khoi"):
            rest = ""
        if running and body["id"] in ("cum", "khoi"):
            num = re.match(r"\s*(số\s*\d+)", match_form(segment[e - s:]))
            rest = segment[e - s:e - s + num.end()].strip() if num else ""
            place = None
        if running and len(rest.split()) > 8:
            continue
        caps = is_caps(segment)
        if body["display"]:
            name = body["display"]
            if body["id"] in ("cum", "khoi") and rest:
                if caps:       # "CÁC CƠ QUAN ĐẢNG, ĐOÀN THỂ" -> "các cơ quan đảng, đoàn thể"
                    acr = set(data()["acronyms"]["words"])
                    rest = " ".join(w if w in acr else w.lower() for w in rest.split())
                rest = re.sub(r"(?i)^số\s*0*(\d+)", r"số \1", rest)
                name = f"{name} {rest}"
        else:
            kw = segment[: e - s]
            name = _title_word(kw) if caps or kw[:1].islower() else kw
            if rest and proper and caps:
                name = f"{name} {business_case(rest)}"
            elif rest:
                name = f"{name} {component_case(rest, caps)}"
        end = s + (place.end if place else e - s + len(segment[e - s:name_end].rstrip(" ,.;:-–")))
        if not running:
            name = _full_form_case(name)
        out.append(BodyRef(body["id"], name.strip(), place, s, end, bool(body["place"])))
    return out


def _full_form_case(name: str) -> str:
    """A spelled-out organisation keeps its own capitals: 'Hội liên hiệp phụ nữ' -> 'Hội Liên hiệp Phụ nữ'."""
    for full in data().get("abbreviations", {}).values():
        name = re.sub(re.escape(full), full, name, flags=re.I)
    return name


# --- the signer ------------------------------------------------------------------
_SIGNED = P("mdt_signed")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’]*$")


@lru_cache(maxsize=1)
def _surnames() -> set[str]:
    return {s.lower() for s in data()["names"]["surnames"]}


def person_name(text: str) -> Optional[str]:
    """The signer's name at the end of a line (``Mai Hồng Cường``; ``CHỦ TỊCH
    Nông Văn Bộ`` -> ``Nông Văn Bộ``; ``NÔNG VĂN BỘ`` -> ``Nông Văn Bộ``), or None."""
    t = _SIGNED.sub(" ", text)
    t = re.sub(r"^(?:đ/c|ông|bà)\s+", "", t.strip(), flags=re.IGNORECASE)
    words = t.replace(",", " ").split()
    if not words or any(not _NAME_WORD.match(w) for w in words[-2:]):
        return None
    # a trailing run of Title-case words (not capitals) is the name
    run: list[str] = []
    for w in reversed(words):
        if _NAME_WORD.match(w) and w[0].isupper() and not (len(w) > 1 and w.isupper()):
            run.insert(0, w)
        else:
            break
    if 2 <= len(run) <= 5:
        return " ".join(run)
    if run:
        return None
    # everything in capitals: the name starts at a family name, after the titles
    # ("CHỦ TỊCH NÔNG VĂN BỘ"), never after a place prefix ("UBND XÃ HÀ VINH")
    tail = [w for w in words if _NAME_WORD.match(w)]
    for i in range(max(0, len(tail) - 5), len(tail) - 1):
        cand = tail[i:]
        low = [w.lower() for w in cand]
        before = fold(" ".join(tail[max(0, i - 2):i]))
        if re.search(r"(?:^|\s)(?:xa|huyen|tinh|phuong|quan|thi tran|thanh pho|thi xa|so|ubnd|cum|khoi)$", before):
            continue
        if low[0] not in _surnames() or any(w in _TITLE_SYLLABLES for w in low[1:]):
            continue
        return " ".join(_title_word(w) for w in cand)
    return None


_TITLE_SYLLABLES = {"chủ", "tịch", "phó", "giám", "đốc", "trưởng", "phòng", "ban", "cụm", "khối", "chánh",
                    "nhiệm", "ủy", "uỷ", "tm", "kt", "ubnd", "huyện", "tỉnh", "xã", "phường", "sở"}


@lru_cache(maxsize=1)
def _titles_re() -> re.Pattern:
    titles = sorted(data()["signature"]["titles"], key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in titles) + r")(?![^\W_])")


def signature_title(text: str) -> Optional[str]:
    """The first title a signature line states (``chủ tịch``, ``giám đốc`` ...)."""
    m = _titles_re().search(match_form(text))
    return m.group(0) if m else None


def title_start(text: str) -> int:
    """Where the first title starts in a line (its length when none)."""
    m = _titles_re().search(match_form(text))
    return m.start() if m else len(text)


_ANCHOR = P("mdt_anchor")


def anchor_body(line: Line) -> Optional[str]:
    """``TM. ỦY BAN NHÂN DÂN`` -> ``ỦY BAN NHÂN DÂN`` (what the signer signs for)."""
    m = _ANCHOR.match(line.match)
    return line.text[m.end():].strip() if m else None
