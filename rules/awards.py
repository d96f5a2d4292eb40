"""Award counts: ``award.count``, ``award.direct_worker_share``, ``award.leader_share``.

A sentence is read as *count items* — a number with the recipient it counts
(``21 tập thể``, ``25 cá nhân``, ``9.378 hộ gia đình``) or a number directly
naming an award (``74 Tập thể lao động tiên tiến``) — joined into *groups* by
``,`` / ``và``.  A group gets its award, in this order, from:

1. ``direct``: an award named right after a number or its recipient word;
2. ``forward``: ``... được tặng [danh hiệu] <award>`` after the group;
3. ``backward``: ``<award> ... (tặng) cho <group>`` / ``<award>: <group>`` before it;
4. ``breakdown``: the total it is a part of (a list after ``cụ thể:``, or ``(trong đó ...)``);
5. ``generic``: ``khen thưởng cho <group>`` — a Giấy khen when a district or
   commune chairman grants it, else ``khen_thuong`` (form not named); also
   ``khen_thuong`` when award forms are listed right after the total (``khen
   thưởng 47 lượt tập thể, cá nhân, gồm Giấy khen cho ...``).

The rule stored on a fact is ``<award entry id>/<binding>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional


from pipeline.model import HEADING, LIST_ITEM, Fact
from pipeline.normalize import fold

from .analysis import Analysis
from .metadata import is_headerless
from .catalog import GENERIC_AWARD, RANKS, AwardMention, award_mentions, catalog, resolve_level
from .context import HEADERLESS_FRAME_SOURCES, Period
from .numbers import Num
from .gazetteer import find_places
from .subjects import opens_like_a_place
from .text import Sentence, clause_end, clause_start
from .lexicon import M, P, word_set

_RECIP = P("aw_recip")
_STRONG = M("recipient_word")
_COLLECTIVE = word_set("collective_word")
_WEAK_PEOPLE = word_set("person_word")
_RECIP_BEFORE = P("aw_recip_before")
_ITEM_LABEL = P("aw_item_label")
_JOIN = P("aw_join")
_COLLECTIVE_FORM = M("collective_form")
_MODIFIER = P("aw_item_modifier")
_KIN_OF = P("aw_kin_of")
_GIVEN_TO = P("aw_given_to")
_CHO_RIGHT_BEFORE = P("aw_cho_right_before")
_NEAR_FORWARD = 20      # characters between a count and the title it holds ("5.719 đơn vị đạt Tập thể ...")
_FORWARD = P("aw_forward")
_BACKWARD = P("aw_backward")
_PERIOD_IN_GAP = P("aw_period_in_gap")
_GENERIC = P("aw_generic")
_GENERIC_AFTER = P("aw_generic_after")
_LEAD_END = P("aw_lead_end")
_TRONG_DO = P("aw_trong_do")
_INLINE_TRONG_DO = P("aw_inline_trong_do")
_INLINE_PARTS_LEAD = P("aw_inline_parts_lead")
_DIRECT_SHARE = P("aw_direct_share")
_LEADER_SHARE = P("aw_leader_share")
_MIXED_AFTER = P("aw_mixed_after")
_DISTRICT_OPENS = P("aw_district_opens")
_PASSIVE_PLACE = P("aw_passive_place")


@dataclass
class Item:
    num: Num
    recipient: Optional[str]
    end: int                          # end of the recipient word (or the number)
    kind: str                         # strong, weak, village, none
    award: Optional[AwardMention] = None
    binding: Optional[str] = None
    fact: Optional[Fact] = None
    generic_code: Optional[str] = None
    generic_rule: Optional[str] = None


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.items[0].num.start

    @property
    def end(self) -> int:
        return self.items[-1].end


def _is_count(n: Num, mt: str) -> bool:
    if n.percent or n.kind not in ("int", "words", "fraction") or n.value < 0 or n.value != int(n.value):
        return False
    if 1900 <= n.value <= 2100:
        before = mt[max(0, n.start - 8):n.start]
        if re.search(r"(?:năm|giai đoạn|đến|từ)\s*$", before):
            return False
    return True


_VILLAGE_WORD = P("aw_village_word")
_PEOPLE_RUN = P("aw_people_run")
_SKIP_TO_NAME = re.compile(r"[\s\"']*")


def _given_to(mt: str, end: int, limit: int) -> Optional[str]:
    """'13 Huân chương Bảo vệ Tổ quốc (3 hạng nhất, ...) cho nguyên thủ trưởng ...', '98 Huy chương ... cho
    cán bộ, sĩ quan': who a count of awards went to, said by the words after 'cho'."""
    g = _GIVEN_TO.match(mt, end, limit)
    if g is None:
        return None
    if g.group("r"):
        return _STRONG[g.group("r")]
    return "tap_the" if g.group("c") else "ca_nhan"


def _mention_at(mentions: list[AwardMention], mt: str, pos: int) -> Optional[AwardMention]:
    """The award named right at pos, with only spaces or quotes between."""
    p = _SKIP_TO_NAME.match(mt, pos).end()
    for m in mentions:
        if m.start == p or (pos <= m.start <= p):
            return m
        if m.start > p:
            break
    return None


def _items(an: Analysis, sent: Sentence, mentions: list[AwardMention]) -> list[Item]:
    mt = an.doc.match_text
    out: list[Item] = []
    for n in an.numbers_in(sent):
        if n.kind == "decimal" and n.ambiguous and n.alternatives and float(n.alternatives[0]).is_integer() \
                and _RECIP.match(mt, n.end):
            # "41,286 hộ đạt danh hiệu": households are whole, so the English thousands reading; the
            # fact keeps the other reading in its note and a lowered confidence
            n = replace(n, value=float(n.alternatives[0]), kind="int", alternatives=(n.value,))
        if not _is_count(n, mt):
            continue
        if _ATTENDING_BEFORE.search(mt, max(sent.start, n.start - 40), n.start) or \
                _ATTENDING_AFTER.match(mt, n.end, sent.end):
            continue    # "với sự tham dự của 242 đại biểu điển hình tiên tiến": who came, not who was given
        # an award named right after the number ("74 Tập thể lao động tiên tiến")
        m = _mention_at(mentions, mt, n.end)
        if m is not None:
            out.append(Item(n, m.entry.recipient or _given_to(mt, m.end, sent.end), m.end, "strong", m, "direct"))
            continue
        r = _RECIP.match(mt, n.end)
        inside = next((m for m in mentions if r is not None and n.end < m.start < r.end("r") < m.end
                       and not re.search(r",|\bvà\b", mt[r.start("r"):m.start])), None)
        if inside is not None:
            # "3.157 hộ gia đình văn hóa": the award's name begins inside the recipient words
            out.append(Item(n, inside.entry.recipient or "ho_gia_dinh", inside.end, "strong", inside, "direct"))
            continue
        lead = _RECIP_BEFORE.search(mt, max(sent.start, n.start - 20), n.start)
        if not r and lead:
            # "- Tập thể: 11" under a heading naming the award
            out.append(Item(n, _STRONG[lead.group("r")], n.end, "strong"))
            continue
        if not r:
            # "Thôn, khối phố văn hoá: 168": the number right after "<award>:"
            prev = [x for x in mentions if x.end <= n.start and re.fullmatch(r"\s*:\s*", mt[x.end:n.start])]
            if prev:
                out.append(Item(n, prev[-1].entry.recipient, n.end, "strong", prev[-1], "backward"))
            continue
        word = r.group("r")
        if word in ("cá nhân và tập thể", "tập thể và cá nhân", "tập thể, cá nhân"):
            # "98 cá nhân và Tập thể lao động tiên tiến cho 74 tập thể": the second word opens an award name
            second = r.end("r") - len("tập thể" if word.endswith("tập thể") else "cá nhân")
            if _mention_at(mentions, mt, second) is not None:
                word = word.split(",")[0].split(" và ")[0]
                r = _RecipMatch(r.start("r") + len(word))
        if _SUBSET.match(mt, r.end()) and _in_trong_do(sent, n.start):
            continue  # "trong đó ba cá nhân là người trực tiếp lao động": a subset, not a part
        if word in _STRONG:
            kind, rec = "strong", _STRONG[word]
        elif _VILLAGE_WORD.match(word):
            kind, rec = "village", None
        elif word in _WEAK_PEOPLE or _PEOPLE_RUN.fullmatch(word):
            kind, rec = "weak", "ca_nhan"
        elif word in _COLLECTIVE:
            kind, rec = "weak", "tap_the"
        else:
            kind, rec = "weak", None
        it = Item(n, rec, r.end(), kind)
        m = _mention_at(mentions, mt, r.end())
        if m is not None:
            it.award, it.binding = m, "direct"
            if it.recipient is None:
                it.recipient = m.entry.recipient
        out.append(it)
    return out


_PARENS = re.compile(r"\([^()]*\)")
_SUBSET = P("aw_subset")
_ATTENDING_BEFORE = P("aw_attending_before")
_ATTENDING_AFTER = P("aw_attending_after")


class _RecipMatch:
    """A recipient match cut short (keeps the interface of re.Match used below)."""

    def __init__(self, end: int):
        self._end = end

    def end(self, group=0) -> int:
        return self._end


_YEAR_PART = P("aw_year_part")


def _year_parts(an: Analysis, sent: Sentence, items: list[Item]) -> None:
    """'... cho 17 cá nhân (năm 2020: 03; năm 2021: 02; ...)': the total's share of each year."""
    mt = an.doc.match_text
    for it in list(items):
        f = it.fact
        if f is None or f.metric != "award.count":
            continue
        end = it.award.end if it.award is not None and it.award.start > it.num.start else it.end
        m = re.match(r"\s*\(", mt[end:end + 3])
        if not m:
            continue
        par = sent.in_paren(end + m.end() - 1)
        if par is None:
            continue
        inner = mt[par[0] + 1:par[1] - 1]
        parts = list(_YEAR_PART.finditer(inner))
        if len(parts) < 2 or _YEAR_PART.sub("", inner).strip(" ;,.") != "":
            continue
        for p in parts:
            s0 = par[0] + 1 + p.start("n")
            num = Num(value=float(p.group("n")), start=s0, end=s0 + len(p.group("n")), raw=p.group("n"),
                      kind="int", base=float(p.group("n")))
            part = an.fact(sent, num, "award.count", f.rule.split("/")[0] + "/year_part", unit="count",
                           award=f.award, recipient=f.recipient, status=f.status, period=p.group("y"),
                           subject=f.subject, subject_level=f.subject_level)
            part.parent_local_id = f.local_id
            part.qualifier = f"năm {p.group('y')}"


def _drop_split_totals(an: Analysis, sent: Sentence, items: list[Item]) -> None:
    """'528 Giấy khen ... (142 tập thể, 386 cá nhân)': the bracket says who got them; the
    undivided total is kept only when nothing splits it."""
    for it in items:
        f = it.fact
        if f is None or f.recipient is not None or it.award is None:
            continue
        split = [x for x in items if x.binding == "bracket" and x.award is it.award and x.fact is not None]
        if len(split) >= 2 and sum(x.fact.value for x in split) == f.value:
            an.facts.remove(f)
            it.fact = None


def _in_trong_do(sent: Sentence, pos: int) -> bool:
    before = sent.doc.match_text[max(sent.start, pos - 120):pos]
    return bool(re.search(r"trong đó[^;.]*$", before))


def _governed(g: Group) -> bool:
    """'khen thưởng 10 tập thể, 42 giáo viên tiêu biểu và 525 học sinh': people counted in words
    that also count other things ('giáo viên', 'học sinh') are recipients when a collective or
    person count stands in their group."""
    return any(it.kind == "strong" for it in g.items)


_PRAISE_ONLY = P("aw_praise_only")
_EXEMPLARS = P("aw_praised_exemplars")
_COMMENDED = P("aw_commended_word")


def _praised_exemplars(an: Analysis, sent: Sentence, g: Group) -> bool:
    """'Tỉnh đoàn tuyên dương 33 thanh thiếu nhi tiêu biểu', 'tôn vinh 62 gương điển hình', '... 21 cá nhân
    tiêu biểu được vinh danh': people or collectives praised as examples are the text's điển hình tiên tiến."""
    mt = an.doc.match_text
    lo = clause_start(sent, g.start, seps=";")
    end = g.items[-1].end
    hi = min(sent.end, end + 40)
    praised = _PRAISE_ONLY.search(mt, lo, g.start) or _PRAISE_ONLY.search(mt, end, hi)
    if praised is None or _COMMENDED.search(mt, lo, g.start) or _COMMENDED.search(mt, end, hi):
        return False    # "tuyên dương, khen thưởng 571 cá nhân tiêu biểu": a commendation of no named form
    return _EXEMPLARS.match(mt, g.items[-1].num.end, sent.end) is not None


def _commended_right_before(an: Analysis, sent: Sentence, g: Group) -> bool:
    """'khen thưởng của Trung ương Đoàn cho 2 chi đoàn mạnh và 10 bí thư chi đoàn': a commendation said
    right before the group makes recipients of words that also count other things (praise alone,
    'biểu dương 17 đoàn viên', 'tuyên dương, khen thưởng 20 nhà giáo', does not)."""
    mt = an.doc.match_text
    lo = clause_start(sent, g.start, seps=";")
    m = _GENERIC.search(mt, lo, g.start)
    return m is not None and not _PRAISE_ONLY.search(mt, max(lo, m.start() - 16), m.start() + 12)


def _groups(mt: str, items: list[Item]) -> list[Group]:
    groups: list[Group] = []
    for it in items:
        if groups:
            last = groups[-1].items[-1]
            gap = _PARENS.sub("", mt[last.end:it.num.start])
            gap = _KIN_OF.sub("", gap)
            mod = _MODIFIER.match(gap)
            gap = gap[mod.end():] if mod else gap
            if (last.binding != "direct" or it.binding == "direct") and _JOIN.match(gap) and len(gap) <= 6:
                groups[-1].items.append(it)
                continue
        groups.append(Group([it]))
    return groups


def _bind(an: Analysis, sent: Sentence, g: Group, mentions: list[AwardMention]) -> None:
    mt = an.doc.match_text
    direct = [it.award for it in g.items if it.binding == "direct"]
    if direct and all(it.binding == "direct" and it.award.code in CULTURE_TITLES for it in g.items):
        # "trao giấy khen cho 80 gia đình văn hoá tiêu biểu": the form given them; the title says who they are
        back = _backward_mention(an, sent, g, mentions)
        if back is not None and back.code not in CULTURE_TITLES and _CHO_RIGHT_BEFORE.match(mt[back.end:g.start]):
            for it in g.items:
                it.award, it.binding = back, "backward"
            return
    if direct and all(it.binding == "direct" for it in g.items):
        return
    if direct and g.items[-1].binding == "direct":
        # "42 tập thể và 75 cá nhân điển hình tiên tiến": the last item's award covers the group,
        # unless an award given "cho" them stands right before ("... hạng Nhì cho 1 cá nhân và 2
        # Huân chương ... hạng Ba cho 2 cá nhân")
        back = _backward_mention(an, sent, g, mentions)
        for it in g.items:
            if it.award is None:
                it.award, it.binding = (back, "backward") if back is not None else (g.items[-1].award, "direct")
        return
    # "tặng Bằng khen cho 46 tập thể và 96 cá nhân ... được xét chọn tuyên dương điển hình tiên tiến": an
    # award given "cho" the group right before it is theirs, whatever is said of them after
    back = _backward_mention(an, sent, g, mentions)
    if back is not None and _CHO_RIGHT_BEFORE.match(mt[back.end:g.start]):
        items = g.items
        fwd = next((m for m in mentions if m.start >= g.end), None)
        if len(items) > 1 and fwd is not None and fwd.start - g.end <= _NEAR_FORWARD \
                and _FORWARD.match(mt[g.end:fwd.start]):
            # "tặng Cờ thi đua cho 993 tập thể, 5.719 đơn vị đạt Tập thể lao động xuất sắc": the last count
            # is of the title said right after it
            items = items[:-1]
            if g.items[-1].award is None:
                g.items[-1].award, g.items[-1].binding = fwd, "forward"
        for it in items:
            if it.award is None:
                it.award, it.binding = back, "backward"
        return
    # forward: "... được tặng [danh hiệu] <award>"
    for i, m in enumerate(mentions):
        if m.start >= g.end:
            if _FORWARD.match(mt[g.end:m.start]) and sent.in_paren(m.start) == sent.in_paren(g.end - 1):
                if i + 1 < len(mentions) and _given_together(mt, m, mentions[i + 1]):
                    return  # "117 đơn vị nhận cờ thi đua và bằng khen ...": which got which is not said
                for it in g.items:
                    if it.award is None:
                        it.award, it.binding = m, "forward"
                return
            break
    # "528 Giấy khen của Chủ tịch UBND huyện (142 tập thể, 386 cá nhân)": brackets detailing an award
    par = sent.in_paren(g.start)
    if par is not None:
        before = [m for m in mentions if m.end <= par[0] and not mt[m.end:par[0]].strip()]
        if before:
            for it in g.items:
                if it.award is None:
                    it.award, it.binding = before[-1], "bracket"
            return
    # backward: "<award> ... cho <group>"
    m = _backward_mention(an, sent, g, mentions)
    if m is not None:
        for it in g.items:
            if it.award is None:
                it.award, it.binding = m, "backward"


def _backward_mention(an: Analysis, sent: Sentence, g: Group, mentions: list[AwardMention]) -> Optional[AwardMention]:
    """'<award> ... cho <group>': the award named before the group in its clause, joined to it."""
    mt = an.doc.match_text
    cs = clause_start(sent, g.start, seps=";")
    prev = [m for m in mentions if cs <= m.start and m.end <= g.start]
    if not prev:
        return None
    m = prev[-1]
    par = sent.in_paren(m.start)
    if par is not None and par[1] <= g.start and sent.in_paren(g.start) is None:
        # "khen thưởng theo thẩm quyền (Giấy khen của Chủ tịch UBND cấp huyện) cho 298 tập thể":
        # the form named in brackets after the verb, then the group
        inner, gap = mt[m.end:par[1] - 1], mt[par[1]:g.start]
        ok = not re.search(r"[\d;]", inner) and _BACKWARD.match(gap) and not re.search(r"\d", gap)
        return m if ok else None
    if len(prev) >= 2 and _given_together(mt, prev[-2], m):
        return None     # "trao tặng Cờ thi đua và Bằng khen cho 09 tập thể và 16 cá nhân": which got which is not said
    # "Cờ thi đua xuất sắc giai đoạn 2016 - 2020 cho 2 tập thể": the period the award is for is no count
    gap = _PERIOD_IN_GAP.sub(" ", mt[m.end:g.start])
    return m if _BACKWARD.match(gap) and not re.search(r"\d", gap) else None


def _given_together(mt: str, a: AwardMention, b: AwardMention) -> bool:
    """'Cờ thi đua và Bằng khen': two different awards joined to one group."""
    return a.code != b.code and _TWO_AWARDS_JOIN.fullmatch(mt, a.end, b.start) is not None


_TOTAL_LINE = P("aw_total_line")
_TWO_AWARDS_JOIN = P("aw_two_awards_join")
_PARTS_AFTER = P("aw_parts_after")


def _generic_award(an: Analysis, sent: Sentence, g: Group, status: Optional[str],
                   praised: bool = False) -> Optional[tuple[str, str]]:
    """The form a count commended in no named form takes; ``praised``: its units are praised as
    examples (``_praised_exemplars``)."""
    mt = an.doc.match_text
    cs = clause_start(sent, g.start, seps=";")
    before = mt[cs:g.start]
    if praised:
        return "dien_hinh_tien_tien", "aw.dien_hinh_tien_tien/praised"
    if not _GENERIC.search(before) and not _GENERIC_AFTER.match(mt, g.items[-1].end):
        return None
    # "khen thưởng 47 lượt tập thể, cá nhân, gồm Giấy khen cho 12 tập thể và 35 cá nhân": a total
    # whose forms are listed right after is not itself one form
    after = _PARTS_AFTER.match(mt, g.items[-1].end)
    listed = after is not None and any(0 <= m.start - after.end() <= 2 for m in an.mentions_in(sent))
    if status is None and not listed:
        # the chairman of a district or commune commends by Giấy khen, the one form in his power
        # ("Chủ tịch UBND huyện đã khen thưởng cho 186 tập thể"); a body's commendation names no
        # form ("UBND xã khen thưởng 8 hộ")
        head = mt[sent.block.start:g.start]
        lv = catalog().last_granter(head, ("huyen", "xa", "tinh", "thu_tuong", "chinh_phu"))
        if lv and lv[1] in ("huyen", "xa") and head.startswith("chủ tịch", lv[0]):
            return (f"giay_khen_cap_{lv[1]}", "aw.giay_khen/generic")
        if (named := _headline_form(an, sent, head)) is not None:
            return named, "aw.headline_form/generic"
        if (named := _body_form(an, sent)) is not None:
            return named, "aw.body_form/generic"
    return GENERIC_AWARD, "aw.khen_thuong/generic"


def _headline_form(an: Analysis, sent: Sentence, head: str) -> Optional[str]:
    """'Tặng Bằng khen cho tập thể, cá nhân thi công cầu vượt' over '... Chủ tịch UBND TP Hà Nội ... ký Quyết định
    khen thưởng cho 13 tập thể và 7 cá nhân': a commendation of no named form in a text whose headline names one
    award, and no count, is of that award (at the level the body's granter gives)."""
    h = an.frames.document.headline
    if h is None or sent.block is h or sent.block.index < h.index:
        return None
    htext = an.doc.match_text[h.start:h.end]
    found = award_mentions(htext, h.start)
    if len(found) != 1 or re.search(r"\d", htext) or an.names_award_after(h.end):
        return None     # a body naming its forms itself: its commendation of no form is theirs together
    m = found[0]
    resolve_level(m, head, [])
    return m.code


_COUNTLESS_GIVEN = P("aw_countless_given")
BODY_FORM_BLOCKS = 2        # blocks after a headline that may name the form of its commendation


def _body_form(an: Analysis, sent: Sentence) -> Optional[str]:
    """'Hưng Hà khen thưởng 326 đơn vị xuất sắc ...' over 'Lãnh đạo UBND huyện tặng giấy khen cho các đơn vị
    ...': a headline's commendation of no named form is of the one award its first lines give, with no count,
    to 'các' (the same) recipients."""
    h = an.frames.document.headline
    if h is None or sent.block is not h:
        return None
    mt = an.doc.match_text
    codes = set()
    for b in an.doc.blocks[h.index + 1:h.index + 1 + BODY_FORM_BLOCKS]:
        for m in award_mentions(mt[b.start:b.end], b.start):
            if _COUNTLESS_GIVEN.match(mt, m.end, b.end):
                resolve_level(m, mt[b.start:m.start], [])
                codes.add(m.code)
    return codes.pop() if len(codes) == 1 else None


def _qualifier_of(an: Analysis, sent: Sentence) -> Optional[str]:
    """'theo công trạng' from a bullet '- Khen thưởng theo công trạng, thành tích đạt được: ...'."""
    t = an.doc.text[sent.block.start:sent.block.end]
    m = re.match(r"^[-+•*]?\s*([^:;]{3,80}):", t)
    if not m:
        return None
    q = re.sub(r"^(?:khen thưởng|hình thức)\s+", "", m.group(1).strip(), flags=re.I)
    q = re.sub(r",?\s*khen thưởng\s+", ", ", q, flags=re.I)
    return q.strip(" ,").lower() or None


@dataclass
class _Lead:
    items: list[Item]
    block_index: int


def extract_awards(an: Analysis) -> list[Item]:
    """Award facts of the whole document; returns the bound items (for honorees)."""
    bound: list[Item] = []
    lead: Optional[_Lead] = None
    last: Optional[_Lead] = None        # the items of the last sentence that gave award facts
    for sent in an.sentences:
        if sent.in_closing:
            continue
        b = sent.block
        # a breakdown list ends at the first block that is not a bullet
        if lead is not None and b.index != lead.block_index and b.kind not in (LIST_ITEM,) \
                and not (b.kind == HEADING and (b.level or 0) >= 5):
            lead = None
        mentions = an.mentions_in(sent)
        items = _items(an, sent, mentions)
        if not items:
            _shares(an, sent, bound, mentions)
            continue
        groups = _groups(an.doc.match_text, items)
        in_list = lead is not None and b.index != lead.block_index
        # the totals a list details: the bullets under a lead line, or a "Cụ thể: ..." paragraph after
        # the sentence with the totals
        list_items = lead.items if in_list else _detailed_totals(an, sent, last)
        sent_items: list[Item] = []
        prev_group: Optional[Group] = None
        for g in groups:
            _bind(an, sent, g, mentions)
            _mixed_after(an, g)
            subject = _award_subject(an, sent, g)
            inherit_ok = prev_group is not None and _inherits(an, prev_group, g)
            praised = _praised_exemplars(an, sent, g)
            for it in g.items:
                st = an.status(sent, it.num.start)
                parent = _parent_in(list_items, it) if list_items else None
                if it.award is None and subject is not None and (topic := _mothers_topic(an, sent, it)) is not None:
                    # "Đợt này, huyện Châu Thành có 41 mẹ (...); Tp. Tân An có 6 mẹ": a place's mothers in a text
                    # about the title
                    it.award, it.binding, it.recipient = topic, "topic", "ca_nhan"
                if it.award is None and it.kind != "strong" and not _governed(g) and not (
                        inherit_ok and _same_word(an, prev_group.items[-1], it)) and parent is None \
                        and not _commended_right_before(an, sent, g) and not praised:
                    # "... cho 337 mẹ, trong đó 65 mẹ được trao tặng": a word that also counts other
                    # things is a recipient again when the bound count before says it
                    continue
                if list_items:
                    if it.award is None and parent is not None:
                        it.award, it.binding = parent.award, "breakdown"
                        it.generic_code, it.generic_rule = parent.generic_code, parent.generic_rule
                if it.award is None and it.generic_code is None:
                    gen = _generic_award(an, sent, g, st, praised)
                    if gen is not None:
                        it.binding, (it.generic_code, it.generic_rule) = "generic", gen
                    elif inherit_ok:
                        src = prev_group.items[-1]
                        it.award, it.generic_code, it.generic_rule = src.award, src.generic_code, src.generic_rule
                        it.binding = "inherited"
                    elif (hm := _heading_award(an, sent)) is not None and (
                            b.kind == LIST_ITEM or _TOTAL_LINE.match(an.doc.match_text, b.start)):
                        # "- Tổng kết ...: 03 tập thể" and "Cộng: 05 tập thể, 10 cá nhân." under the award's heading
                        it.award, it.binding = hm, "heading"
                    else:
                        continue
                code = it.award.code if it.award is not None else it.generic_code
                rule = (f"{it.award.rule}/{it.binding}" if it.award is not None else it.generic_rule)
                recipient = it.recipient if it.recipient is not None else (
                    it.award.entry.recipient if it.award is not None else None)
                if code is None:
                    continue
                if recipient == "tap_the":
                    code = _COLLECTIVE_FORM.get(code, code)   # "105 tập thể ... Lao động tiên tiến"
                titled = _title_year(an, it)
                period = titled or an.period(sent, it.num.start, it.end)
                if code in CULTURE_TITLES and not titled:
                    period = _culture_title_year(an, sent, it.num.start, period)
                f = an.fact(sent, it.num, "award.count", rule, unit="count", award=code, recipient=recipient,
                            status=st, period=period, of_total=it.num.of_total, granter=an.granter_of(it.award))
                if it.num.of_total:
                    f.stated_percent = _stated_percent(an, it, g)
                if subject:
                    f.subject, f.subject_level = subject
                if list_items and parent is not None and parent.fact is not None and parent.fact.award == code:
                    f.parent_local_id = parent.fact.local_id
                    f.qualifier = _qualifier_of(an, sent)
                    if f.period_source in _FRAME_PERIODS and parent.fact.period is not None:
                        # a part the text dates only by its frame is of its total's period
                        f.period, f.period_source = parent.fact.period, "inherited"
                it.fact = f
                sent_items.append(it)
                bound.append(it)
            if any(it.fact is not None for it in g.items):
                prev_group = g
        _inline_breakdowns(an, sent, sent_items)
        _of_total_parts(an, sent, sent_items)
        _drop_split_totals(an, sent, sent_items)
        _year_parts(an, sent, sent_items)
        _rank_parts(an, sent, sent_items)
        _shares(an, sent, bound, mentions)
        text_end = an.doc.match_text[sent.start:sent.end].rstrip(" .")
        if sent_items and _LEAD_END.search(text_end) and sent.end >= b.end - 2:
            lead = _Lead(sent_items, b.index)
        if sent_items:
            last = _Lead(sent_items, b.index)
    _mixed_by_later_split(bound)
    return bound


def _mothers_topic(an: Analysis, sent: Sentence, it: Item) -> Optional[AwardMention]:
    """The title 'Bà mẹ Việt Nam anh hùng' the text named before, for a count of mothers outside brackets."""
    if sent.in_paren(it.num.start) is not None or not _MOTHER_COUNT.match(an.doc.match_text, it.num.end):
        return None
    titles = an.__dict__.setdefault("_mother_titles", None)
    if titles is None:
        titles = an.__dict__["_mother_titles"] = [m for s in an.sentences for m in an.mentions_in(s)
                                                  if m.code == _MOTHER_TITLE]
    before = [m for m in titles if m.start < sent.start]
    return before[-1] if before else None


_MOTHER_COUNT = P("aw_mother_count")
_FRAME_PERIODS = HEADERLESS_FRAME_SOURCES | {"document"}     # a part dated only by its text's frame
_MOTHER_TITLE = "ba_me_viet_nam_anh_hung"


def _mixed_by_later_split(bound: list[Item]) -> None:
    """'... 143 Bằng khen của Ban Thường vụ Hội Nông dân tỉnh ...' then, in the next paragraph,
    'Bằng khen của Ban Thường vụ ... được tặng cho 48 tập thể và 95 cá nhân': a count that names no
    recipient and is split right after into collectives and people summing to it went to both."""
    facts = [it.fact for it in bound if it.fact is not None]
    for i, f in enumerate(facts):
        if f.recipient is not None or f.value is None:
            continue
        later = [g for g in facts[i + 1:] if g.block_index is not None and f.block_index is not None
                 and 0 < g.block_index - f.block_index <= 2 and g.award == f.award and g.period == f.period]
        groups = [g.value for g in later if g.recipient == "tap_the"], [g.value for g in later if g.recipient == "ca_nhan"]
        if any(a + b == f.value for a in groups[0] for b in groups[1]):
            f.recipient = "mixed"


def _heading_award(an: Analysis, sent: Sentence) -> Optional[AwardMention]:
    """'**2. Giấy khen của Chủ tịch UBND xã năm 2024**' over '- Tập thể: 11': the one award a
    sub-section heading names."""
    if not sent.headings:
        return None
    h = sent.headings[-1]
    ms = [m for m in award_mentions(an.doc.match_text[h.start:h.end], h.start)
          if m.entry.id != "aw.dien_hinh_tien_tien"]
    if len(ms) != 1:
        return None
    m = ms[0]
    if m.needs_level:
        resolve_level(m, an.doc.match_text[h.start:m.start], [])
    return m


_TITLE_YEAR = P("aw_title_year")


_RANK_PART = P("aw_rank_part")


def _rank_parts(an: Analysis, sent: Sentence, items: list[Item]) -> None:
    """'13 Huân chương Bảo vệ Tổ quốc (3 hạng nhất, 1 hạng nhì, 9 hạng ba)': the ranks of an order
    counted without one, in the bracket after it, are its parts."""
    mt = an.doc.match_text
    for it in items:
        m, f = it.award, it.fact
        if m is None or f is None or not m.entry.ranked or f.award[-1:].isdigit():
            continue
        at = len(mt) if m.end >= len(mt) else m.end + len(mt[m.end:]) - len(mt[m.end:].lstrip())
        par = sent.in_paren(at)
        if par is None or par[0] != at:
            continue
        for r in _RANK_PART.finditer(mt, par[0], par[1]):
            s, e = r.span("n")
            num = next((x for x in an.numbers_in(sent) if x.start == s), None)
            if num is None:
                continue
            part = an.fact(sent, num, "award.count", f"{m.entry.id}/rank_breakdown", unit="count",
                           award=f"{f.award}_{RANKS[r.group('r')]}", recipient=f.recipient, status=f.status,
                           period=Period(f.period, f.period_source or "inherited") if f.period else None,
                           granter=f.granter)
            part.parent_local_id = f.local_id


def _title_year(an: Analysis, it: Item) -> Optional[str]:
    """The year written with a title after its count: '15.804 hộ đạt danh hiệu Gia đình văn
    hóa năm 2023', '44 Chiến sĩ thi đua cơ sở năm 2022'."""
    aw = it.award
    if aw is None or aw.start < it.num.start:
        return None
    m = _TITLE_YEAR.match(an.doc.match_text, aw.end, aw.end + 16)
    return m.group("y") if m else None


CULTURE_TITLES = {"gia_dinh_van_hoa", "thon_van_hoa", "co_quan_van_hoa"}
_EARLY_YEAR = P("aw_early_year")


def _culture_title_year(an: Analysis, sent: Sentence, pos: int, period: Optional[str]) -> Optional[str]:
    """Văn hóa titles are judged on a year and recognised in January of the next: 'Đầu năm
    2024, UBND phường đã công nhận 15.804 hộ đạt danh hiệu Gia đình văn hóa' is the 2023 title."""
    m = None
    for m in _EARLY_YEAR.finditer(an.doc.match_text, sent.start, pos):
        pass
    if m is None:
        return period
    return str(int(m.group("y")) - 1)


def _inherits(an: Analysis, prev: Group, g: Group) -> bool:
    """An unbound group takes the award of the group before it in the sentence when
    that award was named before the counts ("Bằng khen: 12 tập thể; 15 cá nhân",
    "Trong tổng số Giấy khen ..., có 38 tập thể ...; 59 tập the ...")."""
    src = prev.items[-1]
    if src.fact is None or src.binding not in ("backward", "inherited", "generic"):
        return False
    if g.items[0].award is not None:
        return False
    gap = an.doc.match_text[prev.end:g.start]
    return len(gap) < 160 and not re.search(r"[.]\s", gap)


def _same_word(an: Analysis, a: Item, b: Item) -> bool:
    """Whether two counts count in the same word ('337 mẹ' and '65 mẹ'), the second not governed by a
    verb of its own ('... cho 1.000 trường hợp và đang hoàn tất hồ sơ cho 206 trường hợp')."""
    mt = an.doc.match_text
    wa, wb = mt[a.num.end:a.end].strip(), mt[b.num.end:b.end].strip()
    return bool(wa) and wa == wb and not _OWN_VERB.search(mt, a.end, b.num.start)


_OWN_VERB = P("aw_own_verb")


def _mixed_after(an: Analysis, g: Group) -> None:
    """'... 48 Huân chương Lao động hạng Ba cho các tập thể, cá nhân': mixed recipients."""
    last = g.items[-1]
    end = last.award.end if last.award is not None and last.award.start >= last.num.start else last.end
    m = _MIXED_AFTER.match(an.doc.match_text, end)
    if m:
        r = m.group("r")
        rec = "tap_the" if r == "tập thể" else "ca_nhan" if r == "cá nhân" else "mixed"
        for it in g.items:
            if it.binding == "direct" and it.recipient is None:
                it.recipient = rec


def _award_subject(an: Analysis, sent: Sentence, g: Group) -> Optional[tuple[str, str]]:
    """'Riêng xã Ngư Lộc được Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể': the
    commune the awards went to, when the clause names it as the receiver."""
    cs = clause_start(sent, g.start, seps=";")
    m = _PASSIVE_PLACE.search(an.doc.text, cs, g.start)
    if not m and (an.meta.district is None or is_headerless(an.meta)):
        # a cluster's or a province's report, a news page: "Huyện Tuần Giáo chú trọng ..., năm 2022 đã công
        # nhận 1.136 cá nhân ...": the district the sentence opens with
        d = _DISTRICT_OPENS.match(an.doc.text, sent.start, g.start)
        if d and opens_like_a_place(d.group("name")) and fold(d.group("name")) != fold(an.meta.district):
            return d.group("name"), "district"
    if not m and (named := _labelled_by_place(an, sent, g)) is not None:
        return named
    if not m and (inside := _bracket_item_place(an, sent, g)) is not None:
        return inside
    if not m:
        # "- Cẩm Yên: 15 tập thể, 42 cá nhân;": a list item labelled with the place
        lab = _ITEM_LABEL.match(an.doc.text, sent.block.start, g.start)
        if lab and sent.start == sent.block.start and lab.end() >= g.start - 1 and \
                opens_like_a_place(lab.group("name")):
            name = lab.group("name")
            if fold(name) != fold(an.meta.district):
                return name, "commune" if (lab.group("p") or "xã").lower() in ("xã", "phường", "thị trấn") else "unit"
        return None
    name = m.group("name")
    if fold(name) in (fold(an.meta.district), fold(an.meta.place)):
        return None
    level = "commune" if m.group("p").lower() in ("xã", "thị trấn", "phường") else "village"
    return name, level


def _bracket_item_place(an: Analysis, sent: Sentence, g: Group) -> Optional[tuple[str, str]]:
    """'... danh hiệu Bà Mẹ VNAH (Tân Thạnh 29 mẹ, Tân Hưng 6 mẹ, ...)': an item of a bracketed
    list opening with a place the gazetteer knows is that place's share."""
    from .subjects import bare_place_opening
    par = sent.in_paren(g.start)
    if par is None:
        return None
    text = an.doc.text
    lo = max(par[0] + 1, text.rfind(",", par[0], g.start) + 1, text.rfind(";", par[0], g.start) + 1)
    return bare_place_opening(text, lo, g.start, an.meta.province)


def _labelled_by_place(an: Analysis, sent: Sentence, g: Group) -> Optional[tuple[str, str]]:
    """'Hà Tĩnh có 76 học sinh được nhận bằng khen, Vĩnh Phúc có 61 học sinh, Nghệ An 59 học sinh': a
    place named alone between the separator before a count and the count ('có' aside) labels it."""
    text = an.doc.text
    cut = max(text.rfind(sep, sent.start, g.start) for sep in ",;:")
    seg = _PLACE_LABEL_TAIL.sub("", text[max(cut + 1, sent.start):g.start]).strip()
    if not seg and cut > sent.start and text[cut] == ":":
        # "...; huyện Krông Pắc: 46 cơ quan, đơn vị": the place labels the count after its colon
        before = max(text.rfind(sep, sent.start, cut) for sep in ",;:")
        seg = re.split(r"\s+và\s+", text[max(before + 1, sent.start):cut])[-1].strip()
    if not seg or len(seg) > _PLACE_LABEL_MAX:
        return None
    found = find_places(seg, bare_provinces=True)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(seg):
        return None
    name = found[0].name
    if fold(name) in (fold(an.meta.district), fold(an.meta.place)):
        return None
    return name, found[0].level


_PLACE_LABEL_TAIL = P("aw_place_label_tail")
_PLACE_LABEL_MAX = 40       # characters of a place label before its count


_PCT_AFTER = P("aw_pct_after")


def _stated_percent(an: Analysis, it: Item, g: Group) -> Optional[float]:
    """'2.315/2.604 hộ đạt danh hiệu "Gia đình văn hóa", đạt 88,9%': the percent stated with a fraction."""
    end = max(it.end, it.award.end if it.award is not None else 0)
    m = _PCT_AFTER.match(an.doc.match_text, end)
    if not m:
        return None
    try:
        return float(m.group("p").replace(",", "."))
    except ValueError:  # pragma: no cover
        return None


_OF_TOTAL = P("aw_of_total")
_PART_TAIL = P("aw_part_tail")


def _of_total_parts(an: Analysis, sent: Sentence, items: list[Item]) -> None:
    """'Trong tổng số Giấy khen của Chủ tịch UBND huyện, có 38 tập thể ... được khen thưởng chuyên đề,
    đột xuất; 59 tập thể ... tổng kết năm': parts of a total stated earlier (often in a table)."""
    mt = an.doc.match_text
    if not _OF_TOTAL.match(mt, sent.start) or not items:
        return
    first_local = min(it.fact.local_id for it in items if it.fact is not None)
    for it in items:
        f = it.fact
        if f is None or f.parent_local_id is not None:
            continue
        totals = [t for t in an.facts if t.local_id < first_local and t.metric == "award.count" and t.award == f.award
                  and t.recipient == f.recipient and t.period == f.period and t.parent_local_id is None]
        if not totals:
            continue
        f.parent_local_id = totals[-1].local_id
        end = it.award.end if it.award is not None and it.award.start > it.num.start else it.end
        q = _PART_TAIL.match(an.doc.text, end)
        if q:
            qual = q.group("q").strip(" ,")
            qual = re.split(r",\s*\d", qual)[0]
            f.qualifier = re.sub(r"^(?:được\s+)?(?:khen thưởng\s+)?", "", qual).strip() or None


def _detailed_totals(an: Analysis, sent: Sentence, last: Optional[_Lead]) -> Optional[list[Item]]:
    """'UBND tỉnh ... cho 176 cơ quan, đơn vị, doanh nghiệp ... Cụ thể: huyện Ea Kar có 57 cơ quan, ...':
    a sentence opening with 'Cụ thể' details the totals of the last sentence that gave any, in the
    paragraph before it or the one before that (a photo caption may stand between)."""
    if last is None or last.block_index == sent.block.index or sent.block.index - last.block_index > 2:
        return None
    return last.items if _DETAIL_OPEN.match(an.doc.match_text, sent.start) else None


_DETAIL_OPEN = P("aw_detail_open")


def _parent_in(lead_items: list[Item], it: Item) -> Optional[Item]:
    """The total in the lead sentence this part belongs to: same award (when the
    part names one) and recipient."""
    cands = [p for p in lead_items if p.fact is not None and p.recipient == it.recipient]
    if it.award is not None:
        cands = [p for p in cands if p.fact.award == it.award.code]
    return cands[-1] if cands else None  # "cụ thể:" follows the last total it details


def _inline_breakdowns(an: Analysis, sent: Sentence, items: list[Item]) -> None:
    """'... cho 03 tập thể (trong đó, Thủ tướng tặng Bằng khen cho 02 tập thể; ...)': the
    items inside a '(trong đó' parenthesis are parts of the total just before it."""
    mt = an.doc.match_text
    spans = [(s, e) for s, e in sent.paren_spans if _TRONG_DO.match(mt[s:e])]
    # ", trong đó khen thưởng ... 12 tập thể, 25 cá nhân": an unbracketed "trong đó" to the clause end
    for m in _INLINE_TRONG_DO.finditer(mt[sent.start:sent.end]):
        s = sent.start + m.start()
        if not sent.in_paren(s):
            # ", trong đó: A ...; B ...": a listed breakdown runs to the end of the sentence
            spans.append((s, sent.end if m.group("colon") else clause_end(sent, s + 1)))
    # ", gồm: khen thưởng tổng kết năm 2022 là 52 tập thể, 117 cá nhân; khen thưởng chuyên đề ... là 76
    # tập thể": parts listed after "gồm:" run to the end of the sentence
    for m in _INLINE_PARTS_LEAD.finditer(mt[sent.start:sent.end]):
        s = sent.start + m.start()
        if not sent.in_paren(s):
            spans.append((s, sent.end))
    placed: set[int] = set()
    for s, e in spans:
        before = [it for it in items if it.num.end <= s and it.fact is not None]
        inside = [it for it in items if s < it.num.start < e and it.fact is not None]
        for part in inside:
            if id(part) in placed:
                continue    # "..., cụ thể: ...; Giấy khen cho 52 tập thể (trong đó ... 12 tập thể)": the bracket's part
            tot = [t for t in before if t.recipient == part.recipient]
            if tot and part.fact.value > tot[-1].fact.value:
                continue    # "...cho 183 mẹ; trong đó ..., nâng tổng số mẹ VNAH ... lên 3.274 mẹ": no part exceeds its total
            if tot:
                total = tot[-1].fact
                if part.fact.award == GENERIC_AWARD and part.fact.rule.endswith("/generic") and total.award:
                    # "Bằng khen ...: 38 tập thể ...; trong đó: khen thưởng theo công trạng 14 tập thể, ...": a kind
                    # of commendation ('theo công trạng', 'chuyên đề'), not a form: the part is of its total's form
                    part.fact.award = total.award
                    part.fact.rule = f"{total.rule.split('/')[0]}/breakdown"
                if total.award in (part.fact.award, GENERIC_AWARD):
                    placed.add(id(part))
                    part.fact.parent_local_id = total.local_id
                    part.fact.qualifier = part.fact.qualifier or "trong đó"
                    if part.fact.period != total.period and part.fact.period and re.search(
                            rf"(?:tổng kết|sơ kết|thành tích)\s+(?:năm\s+)?{re.escape(part.fact.period)}",
                            mt[s:part.num.start]):
                        # "khen thưởng tổng kết năm 2022" names what is rewarded; granted with the total
                        part.fact.period = total.period


def _shares(an: Analysis, sent: Sentence, bound: list[Item], mentions: list[AwardMention]) -> None:
    """'(trong đó Người lao động trực tiếp đạt 82%)', 'tỷ lệ khen thưởng cá nhân là lãnh đạo,
    quản lý đạt 29%': shares of the award named in the same clause, else of the award of
    the nearest individual count before (in this block or the few before it)."""
    mt = an.doc.match_text
    for n in an.numbers_in(sent):
        if not n.percent:
            continue
        cs = clause_start(sent, n.start, seps=";")
        par = sent.in_paren(n.start)
        if par is not None:
            cs = clause_start(sent, par[0], seps=";")  # "(đạt tỷ lệ 33,3%)": the cue is before the bracket
        before = mt[max(cs, n.start - 150):n.start]
        # the cue nearest the figure: "(giáo viên trực tiếp giảng dạy chiếm 80,9%, cán bộ quản lý
        # chiếm 19,1%)" gives one share of each
        direct = [m.end() for m in _DIRECT_SHARE.finditer(before)]
        leader = [m.end() for m in _LEADER_SHARE.finditer(before)]
        if direct and (not leader or direct[-1] >= leader[-1]):
            metric, rule = "award.direct_worker_share", "aw.share.direct"
        elif leader and ("tỷ lệ" in mt[max(sent.start, n.start - 120):n.start]
                         or re.search(r"chiếm\s*$", before)):
            metric, rule = "award.leader_share", "aw.share.leader"
        else:
            continue
        period = an.period(sent, n.start, n.end)
        named = [m for m in mentions if cs <= m.start < n.start and m.code]
        if named:
            m = named[-1]
            an.fact(sent, n, metric, rule + ".named", unit="percent", award=m.code,
                    status=an.status(sent, n.start), period=period)
            continue
        lo_block = sent.block.index - 3
        prev = [it for it in bound if it.fact is not None and it.num.start < n.start
                and lo_block <= (it.fact.block_index or 0) <= sent.block.index]
        people = [it for it in prev if it.recipient in ("ca_nhan", "mixed", None)]
        src = (people or prev)[-1] if (people or prev) else None
        if src is None:
            continue
        if src.fact.parent_local_id is not None and mt.find(";", src.num.end, n.start) >= 0:
            # "... 854 cá nhân, trong đó quý I là 402 cá nhân; tỷ lệ ... trực tiếp đạt 58%": a share
            # in a clause of its own is of the total, not of the part that closed the clause before
            whole = [it for it in (people or prev) if it.fact.parent_local_id is None and it.num.start >= sent.start]
            src = whole[-1] if whole else src
        an.fact(sent, n, metric, rule, unit="percent", award=src.fact.award, status=src.fact.status,
                period=src.fact.period, qualifier=src.fact.qualifier)
