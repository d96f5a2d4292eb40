"""Named honorees: collectives and people commended, from

* parentheses after a count: ``01 tập thể được tặng danh hiệu Cờ thi đua của
  Chính phủ (Trường THCS thị trấn Trùng Khánh)`` — split into as many names as
  the count says (commas inside a name such as ``Đảng bộ, chính quyền và Nhân
  dân xã Quang Hán`` stay);
* lists under a cue (``* Về Tập thể:``, ``Cá nhân:``, ``... gồm:``): numbered or
  bulleted lines, and the rows of a table right after the cue
  (``1. Đ/c Mai Thị Phụng | - PBT.TTĐU-CT.HĐND xã Hà Giang``);
* tables whose header names them (``Họ và tên | Chức vụ, đơn vị``, ``Tên tập thể``).

Whether an entry is a person is decided by its cue, a title (``Đ/c``, ``ông``,
``bà``), or — when neither says — underthesea's named-entity tagger.
"""
from __future__ import annotations

import re

import regex
from functools import lru_cache
from typing import Optional

from pipeline.model import HEADING, TABLE, Block, Honoree
from pipeline.normalize import fold

from .analysis import Analysis
from .awards import Item
from .catalog import award_mentions, resolve_level
from .lexicon import P

_CUE = P("hon_cue")
# "1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể dẫn đầu phong trào thi đua năm 2024:"
_COUNT_CUE = P("hon_count_cue")
_LIST_CUE = P("hon_list_cue")
_ENTRY = P("hon_entry")
_PERSON = regex.compile(r"^(?P<name>\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*){1,4})\s*(?:[,–-]\s*(?P<pos>.+))?$", regex.V1)
_COLON_NAMES = re.compile(r"[^:;.()]{0,80}:\s*(?P<names>[^:]+?)\s*\.?\s*$")
# "cho một tập thể là Ủy ban nhân dân xã Ngọc Wang, đã có ..."; "cho 01 cá nhân là bà Y Thị Hoa, Hiệu trưởng ..."
_LA_NAME = P("hon_la_name")
# "cho 02 đơn vị xuất sắc là Sở Tài chính và Thanh tra tỉnh"
_LA_LIST = P("hon_la_list")
_REFERS_BACK = P("hon_list_refers_back")
_AFTER_BRACKET = regex.compile(r"(?<=\))\s*,\s*")      # "A (x), B (y)": a comma after a bracket parts two names
# "Trưởng phòng Giống cây trồng và bà Đỗ Thị Thanh Mai, Phó Chánh Văn phòng Cục": a second person
_AND_PERSON = P("hon_and_person")
_NAME_START = P("hon_name_start")
# "Trường THPT Nguyễn Gia Thiều vinh dự được Chủ tịch nước tặng thưởng Huân chương ..." (a clause opening with the honoree)
_PASSIVE = P("hon_passive")
_PASSED_ON = P("hon_passive_passed_on")
_AWARD_FOR_NAMED = P("hon_award_for_named")
_CHO_NAME = P("hon_cho_name")
_CHO_MORE = P("hon_cho_more")
_TITLE = P("hon_title")
_TRAILING_PLACE = regex.compile(r"\s*\([^()]*\)$")
_DASH_DESCRIPTION = regex.compile(r"\s+[-–]\s+(?=\p{Ll})")
_SPLIT_POS = P("hon_split_pos")
_H_NAME = P("hon_h_name")
_H_POS = P("hon_h_pos")


@lru_cache(maxsize=2048)
def _is_person(name: str) -> bool:
    """Does this name read as a person's?  (underthesea NER, cached.)"""
    words = name.split()
    if not (2 <= len(words) <= 5) or not all(w[:1].isupper() for w in words):
        return False
    try:
        from underthesea import ner
        tags = ner(name)
    except Exception:  # pragma: no cover - NER unavailable: fall back to the shape
        return True
    return bool(tags) and tags[0][3] == "B-PER"


def _split_names(content: str, n: Optional[int]) -> list[tuple[str, int]]:
    """(name, offset in content) parts: split on ',' and ';', merging parts that
    start in lower case into the previous one."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for piece in re.split(r"([,;])", content):
        if piece in (",", ";"):
            pos += 1
            continue
        stripped = piece.strip()
        off = pos + (len(piece) - len(piece.lstrip()))
        pos += len(piece)
        if not stripped:
            continue
        titled = _TITLE.match(stripped) is not None      # "cô Nguyễn Thị Thu Hiền": a new person
        if parts and ((stripped[0].islower() and not titled) or (n is not None and len(parts) >= n)):
            prev, poff = parts[-1]
            parts[-1] = (content[poff:off + len(stripped)], poff)
        else:
            parts.append((stripped, off))
    return parts


def _clean(name: str) -> str:
    name = _TITLE.sub("", name.strip())
    # "Lương Thị Mơ (xã Tân Hội)": the place in brackets after a name is not part of it
    name = _TRAILING_PLACE.sub("", name.strip(" .;,:\""))
    # "LĐLĐ tỉnh Thanh Hóa - dẫn đầu Cụm Thi đua 6": what it did is not its name
    name = _DASH_DESCRIPTION.split(name, maxsplit=1)[0]
    return name.strip(" .;,:\"")


def from_parentheses(an: Analysis, items: list[Item]) -> None:
    text = an.doc.text
    for it in items:
        f = it.fact
        if f is None or f.metric != "award.count" or it.recipient not in ("tap_the", "ca_nhan"):
            continue
        anchor = max(it.end, it.award.end if it.award is not None and it.award.start > it.num.start else 0)
        m = re.match(r"\s{0,2}\(", text[anchor:anchor + 4])
        if not m:
            continue
        start = anchor + m.end()
        depth, end = 1, start
        while end < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        content = text[start:end - 1]
        if re.match(r"\s*(?:trong đó|gồm|có danh sách|danh sách)", content, re.I) or not content.strip():
            continue
        if "%" in content or re.search(r"\b(?:bằng|chiếm|đạt|tăng|giảm|so với|theo quy)\b", content, re.I):
            continue  # a remark about the figures, not names
        n = int(f.value) if f.value and f.value == int(f.value) else None
        for name, off in _split_names(content, n):
            nm = _clean(name)
            if len(nm) < 4 or not nm[0].isupper():
                continue
            position = None
            if it.recipient == "ca_nhan" and "," in nm:
                # "01 cá nhân (ông Hoàng Văn Thịnh, nguyên Chủ tịch Hội Nông dân huyện)": the person, then the position
                nm, position = (x.strip() for x in nm.split(",", 1))
            an.honorees.append(Honoree(name=nm, recipient=it.recipient, text=f.text, char_start=start + off,
                                       char_end=start + off + len(name), rule="hon.parenthesis",
                                       award=f.award, period=f.period, page=f.page, position=position or None))


def from_sentences(an: Analysis, items: list[Item]) -> None:
    """'... cho 02 tập thể dẫn đầu khối thi đua của huyện: UBND xã Thanh Sơn; Trường Tiểu học ...'
    and 'Thủ tướng Chính phủ tặng 01 Bằng khen cho tập thể Trường ...'."""
    text = an.doc.text
    for it in items:
        f = it.fact
        if f is None or f.metric != "award.count":
            continue
        anchor = max(it.end, it.award.end if it.award is not None and it.award.start > it.num.start else 0)
        block = an.doc.blocks[f.block_index] if f.block_index is not None else None
        if block is None:
            continue
        m = _LA_NAME.match(text, anchor, block.end)
        if m and it.recipient in ("tap_the", "ca_nhan") and f.value == 1:
            name = _clean(m.group("name"))
            if len(name) >= 4:
                an.honorees.append(Honoree(name=name, recipient=it.recipient, text=f.text,
                                           char_start=m.start("name"), char_end=m.end("name"), rule="hon.la",
                                           position=(m.group("pos") or None), award=f.award, period=f.period,
                                           page=f.page))
                continue
        n = int(f.value) if f.value == int(f.value) else None
        m = _LA_LIST.match(text, anchor, block.end)
        if m and it.recipient in ("tap_the", "ca_nhan") and n is not None and 2 <= n <= 12:
            names = m.group("names")
            pieces = [(x.group(), m.start("names") + x.start()) for x in regex.finditer(r"[^,]+", names)]
            if pieces and " và " in pieces[-1][0]:
                last, off = pieces.pop()
                k = last.index(" và ")
                pieces += [(last[:k], off), (last[k + 4:], off + k + 4)]
            pieces = [(p.strip(), off + len(p) - len(p.lstrip())) for p, off in pieces if p.strip()]
            if len(pieces) == n and all(p[:1].isupper() for p, _ in pieces):
                for p, off in pieces:
                    an.honorees.append(Honoree(name=_clean(p), recipient=it.recipient, text=f.text, char_start=off,
                                               char_end=off + len(p), rule="hon.la_list", award=f.award,
                                               period=f.period, page=f.page))
                continue
        m = _CHO_NAME.match(text, anchor, block.end)
        if m and it.recipient in (None, "tap_the", "ca_nhan"):
            for m in _cho_names(text, m, block.end):
                rec = "tap_the" if m.group("r") == "tập thể" else "ca_nhan"
                an.honorees.append(Honoree(name=_clean(m.group("name")), recipient=rec, text=f.text,
                                           char_start=m.start("name"),
                                           char_end=m.start("name") + len(m.group("name").rstrip()),
                                           rule="hon.cho", award=f.award, period=f.period, page=f.page))
            continue
        if it.recipient not in ("tap_the", "ca_nhan", "mixed"):
            continue
        end = text.find("\n", anchor, block.end)
        end = block.end if end < 0 else end
        m = _COLON_NAMES.match(text, anchor, end) or _REFERS_BACK.match(text, anchor, end)
        if not m or not m.group("names").strip():
            continue
        names_text = m.group("names")
        sep = ";" if ";" in names_text else ","
        n = int(f.value) if f.value == int(f.value) else None
        parts = [p for p in names_text.split(sep) if p.strip()]
        if n is not None and len(parts) == n - 1 and " và " in parts[-1]:
            last = parts.pop()
            parts += last.split(" và ", 1)          # "gồm: A và B"
        cut = regex.search(r"(?:\.\.|…)\s*$", names_text) is not None    # "A; B (x), C (y)...": a list cut short
        if cut:
            parts = [q for p in parts for q in _AFTER_BRACKET.split(p) if q.strip()]
            parts[-1] = parts[-1].rstrip().rstrip(".…")
        if not _list_fits(it.recipient, sep, n, len(parts), cut):
            continue
        off = m.start("names")
        for p in parts:
            start = text.find(p.strip(), off)
            off = start + len(p.strip())
            nm = _clean(p)
            if len(nm) >= 4 and nm[0].isupper():
                rec = it.recipient if it.recipient != "mixed" else ("ca_nhan" if _is_person(nm) else "tap_the")
                an.honorees.append(Honoree(name=nm, recipient=rec, text=f.text, char_start=start,
                                           char_end=off, rule="hon.colon_list", award=f.award, period=f.period,
                                           page=f.page))


def _list_fits(recipient: Optional[str], sep: str, n: Optional[int], k: int, cut: bool) -> bool:
    """Does a list of k names after a count of n read as its recipients?  The count's own number of
    names, or fewer when the list is cut short; for 'N tập thể, cá nhân gồm: A; B; C' (a mixed count,
    the collectives often listed apart from the people) any two or more ';' items up to N."""
    if n is None:
        return recipient != "mixed"
    if recipient == "mixed":
        return sep == ";" and 2 <= k <= n
    return k == n or (cut and 2 <= k < n)


def _cho_names(text: str, first, end: int) -> list:
    """'cho tập thể Tổ nhân dân tự quản số 4, ấp Thống Nhất, xã Bình Phú, tập thể Tổ ... số 11 ... và cá nhân
    ông Võ Minh Phong': the first name and every one after it that says its kind again, in the sentence."""
    out = [first]
    stop = text.find(".", first.end(), end)
    stop = end if stop < 0 else stop
    out += list(_CHO_MORE.finditer(text, first.end(), stop))
    return out


def _entry_honoree(an: Analysis, raw: str, start: int, recipient: Optional[str], award: Optional[str],
                   period: Optional[str], rule: str, page: Optional[int], position: Optional[str] = None):
    entry = raw.strip()
    titled = bool(_TITLE.match(entry))
    body = _TITLE.sub("", entry)
    name, pos = body, position
    if recipient != "tap_the":
        pm = _PERSON.match(body.strip().rstrip(";.")) if pos is None else None
        if pm and (recipient == "ca_nhan" or titled):
            name, pos = pm.group("name"), pm.group("pos")
        else:
            parts = _SPLIT_POS.split(body, maxsplit=1) if pos is None else [body]
            if len(parts) == 2:
                name, pos = parts[0], parts[1]
    name = _clean(name)
    if not name or len(name) < 3:
        return
    if recipient is None:
        recipient = "ca_nhan" if titled or _is_person(name) else "tap_the"
    if pos:
        pos = re.sub(r"^[-–\s]+", "", pos).strip(" .;")
    an.honorees.append(Honoree(name=name, recipient=recipient, text=an.doc.text[start:start + len(raw)],
                               char_start=start + (len(raw) - len(raw.lstrip())), char_end=start + len(raw),
                               rule=rule, position=pos or None, award=award, period=period, page=page))


def from_lists(an: Analysis) -> None:
    blocks = an.doc.blocks
    mt = an.doc.match_text
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == TABLE:
            _from_table(an, b)
            i += 1
            continue
        cue_text = mt[b.start:b.end]
        m = _CUE.match(cue_text) or _COUNT_CUE.search(cue_text)
        if not m and not (_LIST_CUE.search(cue_text) and "khen thưởng" in cue_text):
            i += 1
            continue
        recipient = None
        if m:
            recipient = {"tập thể": "tap_the", "cá nhân": "ca_nhan"}[m.group("r")]
        award = _award_near(an, b)
        period = an.meta.period
        j = i + 1
        marker = None
        while j < len(blocks):
            nb = blocks[j]
            if nb.kind == TABLE:
                _table_entries(an, nb, recipient, award, period)
                j += 1
                continue
            e = _ENTRY.match(nb.text)
            if not e or len(nb.text) > 160 or _CUE.match(mt[nb.start:nb.end]) or nb.text.rstrip().endswith(":"):
                break
            kind = "number" if nb.text.lstrip()[:1].isdigit() else "bullet"
            if marker is not None and kind != marker:
                break       # "- A;", "- B." then "3. Tặng Bằng khen ...": the next point, not an entry
            marker = kind
            if recipient is None and (re.search(r"\b(?:được|đã|đạt|thực hiện|bằng|chiếm)\b", e.group("e"))
                                      or re.search(r"\d", e.group("e"))
                                      or not (_NAME_START.match(e.group("e")) or _is_person(_clean(e.group("e"))))):
                break
            _entry_honoree(an, e.group("e"), nb.start + e.start("e"), recipient, award, period,
                           "hon.list", nb.page)
            j += 1
        i = max(j, i + 1)


def _award_near(an: Analysis, b: Block) -> Optional[str]:
    """The award named in the cue block, or in the nearest block before it that names one
    (the lead of a list: "Điều 1. Tặng Giấy khen ... gồm:" over "1. Tập thể: ..." and "2. Cá nhân: ...")."""
    for i in range(b.index, max(-1, b.index - 12), -1):
        blk = an.doc.blocks[i]
        if blk.kind == TABLE:
            continue
        if i < b.index and blk.kind == HEADING and (blk.level or 9) <= 2:
            break
        ms = award_mentions(an.doc.match_text[blk.start:blk.end], blk.start)
        ms = [x for x in ms if x.entry.id != "aw.dien_hinh_tien_tien"]
        if ms:
            resolve_level(ms[-1], an.doc.match_text[blk.start:ms[-1].start], [])
            return ms[-1].code
    return None


def _table_entries(an: Analysis, b: Block, recipient: Optional[str], award: Optional[str],
                   period: Optional[str]) -> None:
    """Rows of a table right after a cue: name in the first text cell, position in the next."""
    rows = b.rows or []
    cells = [c for r in (rows[1:] if len(rows) > 1 else rows) for c in r.cells[1:] if c.text.strip()]
    numeric = sum(1 for c in cells if re.fullmatch(r"[\d.,%\s-]+", c.text.strip()))
    if cells and numeric > len(cells) / 3:
        return  # a table of figures, not of names
    for row in rows:
        texts = [c for c in row.cells if c.text.strip() and not re.fullmatch(r"\d{1,3}\.?", c.text.strip())]
        if not texts:
            continue
        first = texts[0]
        e = _ENTRY.match(first.text)
        raw = e.group("e") if e else first.text
        start = first.start + (e.start("e") if e else 0)
        pos = texts[1].text if len(texts) > 1 else None
        _entry_honoree(an, raw, start, recipient, award, period, "hon.cue_table", b.page, position=pos)


def _from_table(an: Analysis, b: Block) -> None:
    """A table whose header names honorees: 'Họ và tên | Chức vụ' or 'Tên tập thể'."""
    if not b.rows or len(b.rows) < 2:
        return
    header = [an.doc.match_text[c.start:c.end] for c in b.rows[0].cells]
    name_col = next((i for i, h in enumerate(header) if _H_NAME.search(h)), None)
    if name_col is None:
        return
    pos_col = next((i for i, h in enumerate(header) if _H_POS.search(h) and i != name_col), None)
    recipient = "ca_nhan" if "họ" in header[name_col] or "cá nhân" in header[name_col] else "tap_the"
    award = _award_near(an, an.doc.blocks[b.index - 1]) if b.index else None
    for row in b.rows[1:]:
        if name_col >= len(row.cells):
            continue
        c = row.cells[name_col]
        if not c.text.strip():
            continue
        pos = row.cells[pos_col].text if pos_col is not None and pos_col < len(row.cells) else None
        _entry_honoree(an, c.text, c.start, recipient, award, an.meta.period, "hon.table", b.page, position=pos)


def from_passives(an: Analysis) -> None:
    """Clauses that open with the honoree: 'Phòng Cây công nghiệp và cây ăn quả được Chủ tịch nước
    tặng thưởng Huân chương Lao động hạng Ba', '... ông Nguyễn Văn Sáu, hội viên ..., được ... tặng
    Bằng khen'."""
    text, mt = an.doc.text, an.doc.match_text
    for sent in an.sentences:
        if sent.in_closing or "được" not in sent.mtext:
            continue
        starts = [sent.start] + [sent.start + i + 1 for i, ch in enumerate(sent.text) if ch == ";"]
        for cs in starts:
            while cs < sent.end and text[cs] in " -+•*":
                cs += 1
            m = _PASSIVE.match(text, cs, sent.end)
            if not m:
                continue
            ms = [x for x in award_mentions(mt[m.end():min(sent.end, m.end() + 90)], m.end())
                  if x.entry.id != "aw.dien_hinh_tien_tien"]
            if not ms:
                continue
            award = ms[0]
            if _PASSED_ON.match(mt, award.end, sent.end):
                continue    # "... được Chủ tịch UBND tỉnh tặng Cờ thi đua cho 02 tập thể": given to others
            if award.needs_level:
                resolve_level(award, mt[sent.block.start:award.start], [])
            name = _clean(m.group("name"))
            titled = bool(_TITLE.match(m.group("name")))
            recipient = "ca_nhan" if titled else "tap_the"
            period = an.period(sent, m.start("name"))
            pos = (m.group("pos") or "").strip() or None
            second = _AND_PERSON.match(pos) if pos and titled else None
            if second:
                pos = second.group("pos1").strip() or None
            an.honorees.append(Honoree(name=name, recipient=recipient, text=sent.text, char_start=m.start("name"),
                                       char_end=m.end("name"), rule="hon.passive", position=pos,
                                       award=award.code, period=period, page=sent.block.page))
            if second:
                at = m.start("pos") + second.start("name")
                an.honorees.append(Honoree(name=second.group("name"), recipient="ca_nhan", text=sent.text,
                                           char_start=at, char_end=at + len(second.group("name")),
                                           rule="hon.passive", position=(second.group("pos2") or "").strip() or None,
                                           award=award.code, period=period, page=sent.block.page))


def from_awards_for_named(an: Analysis) -> None:
    """A collective named without a count after the award given it ('báo cáo về danh hiệu Cờ thi đua của
    UBND tỉnh về thành tích ... cho huyện Trấn Yên'): an honoree of that award."""
    text, mt = an.doc.text, an.doc.match_text
    for sent in an.sentences:
        if sent.in_closing or " cho " not in sent.mtext:
            continue
        for award in award_mentions(sent.mtext, sent.start):
            if award.entry.id == "aw.dien_hinh_tien_tien":
                continue
            m = _AWARD_FOR_NAMED.match(text, award.end, sent.end)
            if m is None or award_mentions(mt[award.end:m.start("name")], award.end):
                continue    # another award between names its own recipients
            if award.needs_level:
                resolve_level(award, mt[sent.block.start:award.start], [])
            name = _clean(m.group("name"))
            an.honorees.append(Honoree(name=name, recipient="tap_the", text=sent.text, char_start=m.start("name"),
                                       char_end=m.start("name") + len(m.group("name")), rule="hon.award_for_named",
                                       award=award.code, period=an.period(sent, m.start("name")),
                                       page=sent.block.page))


def extract_honorees(an: Analysis, items: list[Item]) -> None:
    from .honoree_clauses import extract_clause_honorees
    from_parentheses(an, items)
    from_sentences(an, items)
    from_passives(an)
    from_lists(an)
    extract_clause_honorees(an)
    from_awards_for_named(an)
    # one entry per (name, award, period): a list may repeat what a parenthesis said, an article
    # what its headline said ('Trường THCS A vinh dự nhận Huân chương ...' over '... Trường THCS A được tặng ...')
    seen, out = set(), []
    for h in an.honorees:
        key = (fold(h.name), h.award, h.period)
        if key not in seen:
            seen.add(key)
            out.append(h)
    an.honorees[:] = out
