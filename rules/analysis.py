"""What every fact rule needs about one document, computed once.

An :class:`Analysis` holds the document, its metadata, its sentences, the award
names found in it and the numbers of each sentence, and builds facts with their
provenance (:meth:`Analysis.fact`), so a rule never has to compute offsets,
pages or source text itself.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from pipeline.normalize import fold
from pipeline.model import LIST_ITEM, TABLE, Block, DocMeta, Document, Fact, Honoree

from . import numbers as nums
from .catalog import AwardMention, award_mentions, catalog, resolve_level
from .context import HEADERLESS_FRAME_SOURCES, Period, period_at, status_at
from .frames import Frames
from .metadata import is_headerless
from .subjects import REGION
from .lexicon import M, P
from .grid import Grid, build_grid, footnote_marks
from .text import Sentence, clause_start, sentences


_OPENING = P("subj_opening")
_GRANTING_LINE = P("aw_granting_line")
_BARE_OPENING = P("subj_bare_opening")
_OPENING_PHRASE = P("subj_opening_phrase")
_REGION_OPENING = P("subj_region_opening")
_ANAPHOR = P("subj_anaphor")
_NATION = P("subj_nation")
_WHOLE_UNIT = P("subj_whole_unit")
_END_STATE_BEFORE = P("tm_end_state_before")
_LEVEL_OWNER = P("subj_level_owner")
_OWNER = P("subj_owner")
_PREFIX_LEVELS = M("place_level")
_REPORTED = P("tm_reported")
_BREAKDOWN_OPENS = P("tm_breakdown_open")
LEAD_REACH = 6      # blocks back from a list item to the lead ending with ':' it hangs from, the list's items included
NATION = "Việt Nam"      # the subject of a figure of the whole country ("cả nước", "toàn quốc")

_NOTE_LINES = 6      # blocks after a table where its footnotes stand


@dataclass
class Analysis:
    doc: Document
    meta: DocMeta
    facts: list[Fact] = field(default_factory=list)
    honorees: list[Honoree] = field(default_factory=list)
    # facts read from a stage column of an award table ("Sở đề nghị", "Hội đồng ... thống nhất"),
    # by id: their qualifier names the stage, and a sentence giving the outcome restates them
    stage_cells: set[int] = field(default_factory=set)

    @cached_property
    def frames(self) -> Frames:
        return Frames(self.doc, self.meta)

    @property
    def doc_period(self) -> Optional[Period]:
        """The period every figure falls back on: the header's, else a headerless text's headline,
        first paragraph or dateline (``rules/frames.py``)."""
        return self.frames.document.period

    def grid(self, b: Block) -> Grid:
        """The table block as the table readers see it (``rules/grid.py``), built once."""
        cache = self.__dict__.setdefault("_grid_cache", {})
        if b.index not in cache:
            after = [x.text for x in self.doc.blocks[b.index + 1:b.index + 1 + _NOTE_LINES] if x.kind != TABLE]
            cache[b.index] = build_grid(b, marks=frozenset(footnote_marks(after)))
        return cache[b.index]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.doc)

    @cached_property
    def _mentions(self) -> list[AwardMention]:
        return award_mentions(self.doc.match_text)

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self._mentions]

    def names_award_after(self, pos: int) -> bool:
        """Whether an award is named anywhere after ``pos``."""
        return bisect.bisect_left(self._mention_starts, pos) < len(self._mention_starts)

    def mentions_in(self, sent: Sentence) -> list[AwardMention]:
        """Award names inside the sentence, with their codes resolved."""
        lo = bisect.bisect_left(self._mention_starts, sent.start)
        hi = bisect.bisect_left(self._mention_starts, sent.end)
        out = self._mentions[lo:hi]
        for m in out:
            if m.needs_level:
                before = self.doc.match_text[sent.block.start:m.start]
                heads = [self.doc.match_text[h.start:h.end] for h in reversed(sent.headings)]
                lead = self._list_lead(sent.block.index) if sent.block.kind == LIST_ITEM else None
                if lead is not None:
                    # "... thống nhất đề nghị Chủ tịch UBND huyện:" over "- Tặng Giấy khen cho 02 tập thể"
                    heads.insert(0, self.doc.match_text[lead.start:lead.end])
                headline = self.frames.document.headline
                title = self.doc.match_text[headline.start:headline.end] if headline is not None else ""
                if title and headline.index < sent.block.index and catalog().last_granter(title, m.entry.levels):
                    # "Thủ tướng Chính phủ khen thưởng các tập thể ..." over "6 tập thể được tặng bằng khen
                    # gồm: ...": a text on one granter's awards names it once, in its headline (a granter
                    # it names, not a level such as "khen thưởng cấp Nhà nước")
                    heads.append(title)
                resolve_level(m, before, heads, base=sent.block.start)
        return out

    def _list_lead(self, block_index: int) -> Optional[Block]:
        """The block a list's awards take their granter from: the paragraph before the list when it ends
        with ':', or when it is a short line naming who grants ('Chính Phủ tặng', 'Bộ giao thông vận tải
        tặng.' over '– Bằng Khen: 87 lượt tập thể')."""
        lead = self.lead_block(block_index, nested=False)
        if lead is not None:
            return lead
        b = next((b for b in reversed(self.doc.blocks[:block_index]) if b.kind != LIST_ITEM), None)
        if b is not None and b.kind != TABLE and _GRANTING_LINE.fullmatch(self.doc.match_text, b.start, b.end):
            return b
        return None

    def granter_of(self, m: Optional[AwardMention]) -> Optional[str]:
        """Who grants the award, as written ("Chủ tịch UBND tỉnh", "Tổng Liên đoàn Lao động Việt Nam")."""
        if m is None or m.granter_span is None:
            return None
        return self.doc.text[m.granter_span[0]:m.granter_span[1]].strip() or None

    def numbers_in(self, sent: Sentence) -> list[nums.Num]:
        """Numbers of a sentence with absolute offsets (cached per sentence)."""
        cache = self.__dict__.setdefault("_num_cache", {})
        key = (sent.start, sent.end)
        if key not in cache:
            found = nums.find_numbers(sent.mtext, words=True)
            cache[key] = [_shift(n, sent.start) for n in found]
        return cache[key]

    # -- context ---------------------------------------------------------------
    def period(self, sent: Sentence, pos: int, end: Optional[int] = None, *, stock: bool = False) -> Optional[Period]:
        return period_at(sent, pos, self.doc_period, end, stock=stock)

    def status(self, sent: Sentence, pos: int) -> Optional[str]:
        st = status_at(sent, pos)
        if st is None and sent.block.kind == LIST_ITEM:
            st = self._lead_status(sent.block.index)
        if st is None and self.meta.doc_type == "to_trinh":
            return "proposed"  # a tờ trình asks for everything it counts
        if st is None and self.frames.document.plan and not _REPORTED.search(self.doc.match_text, sent.start, pos) \
                and not self._breaks_down_reported(sent):
            # "Đắk Nông đặt nhiều mục tiêu ... năm 2018": a text announcing plans sets targets, unless
            # the sentence reports what was reached ("đã giảm 6,32%", "hiện nay còn ..."), or breaks down
            # one that does ("Đến nay, toàn huyện đạt 381 tiêu chí ... Trong đó có 7 xã đạt 19/19 tiêu chí")
            return "target"
        return st

    def _breaks_down_reported(self, sent: Sentence) -> bool:
        mt = self.doc.match_text
        if not _BREAKDOWN_OPENS.match(mt[sent.start:sent.end]):
            return False
        prev = next((s for s in reversed(self.sentences) if s.end <= sent.start), None)
        return prev is not None and prev.block.index == sent.block.index \
            and _REPORTED.search(mt, prev.start, prev.end) is not None

    def _lead_status(self, block_index: int) -> Optional[str]:
        """'..., nhà trường đề nghị:' over '- Công nhận danh hiệu ... cho 10 cá nhân;': the status
        of the sentence a list hangs from."""
        cache = self.__dict__.setdefault("_lead_cache", {})
        if block_index in cache:
            return cache[block_index]
        st = None
        b = self.lead_block(block_index, nested=False)
        if b is not None:
            lead = [s for s in self.sentences if s.block.index == b.index]
            if lead:
                colon = self.doc.text.rfind(":", lead[-1].start, lead[-1].end)
                st = status_at(lead[-1], colon if colon > lead[-1].start else lead[-1].end)
        cache[block_index] = st
        return st

    def lead_block(self, block_index: int, *, nested: bool) -> Optional[Block]:
        """The block ending with ':' that the list item at ``block_index`` hangs from: the paragraph
        before the list (``nested=False``), or the nearest such block within ``LEAD_REACH``, an item
        of the list itself included ('- Tỷ lệ nghèo đa chiều khu vực nông thôn: ...; Trong đó:' over
        '+ Tỷ lệ hộ cận nghèo: 5,56%')."""
        if nested:
            for b in reversed(self.doc.blocks[max(0, block_index - LEAD_REACH):block_index]):
                if b.text.rstrip().endswith(":"):
                    return b
            return None
        for b in reversed(self.doc.blocks[:block_index]):
            if b.kind == LIST_ITEM:
                continue
            return b if b.text.rstrip().endswith(":") and b.kind != TABLE else None
        return None

    def opening_subject(self, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
        """The place a clause or sentence opens with, as its topic ('Như vậy, đến nay huyện Hương
        Khê có 16/20 xã ...', 'Huyện Cầu Ngang có 3/13 xã ...'), when it is not the reporting unit."""
        mt = self.doc.match_text
        whole = None
        for whole in _WHOLE_UNIT.finditer(mt, clause_start(sent, pos, seps=";"), pos):
            pass
        for lo in (clause_start(sent, pos, seps=",;"), clause_start(sent, pos, seps=";"), sent.start):
            head = _OPENING.match(mt, lo, pos)
            at = head.end() if head else lo
            place = self._place_at(at, pos)
            if place is None and (phrase := _OPENING_PHRASE.match(mt, at, pos)):
                # "Sau hơn 13 năm triển khai ..., đến nay huyện Châu Thành đã có 7/7 xã"
                again = _OPENING.match(mt, phrase.end(), pos)
                place = self._place_at(again.end() if again else phrase.end(), pos)
            if place and whole is not None and _PREFIX_LEVELS.get(whole.group("u")) not in (None, place[1]):
                return None     # "xã A đạt 16 tiêu chí; toàn huyện có 4 xã ...": the whole district, not the commune
            if place:
                name = fold(place[0])
                own = (fold(self.meta.district), fold(self.meta.place), fold(self.meta.province))
                if not is_headerless(self.meta) and name in own:
                    return None     # a report's own unit stays NULL; a news page has none
                return place
        return None

    def whole_unit_subject(self, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
        """'Tính đến tháng 8/2020, toàn tỉnh có 48 xã ...' in a text about a district: the province the
        text's district lies in ('toàn huyện' in a commune's text: its district); likewise '..., của tỉnh là
        1,6%'."""
        whole = None
        for whole in _WHOLE_UNIT.finditer(self.doc.match_text, clause_start(sent, pos, seps=";"), pos):
            pass
        if whole is None:
            whole = _LEVEL_OWNER.search(self.doc.match_text, clause_start(sent, pos, seps=",;"), pos)
        if whole is None:
            return None
        level = _PREFIX_LEVELS.get(whole.group("u"))
        own = self.own_place
        if own is None or level not in ("province", "district") or own.level == level:
            return None
        wider = own.province if level == "province" else own.district
        return (wider, level) if wider and fold(wider) != fold(own.name) else None

    @cached_property
    def own_place(self) -> Optional["TextPlace"]:
        """The text's own place and where it lies: the headline's for a news page, else the header's."""
        from .metadata import TextPlace, headerless_place
        if is_headerless(self.meta):
            return headerless_place(self.doc)
        m = self.meta
        if m.place and m.district and fold(m.place) != fold(m.district):
            return TextPlace(m.place, "commune", m.province, m.district)
        return TextPlace(m.district, "district", m.province, m.district) if m.district else None

    def owner_subject(self, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
        """'Tỷ lệ hộ nghèo của Hà Tĩnh giảm từ 31,5% ... xuống còn 5,9%': a province or district named
        without its prefix after 'của' in the figure's clause, when the gazetteer knows it."""
        from .gazetteer import find_districts, find_province
        m = None
        for m in _OWNER.finditer(self.doc.text, clause_start(sent, pos, seps=";"), pos):
            pass
        if m is None:
            return None
        name = m.group("name")
        from .subjects import opens_like_a_place
        if len(name.split()) < 2 or not opens_like_a_place(name):
            return None
        if find_province(name) is not None:
            return name, "province"
        return (name, "district") if find_districts(name) else None

    def nation_subject(self, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
        """'Tỷ lệ hộ nghèo chung cả nước là 2,93%; tổng số hộ nghèo là 815.101 hộ': a figure of the
        whole country, named before it in its sentence with no other place in between."""
        from .subjects import place_after_prefix
        mt = self.doc.match_text
        m = None
        for m in _NATION.finditer(mt, sent.start, pos):
            pass
        if m is None or place_after_prefix(self.doc.text, m.end(), pos) is not None:
            return None     # '... cả nước ...; tỉnh Kon Tum có 6,84%': the province's
        if _inside_quotes(mt[sent.start:m.start()]):
            return None     # 'phong trào thi đua "Cả nước chung sức xây dựng nông thôn mới"': a name
        return NATION, "country"

    def anaphoric_subject(self, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
        """'Đối với huyện Duyên Hải, ... Huyện có 06 xã đạt chuẩn ...': in a text with no header of
        its own, a unit named by its level alone in the figure's clause is the last one of that level
        named before it in the paragraph (or the headline), unless that is the reporting unit."""
        from .subjects import PREFIX_LEVELS, last_place_before
        if self.meta.doc_type not in (None, "other"):
            return None
        mt = self.doc.match_text
        a = None
        for a in _ANAPHOR.finditer(mt, clause_start(sent, pos, seps=";"), pos):
            pass
        if a is None:
            return None
        level = PREFIX_LEVELS.get(a.group("u"))
        heads = [b.start for b in self.doc.blocks[:1]]
        for lo in (sent.block.start, *heads):
            place = last_place_before(self.doc.text, lo, a.start(), level)
            if place is not None:
                if fold(place[0]) in (fold(self.meta.district), fold(self.meta.place), fold(self.meta.province)):
                    return None
                return place
        return None

    def subject_of(self, sent: Sentence, pos: int, metric: str) -> Optional[tuple[str, str]]:
        """The place a figure the rules gave none is about, from the first reading that names one: the
        place its clause or sentence opens with, a unit named by its level, the whole country, an owner
        ('của Hà Tĩnh'), the place of the figure before it. A count of units is never about a unit of
        their own level ('xã Khánh Thủy đạt chuẩn ..., 3 xã đạt chuẩn kiểu mẫu': other communes)."""
        own_level = counted_level(metric)
        for read in (self.opening_subject, self.whole_unit_subject, self.anaphoric_subject, self.nation_subject,
                     self.owner_subject):
            place = read(sent, pos)
            if place:
                return place if place[1] != own_level else None
        return self.carried_subject(sent, pos, metric)

    def carried_subject(self, sent: Sentence, pos: int, metric: str) -> Optional[tuple[str, str]]:
        """'Đến nay, 23/23 xã của huyện Kim Sơn đạt chuẩn NTM, 4 xã đạt chuẩn NTM nâng cao, ...; 33 thôn
        ...', 'Tỷ lệ nghèo đa chiều huyện nghèo Đakrông là 49,14%; trong đó: số hộ nghèo là 4.602 hộ':
        a figure whose clause names no place goes on about the place of the figure before it in its
        sentence (of its family), unless its clause speaks of a whole unit ('toàn huyện') or the figure
        counts units of that place's own level."""
        from .gazetteer import find_places
        prev = next((f for f in reversed(self.facts) if f.block_index == sent.block.index
                     and sent.start <= f.char_start < pos and f.table_index is None), None)
        if prev is None or prev.subject is None or prev.metric.split(".")[0] != metric.split(".")[0]:
            return None
        if _WHOLE_UNIT.search(self.doc.match_text, clause_start(sent, pos, seps=";"), pos):
            return None
        if any(fold(m.name) != fold(prev.subject) for m in find_places(self.doc.text[prev.char_end:pos])):
            return None     # "... xã thứ 52 của tỉnh Sơn La ... và huyện Phù Yên trở thành huyện ... có 9 xã": a new place
        if counted_level(metric) == prev.subject_level:
            return None     # "xã A đạt 19 tiêu chí, 3 xã còn lại ...": other communes
        return prev.subject, prev.subject_level

    def _place_at(self, at: int, pos: int) -> Optional[tuple[str, str]]:
        """The place named right at ``at``: with its prefix ('huyện Chợ Lách', 'TP. Bến Tre'), or
        a name of two words or more that has or reaches the figure ('Cầu Ngang có 08 xã')."""
        from .subjects import opens_like_a_place, place_after_prefix, prefix_level
        place = place_after_prefix(self.doc.text, at, pos, anchored=True)
        if place is None and (region := _REGION_OPENING.match(self.doc.match_text, at, pos)):
            return self.doc.text[region.start("name"):region.end("name")], REGION
        bare = None if place else _BARE_OPENING.match(self.doc.text, at, pos)
        if bare is None:
            return place
        words = bare.group("name").split()
        level = prefix_level(words[0])
        name = " ".join(words[1:]) if level else bare.group("name")
        if not name or not opens_like_a_place(name):
            return None
        return name, level or _gazetteer_level(name)

    # -- building facts ----------------------------------------------------------
    def fact(self, sent: Sentence, n: "nums.Num", metric: str, rule: str, **kw) -> Fact:
        """A fact for number ``n`` found in ``sent`` (offsets absolute)."""
        value = kw.pop("value", n.value)
        # a rule that names the unit by its level alone ('thứ 12 của tỉnh': the text's own province)
        # passes subject None with that level: no topic of the sentence stands in for it
        if kw.get("subject") is None and kw.get("subject_level") is None and metric.startswith(("poverty.", "ntm.")):
            opened = self.subject_of(sent, n.start, metric)
            if opened:
                kw["subject"], kw["subject_level"] = opened
        period = kw.get("period")
        if period is not None and _is_level(metric, rule, kw.get("of_total")):
            period = _level_at_span_end(period)
            if _END_STATE_BEFORE.search(self.doc.match_text, max(0, n.start - 16), n.start):
                # "Trong giai đoạn 2015-2019 tỷ lệ hộ nghèo ... đã giảm 16,94% (từ 30,53% xuống còn 13,59%)"
                period = _range_end(period)
        if period is not None:
            kw["period"] = str(period)
            kw.setdefault("period_source", getattr(period, "source", None) or "rule")
        f = Fact(metric=metric, value=float(value), char_start=n.start, char_end=n.end,
                 text=sent.text, rule=rule, page=sent.block.page, block_index=sent.block.index,
                 raw=self.doc.text[n.start:n.end], local_id=len(self.facts), **kw)
        if n.bound and f.bound is None:
            f.bound = n.bound
        if n.kind == "range" and f.value_low is None:
            f.value_low, f.value_high = n.low, n.high
        if n.ambiguous and f.confidence == 1.0:
            f.confidence = 0.6
            if n.alternatives:
                f.note = f.note or f"'{f.raw}' could also be read as {', '.join(_fmt(a) for a in n.alternatives)}"
            else:
                f.note = f.note or f"'{f.raw}' is written in another number convention"
        self.facts.append(f)
        return f


# periods a figure inherits from the text around it, not from its own words (the one period a text names,
# "text", is its own words somewhere)
_FRAME_SOURCES = (HEADERLESS_FRAME_SOURCES - {"text"}) | {"paragraph", "heading", "document"}
_LEVEL_METRICS = frozenset({"ntm.avg_criteria", "ntm.criteria_met"})
_COUNTED_LEVEL = {"communes": "commune", "districts": "district", "villages": "village"}


def _inside_quotes(before: str) -> bool:
    """Whether the text after ``before`` lies inside quotation marks it opened."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def counted_level(metric: str) -> Optional[str]:
    """The level of the units a metric counts: 'ntm.districts_standard' → 'district'."""
    return _COUNTED_LEVEL.get(metric.split(".")[-1].split("_")[0])


def _is_level(metric: str, rule: str, of_total: Optional[float]) -> bool:
    """A state at a moment: poor households and rates, the criteria a commune meets, a share of
    communes ('73/87 xã'), a running total ('nâng tổng số ... lên 28 xã')."""
    from .poverty import is_stock
    return is_stock(metric) or metric in _LEVEL_METRICS or (
        metric.startswith("ntm.") and (of_total is not None or rule == "ntm.raised_total"))


def _level_at_span_end(period: Period) -> Period:
    """A level that takes its period from the span a text is about ('giai đoạn 2016-2020' in its lede
    or title), not from its own words, is the state at the span's end (or at the dateline inside
    it): a level is at a moment, not over five years. A school year (2022-2023) is one period."""
    if not isinstance(period, Period) or period.source not in _FRAME_SOURCES:
        return period
    years = period.split("-")
    if len(years) != 2 or not all(y.isdigit() for y in years) or int(years[1]) - int(years[0]) < 2:
        return period
    return Period(period.now or years[1], "span_end")


def _range_end(period: Period) -> Period:
    """The state a change over a span of years ended in is of the span's last year."""
    years = str(period).split("-")
    if len(years) != 2 or not all(y.isdigit() and len(y) == 4 for y in years) or years[1] <= years[0]:
        return period
    return Period(years[1], "span_end")


def _fmt(v: float) -> str:
    return f"{v:g}"


def _shift(n: "nums.Num", base: int) -> "nums.Num":
    from dataclasses import replace
    return replace(n, start=n.start + base, end=n.end + base)


def _gazetteer_level(name: str) -> str:
    """The level of a unit named without its prefix, from the gazetteer ('Long An' a province,
    'Cầu Ngang' a district), else a commune."""
    from .gazetteer import find_districts, find_province
    if find_province(name) is not None:
        return "province"
    return "district" if find_districts(name) else "commune"
