"""Honorees named in the clauses around an award, with or without a count:

* **given to**: the names after an award and what joins them to it — ``Trao
  Huân chương Lao động hạng Nhất cho đồng chí Nguyễn Xuân Sơn - nguyên Phó Bí
  thư ...``, ``đề nghị UBND tỉnh tặng Bằng khen: Hội Nhà báo, Hội Khuyến học và
  Liên minh Hợp tác xã tỉnh``, ``3 tập thể nhận Cờ thi đua Chính phủ gồm
  Trường Mầm non Sơn Ca (huyện Đức Huệ), Trường ...``;
* **received by**: a name opening a clause, then a receiving verb and the
  award — ``Hội Nhà báo nhận Cờ thi đua UBND tỉnh``, ``tập thể Trường THCS
  Trần Hưng Đạo vinh dự được Chủ tịch nước trao tặng Huân chương ...``;
* **listed after**: ``Các Mẹ gồm: Mẹ Hoàng Thị Xuân, sinh năm 1897, ...; Mẹ
  Hoàng Thị Rong, ...``, ``Đó là: Ông Ngọ Đình Hải, Chủ tịch UBND huyện ...;
  Ông ...`` after a sentence naming the award.

A name is a collective when it opens with a body word (``{org_start}`` in
``rules/lexicon/words.toml``), a person when a title stands before it
(``{honorific}``); the person's position is what follows after ``-`` or ``,``.
"""
from __future__ import annotations

from dataclasses import dataclass

from typing import Optional

import regex

from pipeline.model import HEADING, TABLE, Honoree

from .analysis import Analysis
from .catalog import AwardMention, award_mentions
from .lexicon import P, word_set
from .subjects import place_after_prefix
from .text import Sentence

_ORG = P("hon_org_name")
_PERSON = P("hon_person_name")
_POS = P("hon_person_pos")
_GIVE = P("hon_give_lead")
_RECEIVE = P("hon_receive")
_LIST_LEAD = P("hon_list_lead")
_KIND_LIST_LEAD = P("hon_kind_list_lead")
_LIST_CUT = P("hon_list_cut")
_SEP = P("hon_name_sep")
_BARE_PERSON = P("hon_bare_person")
_CLAUSE_OPEN = P("hon_clause_open")
# every award names its honorees, the 'điển hình tiên tiến' honoured at a congress too
_SKIP_AWARDS: set[str] = set()
_ITEM_LINE = P("hon_item_line")
_BULLET = P("hon_bullet")
_TRAILING_BRACKET = P("hon_trailing_bracket")
_PLACE_TAIL = P("hon_place_tail")
_COMMUNE_TAIL = P("hon_commune_tail")
_NAMES_COMMUNE = P("hon_names_commune")
_PLURAL_TITLE = P("hon_plural_title")
_KIND_WORD = P("hon_kind_before_title")
_CHILD_OF = P("hon_child_of")
_TITLE_THEN_NAME = P("hon_title_then_name")
_MOTHER = P("hon_mother_named")
_MOTHER_NEXT = P("hon_mother_list_next")
_MOTHERS_PLURAL = P("hon_mothers_plural")
_POSITION_NAME = P("hon_position_then_name")
_MOTHERS_AWARD = "aw.ba_me_viet_nam_anh_hung"


class _Name:
    __slots__ = ("name", "start", "end", "recipient", "position")

    def __init__(self, name: str, start: int, end: int, recipient: str, position: Optional[str] = None):
        self.name, self.start, self.end, self.recipient, self.position = name, start, end, recipient, position


def _name_at(text: str, pos: int, limit: int, bare_person: bool = False) -> Optional[_Name]:
    if (k := _KIND_WORD.match(text, pos, limit)) is not None:
        pos = k.end()       # "Cá nhân ông Bùi Vĩnh Kiên, ...": the kind named before a titled person
    p = _PERSON.match(text, pos, limit) or (_BARE_PERSON.match(text, pos, limit) if bare_person else None)
    if p and (kin := _CHILD_OF.match(text, p.end(), limit)) is not None:
        # "cho ông Nguyễn Kim Châu là con của mẹ Nguyễn Thị Cháu (...)": the mother is the one honoured
        return _Name(kin.group("name"), kin.start("name"), kin.end("name"), "ca_nhan")
    if p:
        end = p.end()
        position = None
        q = _POS.match(text, end, limit)
        if q:
            position, end = q.group("pos").strip(" ,.") or None, q.end()
        return _Name(p.group("name"), p.start("name"), end, "ca_nhan", position)
    if (pn := _POSITION_NAME.match(text, pos, limit)) is not None:
        # "cho Giám đốc BV ... Trịnh Đình Hải": the position, then the name without a title
        return _Name(pn.group("name"), pn.start("name"), pn.end("name"), "ca_nhan", " ".join(pn.group("pos").split()))
    o = _ORG.match(text, pos, limit)
    if o:
        name = o.group("name").strip()
        if name.lower().startswith("tập thể "):
            name = name[len("tập thể "):]
        if len(name.split()) < 2:
            return None
        start = o.start("name") + (o.group("name").find(name))
        return _Name(name, start, start + len(name), "tap_the")
    return None


def _names_from(text: str, pos: int, limit: int, bare_person: bool = False) -> list[_Name]:
    """A run of names from ``pos``: 'A, B và C', 'A (x), B (y)', 'Ông A, ...; Ông B, ...'; after a
    plural title ('các đồng chí:') people named without one."""
    out: list[_Name] = []
    while pos < limit:
        n = _name_at(text, pos, limit, bare_person)
        if n is None:
            break
        tail = _PLACE_TAIL.match(text, n.end, limit) if n.recipient == "tap_the" else None
        if tail is None and n.recipient == "tap_the" and not _NAMES_COMMUNE.search(n.name):
            tail = _COMMUNE_TAIL.match(text, n.end, limit)
        if tail is not None:
            # "Nhân dân và cán bộ xã Lâm Thủy, huyện Lệ Thủy; bà Hồ Thị Thoi, ...": the place goes with the name
            n.end = tail.end()
        out.append(n)
        s = _SEP.match(text, n.end, limit)
        if s is None:
            break
        pos = s.end()
    return out


def _full_name(an: Analysis, n: _Name) -> str:
    """'Trong năm, Sư đoàn được Bộ Quốc phòng tặng cờ thi đua': a body named by its kind alone is the
    last body of that kind the text named in full before ('Sư đoàn 7')."""
    if n.recipient != "tap_the" or n.name.lower() not in _ORG_WORDS:
        return n.name
    found = None
    for found in regex.finditer(regex.escape(n.name) + _NAMED_AFTER_KIND, an.doc.text[:n.start]):
        pass
    return found.group(0) if found is not None else n.name


_ORG_WORDS = frozenset(w.lower() for w in word_set("org_start"))
_NAMED_AFTER_KIND = r"(?:\s+(?:\d+|\p{Lu}[\p{L}\p{M}]*))+"


def _emit(an: Analysis, sent: Sentence, names: list[_Name], award: AwardMention, rule: str) -> None:
    taken = [(h.char_start, h.char_end) for h in an.honorees]
    for n in names:
        if any(s < n.end and n.start < e for s, e in taken):
            continue        # another reader already named it
        n.name = _full_name(an, n)
        an.honorees.append(Honoree(name=n.name, recipient=n.recipient, text=sent.text, char_start=n.start,
                                   char_end=n.end, rule=rule, position=n.position, award=award.code,
                                   period=an.period(sent, n.start), page=sent.block.page))


def _given(an: Analysis, sent: Sentence, mentions: list[AwardMention]) -> None:
    text = an.doc.text
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else sent.end
        g = _GIVE.match(an.doc.match_text, m.end, nxt)
        if g is None:
            continue
        names = _names_from(text, g.end(), nxt, bare_person=bool(g.group("plural")))
        if not names and (back := _body_pointed_back(an, sent, g.end(), nxt)) is not None:
            names = [back]
        if names:
            _emit(an, sent, names, m, "hon.given")


def _body_pointed_back(an: Analysis, sent: Sentence, pos: int, limit: int) -> Optional[_Name]:
    """'Tại Trường THPT Trần Phú, ... trao tặng Huân chương ... cho nhà trường': the body a word of its
    kind points back at, the last of that kind named before in the paragraph."""
    a = _BODY_ANAPHOR.match(an.doc.text, pos, limit)
    if a is None:
        return None
    kind = a.group("kind").split()[-1].lower()        # "nhà trường" → "trường", "bệnh viện" → "viện"
    found = None
    for o in _ORG_ANYWHERE.finditer(an.doc.text, sent.block.start, pos):
        first = o.group("name").split()
        if first and kind in (w.lower() for w in first[:2]) and len(first) >= 3:
            found = o
    if found is None:
        return None
    return _Name(found.group("name").strip(), found.start("name"), found.end("name"), "tap_the")


_BODY_ANAPHOR = P("hon_body_anaphor")
_ORG_ANYWHERE = P("hon_org_anywhere")


def _unit_at(text: str, pos: int, limit: int) -> list[_Name]:
    """'Xã Phong Hải đón nhận Huân chương Lao động hạng Ba': an administrative unit, with its prefix,
    opening the clause as the receiver (only before a verb of receiving, which the caller checks)."""
    lead = regex.match(r"\s*", text[pos:limit])
    at = pos + lead.end()
    place = place_after_prefix(text, at, limit, anchored=True)
    if place is None:
        return []
    end = text.find(place[0], at, limit) + len(place[0])
    return [_Name(text[at:end], at, end, "tap_the")]


def _clause_starts(sent: Sentence) -> list[int]:
    """Where a receiver may open: the sentence, each part after ';', ':' or ',', and the object of a
    proposal ('Khối thi đua đề nghị Thanh tra tỉnh được nhận Cờ thi đua của Chính phủ')."""
    text = sent.doc.text
    starts = [sent.start] + [i + 1 for i in range(sent.start, sent.end) if text[i] in ";:,"]
    starts += [m.end() for m in _PROPOSED_OBJECT.finditer(text, sent.start, sent.end)]
    return sorted(starts)


_PROPOSED_OBJECT = P("hon_proposed_object")


def _received(an: Analysis, sent: Sentence, mentions: list[AwardMention]) -> None:
    text, mt = an.doc.text, an.doc.match_text
    for cs in _clause_starts(sent):
        c = _CLAUSE_OPEN.match(mt, cs, sent.end)
        at = c.end() if c else cs
        plural = _PLURAL_TITLE.match(text, at, sent.end)
        # "Hội Luật gia và Hội Cựu thanh niên xung phong nhận Bằng khen": names coordinated before the verb;
        # "các đồng chí A - ...; B - ... và đồng chí C - ... được trao tặng ...": people after a plural title
        names = _names_from(text, plural.end() if plural else at, sent.end, bare_person=plural is not None) \
            or _unit_at(text, at, sent.end)
        if not names:
            continue
        r = _RECEIVE.match(mt, names[-1].end, sent.end)
        if r is None:
            continue
        award = next((m for m in mentions if r.end() - 1 <= m.start <= r.end() + 90), None)
        if award is not None:
            _emit(an, sent, names, award, "hon.received")


def _listed(an: Analysis, sent: Sentence, mentions: list[AwardMention], last_award: Optional[AwardMention]) -> None:
    """'Các Mẹ gồm: Mẹ A, ...; Mẹ B, ...' after the sentence naming the award; '4 tập thể là A (x),
    B (y) và 43 cá nhân nhận Bằng khen ...' with the award after the names."""
    lead = _LIST_LEAD.search(an.doc.match_text, sent.start, sent.end)
    if lead is None:
        _bracketed(an, sent, mentions, last_award)
        return
    after = next((m for m in mentions if m.start >= lead.end()), None)
    award = after or (mentions[-1] if mentions else last_award) or _counted_award(an, sent, lead)
    if award is None:
        return
    # "thân nhân 2 mẹ: Trần Thị Tỉnh (thị trấn Liên Nghĩa) và Hồ Li Bia (xã Đa Quyn)": people
    # counted by a word for them are named without a title
    end = after.start if after else sent.end
    text = an.doc.text
    cut = _LIST_CUT.search(text, lead.end(), end) is not None
    if len(_split_outside_brackets(text, lead.end(), end, ";")) > 1:
        # "20 tập thể: Ủy ban MTTQ ...; Phòng Hành chính - Quản trị, Văn phòng UBND thành phố; ...": a ';' list,
        # whose names may hold commas
        names = _items(text, lead.end(), end, ";", bare_person=bool(lead.group("people")))
    else:
        names = _names_from(text, lead.end(), end, bare_person=bool(lead.group("people")))
    if not mentions and not lead.group("n"):
        names = [n for n in names if n.recipient == "ca_nhan"]     # a count ('4 tập thể này gồm:') vouches for bodies
    want = int(lead.group("n")) + int(lead.group("n2") or 0) if lead.group("n") else None
    if want is not None and len(names) < want and len(_split_outside_brackets(text, lead.end(), end, ";")) > 1:
        # "7 tập thể, gồm: A (x), B (y), C (z); D (w); E": ',' and ';' both part the names, as the count says
        mixed = [n for lo, item in _split_outside_brackets(text, lead.end(), end, ";")
                 for n in _names_from(text, lo, lo + len(item), bare_person=bool(lead.group("people")))]
        if len(mixed) == want:
            names = mixed
    if want is not None and len(names) != want and not (cut and 2 <= len(names) < want):
        return      # '03 tập thể là A và B': the count says the list is not what it seems ('A; B; ...' is cut short)
    if names:
        _emit(an, sent, names, award, "hon.listed")


@dataclass(frozen=True)
class _CountedAward:
    """The award of a count already read ('khen thưởng 5 tập thể và 17 cá nhân'), for a list of who
    they are that names no award of its own ('Trong đó, 5 tập thể gồm: A, B, ...')."""
    code: str


def _counted_award(an: Analysis, sent: Sentence, lead) -> Optional[_CountedAward]:
    """The award of the count a list's lead repeats, in its sentence or the one before in its block."""
    if not lead.group("n"):
        return None
    n, lo = int(lead.group("n")), max(sent.block.start, sent.start - 400)
    for f in reversed(an.facts):
        if f.metric == "award.count" and f.award and f.value == n and lo <= f.char_start < lead.start() \
                and f.block_index == sent.block.index:
            return _CountedAward(f.award)
    return None


def _items(text: str, lo: int, hi: int, sep: str, bare_person: bool = False, kind: str = "") -> list[_Name]:
    """The names of a list split on ``sep`` only: each item is a titled person (with their position), else
    a body named by the whole item (its bracket and a list's '...' aside); ``kind`` is the body word every
    name takes when written without it ('các trường: THPT A, THPT B')."""
    out: list[_Name] = []
    for start, piece in _split_outside_brackets(text, lo, hi, sep):
        item = _ITEM_END.sub("", piece)
        if not item:
            continue
        p = _name_at(text, start, start + len(piece), bare_person) if kind == "" else None
        if p is not None and p.recipient == "ca_nhan":
            # "bà Nguyễn Thị Hằng, Hiệu trưởng Trường Tiểu học Vô Tranh": what follows the name is who they are
            p.end = start + len(piece)
            p.position = text[p.start + len(p.name):p.end].strip(" ,-–.;") or None
            out.append(p)
            continue
        if not item[0].isupper() and p is None:
            continue    # a body's name opens with a capital or with a body word ('nhân dân và cán bộ huyện Tiền Hải')
        name = item if not kind or item.lower().startswith(kind.lower()) else f"{kind[:1].upper()}{kind[1:]} {item}"
        out.append(_Name(name, start, start + len(item), "tap_the"))
    return out


def _split_outside_brackets(text: str, lo: int, hi: int, sep: str) -> list[tuple[int, str]]:
    """(start, stripped piece) of text[lo:hi] split on ``sep`` outside brackets ('ông A (SN 1909, ...; nơi
    đăng ký ...); ông B (...)' is two pieces)."""
    cuts, depth = [], 0
    for i in range(lo, hi):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if text[i] == sep and depth <= 0:
            cuts.append(i)
    out, start = [], lo
    for end in cuts + [hi]:
        piece = text[start:end]
        out.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
        start = end + 1
    return out


_ITEM_END = regex.compile(r"\s*(?:\([^()]*\)\s*)*(?:\.{2,}|…)?\s*[.]?$")


def _kind_listed(an: Analysis, sent: Sentence, mentions: list[AwardMention], last_award: Optional[AwardMention]) -> None:
    """'8 tập thể ... được công nhận danh hiệu tập thể lao động xuất sắc' over 'Đó là các trường: THPT Cây
    Dương, THPT Tây Đô, ...': bodies of one kind named without it are 'Trường THPT Cây Dương', ..."""
    lead = _KIND_LIST_LEAD.search(an.doc.match_text, sent.start, sent.end)
    award = (mentions[-1] if mentions else last_award) if lead is not None else None
    if award is None:
        return
    text = an.doc.text
    end = next((m.start for m in mentions if m.start >= lead.end()), sent.end)
    sep = ";" if ";" in text[lead.end():end] else ","
    body = text[lead.end():end]
    last_and = body.rfind(" và ")
    if sep == "," and last_and > body.rfind(","):
        body = body[:last_and] + "," + body[last_and + 3:]      # "A, B và C": C is the last name
    kind = text[lead.start("kind"):lead.end("kind")]
    names = [_Name(n.name, lead.end() + n.start, lead.end() + n.end, n.recipient)
             for n in _items(body, 0, len(body), sep, kind=kind)]
    if len(names) >= 2:
        _emit(an, sent, names, award, "hon.kind_listed")


def _bracketed(an: Analysis, sent: Sentence, mentions: list[AwardMention], last_award: Optional[AwardMention]) -> None:
    """'03 cô giáo được nhận giấy khen ... cấp Thành phố. ( Cô giáo A, cô giáo B, cô giáo C).': a
    bracket of people after a full stop (or as a sentence of its own) names those the award before
    it went to."""
    text = an.doc.text
    m = _TRAILING_BRACKET.search(text, sent.start, sent.end)
    if m is None:
        return
    award = next((x for x in reversed(mentions) if x.end <= m.start()), None) or last_award
    if award is None or any(x.start >= m.start() for x in mentions):
        return
    names = [n for n in _names_from(text, m.start("body"), m.end("body")) if n.recipient == "ca_nhan"]
    if names:
        _emit(an, sent, names, award, "hon.listed")


def extract_clause_honorees(an: Analysis) -> None:
    last: Optional[AwardMention] = None
    for sent in an.sentences:
        if sent.in_closing:
            continue
        if sent.block.kind == HEADING:
            last = None
        mentions = [m for m in an.mentions_in(sent) if m.entry.id not in _SKIP_AWARDS and m.code]
        _given(an, sent, mentions)
        _received(an, sent, mentions)
        _listed(an, sent, mentions, last)
        _kind_listed(an, sent, mentions, last)
        _titled(an, sent, mentions)
        _mothers(an, sent, mentions, last)
        if mentions:
            last = mentions[-1]
    _bullets_after(an)


def _titled(an: Analysis, sent: Sentence, mentions: list[AwardMention]) -> None:
    """'Bà mẹ Việt Nam anh hùng Nguyễn Thị Mơ', 'Anh hùng Lao động Nguyễn Văn A': a person's title,
    the award itself, written right before the name."""
    text = an.doc.text
    for m in mentions:
        if not m.entry.person_title:
            continue        # "kỷ niệm chương Hùng Vương": a medal's own name, no person
        t = _TITLE_THEN_NAME.match(text, m.end, sent.end)
        if t:
            _emit(an, sent, [_Name(t.group("name"), t.start("name"), t.end("name"), "ca_nhan")], m, "hon.titled")


def _mothers(an: Analysis, sent: Sentence, mentions: list[AwardMention], last: Optional[AwardMention]) -> None:
    """'... như mẹ Trần Thị Bảy (ở xã Nam Lĩnh) năm nay tròn 104 tuổi, mẹ Lê Thị Thức (90 tuổi) ...' after
    the title of the mothers honoured: each mother named is one of them."""
    award = next((m for m in reversed(mentions) if m.entry.id == _MOTHERS_AWARD), None) or (
        last if last is not None and last.entry.id == _MOTHERS_AWARD else None)
    if award is None:
        return
    text = an.doc.text
    spans = [(m.start, m.end) for m in an.mentions_in(sent)]
    names = []
    for p in _MOTHER.finditer(text, sent.start, sent.end):
        if any(s <= p.start() < e for s, e in spans):
            continue        # "Bà mẹ Việt Nam anh hùng": the title
        names.append(_Name(p.group("name"), p.start("name"), p.end("name"), "ca_nhan"))
        if _MOTHERS_PLURAL.search(text, max(sent.start, p.start() - 12), p.start()):
            names += _mothers_listed(text, p.end("name"), sent.end)
    if names:
        _emit(an, sent, names, award, "hon.mothers")


def _mothers_listed(text: str, end: int, limit: int) -> list[_Name]:
    """'... là các mẹ Lương Thị Nang (phường 1), Đặng Ngọc Trước (phường 2) và Trần Thị Quyết (phường 12)':
    the mothers after the first of a list 'các mẹ' opens, each a person's name."""
    from .metadata_text import person_name
    out: list[_Name] = []
    while (nxt := _MOTHER_NEXT.match(text, end, limit)) is not None and person_name(nxt.group("name")):
        out.append(_Name(nxt.group("name"), nxt.start("name"), nxt.end("name"), "ca_nhan"))
        end = nxt.end("name")
    return out


def _bullets_after(an: Analysis) -> None:
    """'1. Đề nghị tặng Huân chương Lao động hạng Ba: 02 tập thể' over '- Thanh tra tỉnh Lạng Sơn;'
    '- Sở Tư pháp tỉnh Lạng Sơn': bullets that are names, under a line naming the award."""
    blocks, text = an.doc.blocks, an.doc.text
    for i, b in enumerate(blocks[:-1]):
        if b.kind == TABLE or not _ITEM_LINE.match(b.text) and b.kind != HEADING and not b.text.rstrip().endswith(":"):
            continue
        sents = [s for s in an.sentences if s.block.index == b.index]
        # the list hangs from the block's last sentence ('... gồm: A, B. Các cá nhân được Bộ trưởng
        # ... tặng Bằng khen là:'): the award it names
        if sents and b.text.rstrip().endswith(":"):
            found = an.mentions_in(sents[-1])
        else:
            found = award_mentions(an.doc.match_text[b.start:b.end], b.start)
        ms = [m for m in found if m.entry.id not in _SKIP_AWARDS and m.code]
        if len(ms) != 1:
            continue
        for nb in blocks[i + 1:i + 40]:
            bullet = _BULLET.match(nb.text)
            if nb.kind == TABLE or bullet is None or len(nb.text) > 200:
                break
            n = _name_at(text, nb.start + bullet.end(), nb.end)
            if n is None:
                break
            own = [s for s in an.sentences if s.block.index == nb.index]
            _emit(an, own[0] if own else sents[0], [n], ms[0], "hon.bullets")
