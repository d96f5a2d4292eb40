"""Poverty metrics: counts and rates of poor, near-poor, multidimensionally poor,
new-poor and escaped households, and the yearly reduction of the poverty rate.

Topics (``metrics.toml``: ``[[poverty_topic]]``) say what a number near them
counts.  A count is a number followed by ``hộ``: its topic is the one written
right after (``945 hộ nghèo``) or, for a bare ``N hộ``, the nearest one before it
in the clause (``hộ cận nghèo 2.596 hộ``).  A percent takes the nearest topic
before it in the clause — or in the previous clause of the sentence when its own
names none (``xã Hoạt Giang hộ nghèo giảm còn (3,7%); xã Hà Vinh giảm còn
(3,72%)``).  Beneficiaries (``hỗ trợ ... cho 40 hộ nghèo``) are not counts of
poor households.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from pipeline.model import LIST_ITEM


from .analysis import Analysis
from .context import Period, is_from_level
from .datafiles import load, pattern
from .numbers import Num, find_numbers
from .subjects import bare_place_opening, prefix_level, subject_before
from .text import Sentence, clause_start
from .lexicon import P



@dataclass
class Topic:
    id: str
    pattern: "regex.Pattern"
    count_metric: Optional[str]
    rate_metric: Optional[str]
    reduction_metric: Optional[str]


@dataclass
class Vocab:
    topics: list[Topic]
    reduction: "regex.Pattern"
    level: "regex.Pattern"
    beneficiary: "regex.Pattern"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    data = load("metrics.toml")
    topics = []
    for t in data["poverty_topic"]:
        alts = "|".join(f"(?:{pattern(k)})" for k in t["keywords"])
        topics.append(Topic(t["id"], regex.compile(rf"(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])"),
                            t.get("count_metric"), t.get("rate_metric"), t.get("reduction_metric")))
    p = data["poverty"]
    return Vocab(topics, regex.compile(pattern(p["reduction"])), regex.compile(pattern(p["level"])),
                 regex.compile(pattern(p["beneficiary"])))


def _topics_in(mt: str, lo: int, hi: int) -> list[tuple[int, int, Topic]]:
    """Topic mentions in mt[lo:hi] (absolute spans), first topic wins at a place."""
    found: list[tuple[int, int, Topic]] = []
    for t in vocab().topics:
        for m in t.pattern.finditer(mt, lo, hi):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), t))
    found.sort(key=lambda x: x[0])
    return found


def _topic_named_after(mt: str, end: int, limit: int) -> Optional[Topic]:
    """The topic written right after a percent ('6,71% hộ nghèo'); the caller has set aside a share
    covered by something ('100% hộ nghèo được cấp thẻ ...', ``_covered_share``)."""
    after = _topics_in(mt, end, min(limit, end + 30))
    if not after or not regex.fullmatch(r"\s*(?:tỷ lệ\s+)?", mt[end:after[0][0]]):
        return None
    return after[0][2]


def _fall_in(head: str) -> bool:
    """Whether the words before a topic say it fell by the figure: 'giảm' with no 'còn'/'xuống' after it
    ('tỷ lệ hộ nghèo giảm mạnh xuống còn dưới 1% (Thanh An 0,3%': the places' levels, not falls)."""
    last = None
    for last in vocab().reduction.finditer(head):
        pass
    return last is not None and not _LEVEL_AFTER_FALL.search(head, last.end())


_LEVEL_AFTER_FALL = P("pov_level_after_fall")


def _covered_share(mt: str, end: int, limit: int) -> bool:
    """'85% hộ nghèo có nhà ở ...', '100% người nghèo, cận nghèo được cấp thẻ ...': the poor (or the
    people) a percent is written before have something; it is no rate of any topic."""
    return bool(_POOR_NAMED_AFTER.match(mt, end, limit) and _COVERED_AFTER.match(mt, end, limit))


_COVERED_AFTER = P("pov_covered_after")
_POOR_NAMED_AFTER = P("pov_poor_named_after")
_THIS_FIGURE = P("pov_this_figure")
_SHARE_OF_POOR = P("pov_share_of_poor")
_OF_TARGET = P("pov_of_target_after")
_LIST_ITEM = P("pov_list_item")
_CHANGE_BEFORE = P("pov_change_before")
_FELL_BY = P("pov_fell_by")
_PARTS_OF_ALL_HOUSEHOLDS = P("pov_parts_of_all_households")
_ESCAPED_SAID = P("pov_escaped_said")
_OPENING_WORDS = P("pov_opening_words")
_BREAKDOWN_OPEN = P("pov_breakdown_open")
_YEARLY_FALL_OPEN = P("pov_yearly_fall_open")
_BARE_ITEM = P("pov_bare_item")
_TOPIC_THEN_COUNT = P("pov_topic_then_count")
_COUNT_ENDS = P("pov_count_ends")
_SCOPE = P("pov_scope")
_SCOPE_AFTER_COUNT = P("pov_scope_after_count")
_COUNT_BEFORE_SCOPE = P("pov_count_before_scope")
_OTHER_RATE = P("pov_other_rate")
_GAP_TO_AVERAGE = P("pov_gap_to_average")
_GAP_WORD = P("pov_gap_word")
_REDUCED_OBJECT = P("pov_reduced_object")
_REDUCTION_IS = P("pov_reduction_is")
_GROUP_BEFORE = P("pov_group_before")
# counted over a year, not measured at a moment: "đầu năm" keeps its year
_CLOSED_PAREN = regex.compile(r"\([^()]*\)")
_FROM_STATE = P("pov_from_state")
_FLOWS = {"poverty.escaped_households", "poverty.new_poor_households", "poverty.poor_rate_reduction"}


def is_stock(metric: Optional[str]) -> bool:
    """A level at a moment (poor households, a rate), not a flow over a period (escaped, new poor, a fall)."""
    return bool(metric) and metric.startswith("poverty.") and metric not in _FLOWS
_TRANSITION = P("pov_transition")
_AFTER_COUNT = P("pov_after_count")
_UNIT_END = P("pov_unit_end")
_HOUSEHOLDS = P("pov_household_unit")
_COUNT_TAIL = P("pov_count_tail")
_TAKING_PART = P("pov_taking_part")
_NEW_BEFORE = P("pov_new_before")
_BEHIND_RATE = P("pov_behind_rate")
_BARE_RATE_ITEM = P("pov_bare_rate_item")
_RISE_BEFORE = P("pov_rise_before")
_PLACES_COUNTED = P("pov_places_counted")
_STATED_BASE = P("pov_stated_base")
_RATE_CLAUSE = P("pov_rate_clause")
_CHANGE_SHARE = P("pov_change_share")
_NAMED_AS_UNIT = P("pov_named_as_unit")
_BECAME = P("pov_became")
_FELL_MOST = P("pov_fell_most")
_FALL_CLAUSE = P("pov_fall_clause")
_ESCAPED_AFTER = P("pov_escaped_after")


def extract_poverty(an: Analysis) -> None:
    mt = an.doc.match_text
    v = vocab()
    said: Optional[Topic] = None        # the topic of the last rate of the sentence before
    carried: Optional[tuple[Topic, str]] = None     # the topic and metric of the sentence before's last percent
    for sent in an.sentences:
        if sent.in_closing:
            continue
        goes_on = carried is not None and (_BREAKDOWN_OPEN.match(mt, sent.start, sent.end) is not None
                                           or _YEARLY_FALL_OPEN.match(mt, sent.start, sent.end) is not None)
        if "nghèo" not in sent.mtext and not (said and _THIS_FIGURE.search(sent.mtext)) and not goes_on:
            said = carried = None
            continue
        # "... tỷ lệ hộ nghèo ở mức 5,27%. Đến năm 2019, con số này là 2,66%": the figure goes on
        last_topic: Optional[Topic] = said if _THIS_FIGURE.search(sent.mtext) else None
        last_end = sent.start           # end of the last figure emitted in this sentence
        last_rate: Optional[str] = None  # the metric of the last percent emitted in this sentence
        if last_topic is None and goes_on:
            # "Tỷ lệ hộ nghèo giảm 2,39%. Cụ thể: huyện Bác Ái giảm 6,65%; Ninh Phước 4,68%": the sentence
            # details the one before, place by place; "... giảm 3,21%. Bình quân mỗi năm giảm 0,58%.": it
            # gives the yearly fall of the rate before
            last_topic, last_rate = carried
        for n in an.numbers_in(sent):
            if n.start < last_end:
                continue        # "52 hộ nghèo trên tổng số 3.023 hộ": the base of the count before
            cs = clause_start(sent, n.start, seps=";")
            if n.percent:
                if _OF_TARGET.match(mt, n.end) or n.value > 100:
                    # "đạt 125% so với chỉ tiêu": how much of a target, not a rate; no rate of households,
                    # nor its fall, exceeds 100% ("tỷ lệ giảm nghèo vượt kế hoạch ... đạt 167%")
                    continue
                if _GAP_TO_AVERAGE.match(mt, n.end) and _GAP_WORD.search(mt, max(cs, n.start - 20), n.start):
                    # "tỷ lệ hộ nghèo giảm còn 14,73%, thấp hơn 2,56% so với trung bình toàn tỉnh": how far below
                    # another place's rate, neither a level nor a fall
                    continue
                if _RISE_BEFORE.search(mt, max(cs, n.start - 20), n.start) or _restates_fraction(an, sent, cs, n):
                    # "tỉ lệ hộ cận nghèo ở thị trấn tăng 2,41%": a rise; "14/14 xã ..., đạt tỉ lệ 100%": the
                    # percent of a fraction before it
                    continue
                if (ch := _CHANGE_SHARE.search(mt, max(cs, n.start - 90), n.start)) is not None:
                    # "..., giảm 87 hộ, chiếm tỉ lệ 9,1%": the share the change is of, not a level; a fall is
                    # how much the rate fell
                    fell = [t for t in _topics_in(mt, sent.start, n.start) if t[2].reduction_metric]
                    if ch.group("way") == "giảm" and fell:
                        _emit(an, sent, n, fell[-1][2].reduction_metric, fell[-1][2].id + ".rate", "percent", cs)
                        last_end = n.end
                    continue
                if _SHARE_OF_POOR.match(mt, n.end):
                    # "486 hộ ..., chiếm 60,1% số hộ nghèo": a share of the poor, not a poverty rate
                    continue
                if n.bound in (">", "<") and _GROUP_BEFORE.search(mt, cs, n.start):
                    # "các xã ... có tỷ lệ hộ nghèo trên 36%", "các xã trong Cụm đều dưới 0,5%":
                    # a bound describing a group of places is not a figure of any of them
                    continue
                tops = [t for t in _topics_in(mt, cs, n.start)]
                if tops and _OTHER_RATE.search(mt, tops[-1][1], n.start):
                    # "giảm 1% tỷ lệ hộ nghèo ..., tỷ lệ người dân tham gia bảo hiểm y tế 91%": another indicator's rate
                    tops = []
                topic = tops[-1][2] if tops else None
                tstart = tops[-1][0] if tops else None
                if _covered_share(mt, n.end, sent.end):
                    continue    # "98% hộ nghèo được tiếp cận nguồn nước ...": who has a service, not a rate
                continued = False
                named = _topic_named_after(mt, n.end, sent.end)
                if named is not None and v.beneficiary.search(mt[max(cs, n.start - 40):n.start]):
                    continue    # "hỗ trợ 100% hộ nghèo, hộ cận nghèo phát triển sinh kế": who was helped
                if named is not None:
                    # "còn 6,71% hộ nghèo", "kéo giảm gần 2,70% tỷ lệ hộ nghèo": the topic named at the figure
                    topic, tstart = named, n.start
                gap = mt[last_end:n.start]
                if topic is None and last_topic is not None and (
                        regex.search(r"(?:còn|xuống|chiếm|(?<!\w)từ)\s*\(?\s*$", mt[cs:n.start])
                        # "Tổng số hộ nghèo: 13.867 hộ; chiếm tỷ lệ 17,02%": a rate clause right after its count
                        or (last_end > sent.start and cs >= last_end and _RATE_CLAUSE.search(mt[cs:n.start])
                            and not regex.search(r"\d", mt[last_end:n.start]))
                        or _THIS_FIGURE.search(mt, cs, n.start)
                        or regex.fullmatch(r"\s*[,(]?\s*(?:tỷ lệ|chiếm|bằng)?\s*(?:tỷ lệ)?\s*",
                                           _after_topic(mt, last_end, n.start, last_topic))
                        or _next_place_of_list(an, sent, last_end, n.start)
                        or (last_end > sent.start and len(gap) <= 60 and not regex.search(r"\d", gap)
                            and regex.search(r"\(\s*$", gap)
                            and subject_before(an.doc.text, last_end, n.start) is not None)
                        or (last_end > sent.start and cs >= last_end and _LIST_ITEM.fullmatch(mt, cs, n.start)
                            and subject_before(an.doc.text, cs, n.start) is not None)
                        or (last_end > sent.start and cs >= last_end and not mt[cs:n.start].strip(" ;")
                            and _BARE_RATE_ITEM.match(mt, n.end))):
                    # "... còn 18,22% (năm 2011); 14,51% (năm 2012); 11,58% (năm 2013)": a ';' list of the
                    # same rate, year by year
                    # "...; tiếp theo là huyện Ngân Sơn 34,41%; huyện Na Rì 25,11%": a ';' list of places
                    # "...; thấp nhất là thị trấn Chợ Chùa (0,84%)": a place and its figure in brackets
                    # "..., trong đó Hải Lộc còn 2,15%, Minh Lộc 1,86%": a list of the same figure
                    topic, tstart = last_topic, max(cs, last_end)
                    continued = True
                if topic is None and regex.search(r"(?:bình quân |mỗi năm |hằng năm |hàng năm )*giảm(?: bình quân)?(?: được)?\s*$",
                                                  mt[cs:n.start]):
                    # "...; bình quân mỗi năm giảm 2,17%": the yearly fall of the rate the sentence is about
                    first = [t for t in _topics_in(mt, sent.start, n.start) if t[2].reduction_metric]
                    if first:
                        _emit(an, sent, n, first[0][2].reduction_metric, first[0][2].id + ".rate", "percent", cs)
                        last_end = n.end
                    elif last_topic is not None and last_topic.reduction_metric and last_rate:
                        # "Cụ thể, huyện Minh Hóa giảm 6,5%; ...": a place's fall in the breakdown of the one before
                        _emit(an, sent, n, last_topic.reduction_metric, last_topic.id + ".rate", "percent", cs)
                        last_end, last_rate = n.end, last_topic.reduction_metric
                    continue
                if _falls_after(mt, last_topic, last_end, sent, n):
                    _emit(an, sent, n, last_topic.reduction_metric, last_topic.id + ".rate", "percent", cs)
                    last_end, last_rate = n.end, last_topic.reduction_metric
                    continue
                if topic is None or n.start - tstart > 120:
                    continue
                if last_end > tstart and not topic.pattern.search(mt, last_end, n.start):
                    # a figure of this topic came first: only a short list ("A còn 2,15%, B 1,86%") or a
                    # from-to ("từ 11,72% năm 2016 xuống còn 2,69%") may follow it
                    # "809 hộ/27.420 hộ, tỷ lệ 2,95%", "2.064 hộ/4.711 người, tỷ lệ 0,64%": the count's own unit and
                    # base or people are not in the way
                    g2 = _COUNT_TAIL.sub("", gap)
                    g2 = _CLOSED_PAREN.sub("", regex.sub(r"năm \d{4}", "", g2))
                    listed = not regex.search(r"\d", g2) and subject_before(an.doc.text, last_end, n.start)
                    if (len(g2) > 45 and not listed) or (regex.search(r"\d", g2) and not _TRANSITION.search(g2)):
                        # "..., phân theo các khu vực như sau: Trung du và miền núi phía Bắc 14,23%": the first
                        # place of a list of the same figure may follow a long lead-in
                        continue
                # "còn 19.965 hộ nghèo (giảm 5.842 hộ so với cuối năm 2019), chiếm tỷ lệ 5,38%": a change
                # in a closed bracket is not what the percent after it says
                between = _CLOSED_PAREN.sub("", mt[max(tstart, last_end):n.start])
                head = mt[max(clause_start(sent, tstart, seps=";:"), tstart - 40):tstart]
                changed = last_end > tstart and _CHANGE_BEFORE.search(mt, max(last_end, n.start - 30), n.start)
                if topic.reduction_metric and (changed or (_FELL_MOST.search(between)
                                                           and not _LEVEL_AFTER_FALL.search(between))
                                               or (_fall_in(head) or v.reduction.search(between))
                                               and not regex.search(r"(?:còn|xuống|từ|\blà\b|chiếm)", between)
                                               # "Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là 0,47%": the
                                               # rate is what is reduced, the figure how much
                                               or (_REDUCED_OBJECT.search(head) and _REDUCTION_IS.fullmatch(between))):
                    metric = topic.reduction_metric
                elif changed or (not topic.reduction_metric and topic.rate_metric not in _FLOWS
                                 and (v.reduction.search(head) or v.reduction.search(between))
                                 and not regex.search(r"(?:còn|xuống|từ|\blà\b|chiếm)", between)):
                    # "..., tương đương giảm 12,22%", "Tỷ lệ hộ cận nghèo giảm 0,04%": how much it fell, not a level
                    continue
                elif continued and last_rate and last_end > sent.start and _BARE_ITEM.fullmatch(mt, last_end, n.start):
                    # "huyện Bác Ái giảm 6,65%; Ninh Phước 4,68%": an item that leaves out the verb says what the
                    # one before said
                    metric = last_rate
                elif topic.rate_metric:
                    metric = topic.rate_metric
                else:
                    continue
                _emit(an, sent, n, metric, topic.id + ".rate", "percent", max(cs, last_end if last_end > cs else cs))
                last_topic, last_end, last_rate = topic, n.end, metric
                said = topic if metric == topic.rate_metric else None
                continue
            if n.kind not in ("int", "fraction") or n.value != int(n.value):
                continue
            a = _AFTER_COUNT.match(mt, n.end)
            if not a:
                # "số hộ nghèo: 1.005;", "số hộ nghèo là 2.456": the topic, then only the figure
                tops = _topics_in(mt, cs, n.start)
                if tops and tops[-1][2].count_metric and _TOPIC_THEN_COUNT.fullmatch(mt, tops[-1][1], n.start) \
                        and _COUNT_ENDS.match(mt, n.end):
                    topic = tops[-1][2]
                    if not v.beneficiary.search(mt[max(cs, n.start - 40):n.start]):
                        _emit(an, sent, n, topic.count_metric, topic.id + ".count", "household", max(cs, last_end))
                        last_topic, last_end = topic, n.end
                continue
            tops_after = _topics_in(mt, n.end, min(sent.end, n.end + 40))
            topic = None
            if tops_after and tops_after[0][0] <= a.start() + 1:
                topic = tops_after[0][2]
            elif _UNIT_END.match(mt[n.end:n.end + 20]):
                tops = _topics_in(mt, cs, n.start)
                # "số hộ nghèo giảm từ 1.752 hộ (tỷ lệ 4,06%) đầu năm xuống còn 1.053 hộ": a closed bracket, or the
                # level a fall starts from, between the topic and its count does not part them
                if tops and (len(_FROM_STATE.sub("", _CLOSED_PAREN.sub("", mt[tops[-1][1]:n.start]))) <= 40
                             or _first_place_of_list(an, tops[-1][1], n.start)) \
                        and not _PARTS_OF_ALL_HOUSEHOLDS.match(mt, n.end, sent.end):
                    # ("kết quả rà soát hộ nghèo, hộ cận nghèo ..., toàn huyện có 33.784 hộ; trong đó có 1.044 hộ
                    # nghèo, ... 1.627 hộ cận nghèo": the households the parts after it are of)
                    topic = tops[-1][2]
            if topic is None and last_topic is not None and _BEHIND_RATE.search(mt, max(sent.start, last_end - 1), n.start):
                # "còn 6,45% (1.642 hộ)", "chiếm 11% dân số toàn huyện (tương đương 669 hộ)": the households
                # behind the rate
                topic = last_topic
            if topic is None and last_topic is not None and last_topic.count_metric \
                    and _HOUSEHOLDS.match(mt, n.end) and _next_place_of_list(an, sent, last_end, n.start):
                topic = last_topic      # "gồm: Ninh Sơn 2.638 hộ, Thuận Bắc 2.456 hộ, ...": the same count, place by place
            if topic is None or topic.count_metric is None:
                continue
            if _BECAME.match(mt, n.end):
                continue    # "có 169 hộ cận nghèo trở thành hộ nghèo": households that moved, no stock of either
            if topic.count_metric != "poverty.escaped_households" and v.beneficiary.search(mt[max(cs, n.start - 40):n.start]):
                continue    # "hỗ trợ ... cho 40 hộ nghèo" (but "giúp đỡ 1.150 hộ thoát nghèo" is who escaped)
            if _TAKING_PART.match(mt, n.end):
                continue    # "27 dự án ... với 1.146 hộ nghèo, hộ cận nghèo tham gia": who took part, no stock
            change = _CHANGE_BEFORE.search(mt, max(cs, n.start - 25), n.start) if topic.count_metric not in _FLOWS else None
            if change is not None and not (topic.count_metric == "poverty.poor_households"
                                           and _FELL_BY.match(change.group())
                                           and not _ESCAPED_SAID.search(mt, sent.block.start, sent.block.end)):
                continue    # "tăng 12 hộ cận nghèo": a change, not the number of households
            metric = topic.count_metric
            if change is not None:
                # "huyện U Minh giảm 3.427 hộ nghèo": the households that left poverty, net, when the paragraph
                # gives no count of them itself ("... giảm 287 hộ nghèo; trong năm có 318 hộ thoát nghèo")
                metric = "poverty.escaped_households"
            if topic.count_metric == "poverty.poor_households" and _NEW_BEFORE.search(mt, max(cs, n.start - 30), n.start):
                metric = "poverty.new_poor_households"      # "phát sinh mới 03 hộ nghèo"
            elif topic.count_metric == "poverty.poor_households" and _ESCAPED_AFTER.match(mt, n.end, sent.end):
                metric = "poverty.escaped_households"       # "10.340 hộ nghèo trên địa bàn tỉnh được thoát nghèo"
            rule = "pov.escaped.count" if metric == "poverty.escaped_households" else topic.id + ".count"
            _emit(an, sent, n, metric, rule, "household", max(cs, last_end))
            base = _STATED_BASE.match(mt, n.end, sent.end)
            last_topic, last_end = topic, base.end() if base else n.end
        carried = (last_topic, last_rate) if last_topic is not None and last_rate else None
        _baseline_levels(an, sent)
    _sums_of_poor_and_near_poor(an)
    _start_of_year_levels(an)


def _start_of_year_levels(an: Analysis) -> None:
    """'Đầu năm 2023, toàn xã có 41 hộ nghèo' is the level 2022 left when the text also tells 2023's own
    level of that figure (a change over the year: '... cuối năm còn 30 hộ'); alone, it is the text's
    figure of 2023 (period_source stays ``start_of_year``)."""
    for f in an.facts:
        if f.period_source != "start_of_year" or not (f.period or "").isdigit() or f.table_index is not None:
            continue
        year = str(int(f.period) + 1)
        if not any(g is not f and g.metric == f.metric and g.subject == f.subject and g.scope == f.scope
                   and g.period == year for g in an.facts):
            f.period = year


SUM_SLACK = {"percent": 0.011, "household": 0.0}     # rounding allowed between a sum and its parts
_PARTS = {"poverty.poor_rate": ("poverty.near_poor_rate", "poverty.multidim_rate"),
          "poverty.poor_households": ("poverty.near_poor_households", "poverty.multidim_households")}
_PARTS_BLOCKS = 1      # the parts stand in the figure's block or the next


def _falls_after(mt: str, last: Optional[Topic], last_end: int, sent: Sentence, n: Num) -> bool:
    """'Hộ nghèo DTTS 2.793 hộ, chiếm 3,58% số hộ DTTS, giảm 2% so với năm 2019': a clause right after a
    figure of a topic that only says how much it fell is the fall of that topic's rate."""
    if last is None or not last.reduction_metric or last_end <= sent.start:
        return False
    gap = mt[last_end:n.start]
    return len(gap) <= 90 and not regex.search(r"\d", gap) and _FALL_CLAUSE.search(gap) is not None


def _sums_of_poor_and_near_poor(an: Analysis) -> None:
    """'tỷ lệ hộ nghèo đa chiều toàn tỉnh là 13,16%; ..., trong đó: số hộ nghèo là 14.040 hộ (tỷ lệ
    7,71%), hộ cận nghèo là 9.927 hộ (tỷ lệ 5,45%)': a poor rate (or count) that the poor and near-poor
    ones stated after it, of the same place and period, add up to is of both (``multidim``)."""
    facts = [f for f in an.facts if f.metric in _PARTS or f.metric in {v[0] for v in _PARTS.values()}]
    for f in facts:
        if f.metric not in _PARTS or f.block_index is None:
            continue
        near_metric, both = _PARTS[f.metric]
        later = [x for x in facts if x is not f and x.char_start > f.char_start and x.block_index is not None
                 and x.block_index - f.block_index <= _PARTS_BLOCKS and x.subject == f.subject and x.period == f.period]
        poor = next((x for x in later if x.metric == f.metric and x.value < f.value), None)
        near = next((x for x in later if x.metric == near_metric), None)
        if poor is not None and near is not None and abs(poor.value + near.value - f.value) <= SUM_SLACK[f.unit or "household"]:
            f.metric, f.rule = both, f"{f.rule}.sum_of_parts"


def _restates_fraction(an: Analysis, sent: Sentence, cs: int, n: Num) -> bool:
    """Whether a percent is the share a fraction of places before it in its clause states ('14/14 xã
    ..., đạt tỉ lệ 100%'; a fraction of households, '2.145/41.020 hộ ..., chiếm tỷ lệ 5,23%', is the rate)."""
    mt = an.doc.match_text
    return any(f.kind == "fraction" and f.of_total and f.end <= n.start and _PLACES_COUNTED.match(mt, f.end)
               and abs(f.value / f.of_total * 100 - n.value) < _FRACTION_PERCENT_TOLERANCE
               for f in an.numbers_in(sent) if f.start >= cs)


_FRACTION_PERCENT_TOLERANCE = 0.15     # percentage points a rounded share of a fraction may be off


def _first_place_of_list(an: Analysis, topic_end: int, pos: int) -> bool:
    """'số hộ nghèo của các huyện, thị xã như sau: Mường Lát 3.120 hộ, ...': the topic heads a
    list after a colon and only the first place's name stands between the colon and the figure."""
    colon = an.doc.match_text.rfind(":", topic_end, pos)
    return colon >= 0 and _next_place_of_list_gap(an, colon + 1, pos)


_BASELINE_LEVEL = P("pov_baseline_level")


def _baseline_levels(an: Analysis, sent: Sentence) -> None:
    """'chiếm tỷ lệ 35,23% (giảm 4,35% so với năm 2022 là 39,58%)': the level a reduction is measured
    from, with its year, is the rate of that year."""
    mt = an.doc.match_text
    for m in _BASELINE_LEVEL.finditer(mt, sent.start, sent.end):
        n_start = m.start("n")
        if any(f.char_start == n_start for f in an.facts):
            continue
        before = [f for f in an.facts if f.block_index == sent.block.index and sent.start <= f.char_start < m.start()
                  and f.metric.endswith("_rate_reduction")]
        if not before:
            continue
        topic = next((t for t in vocab().topics if t.reduction_metric == before[-1].metric), None)
        if topic is None or topic.rate_metric is None:
            continue
        n = next((x for x in an.numbers_in(sent) if x.start == n_start), None)
        if n is None:
            continue
        an.fact(sent, n, topic.rate_metric, topic.id + ".rate", unit="percent",
                period=Period(m.group("y"), "baseline"), status=an.status(sent, n.start),
                subject=before[-1].subject, subject_level=before[-1].subject_level, scope=before[-1].scope)


def _next_place_of_list_gap(an: Analysis, lo: int, pos: int) -> bool:
    gap = an.doc.match_text[lo:pos]
    return len(gap) <= 45 and not regex.search(r"[\d;]", gap) and subject_before(an.doc.text, lo, pos) is not None


def _next_place_of_list(an: Analysis, sent: Sentence, last_end: int, pos: int) -> bool:
    """'..., trong đó Hải Lộc còn 2,15%, Minh Lộc 1,86%': between the last figure and this one only
    the name of the next place, so this figure is the same measure for that place."""
    return last_end > sent.start and _next_place_of_list_gap(an, last_end, pos)


def _after_topic(mt: str, lo: int, hi: int, topic: Topic) -> str:
    """mt[lo:hi] without the topic's own words, or the count's bare unit, at its start: after "1.771 hộ
    nghèo" (or "số hộ nghèo là 1.771 hộ") the gap to "(tỷ lệ 5,55%)" is just " (tỷ lệ "."""
    ws = regex.match(r"\s*", mt[lo:hi])
    m = topic.pattern.match(mt, lo + ws.end(), hi) or _HOUSEHOLDS.match(mt, lo + ws.end(), hi)
    return mt[m.end():hi] if m else mt[lo:hi]


def _emit(an: Analysis, sent: Sentence, n: Num, metric: str, rule: str, unit: str, cs: int) -> None:
    subj = subject_before(an.doc.text, cs, n.start)
    if subj is None:
        # "xã Hà Vinh giảm còn (3,72%)": the place may open the clause
        from .subjects import place_after_prefix
        subj = place_after_prefix(an.doc.text, cs, n.start)
    if subj is None:
        # "..., tỷ lệ hộ nghèo của thị xã là 1,83%, của tỉnh là 1,6%", "toàn tỉnh có ...": the unit the text's lies in
        subj = an.whole_unit_subject(sent, n.start)
    par = sent.in_paren(n.start)
    if subj is None and par is not None:
        # "huyện Thuận Nam có tỷ lệ hộ nghèo 13,79% (1.622 hộ)": the households behind a rate are the
        # rate's place's
        subj = _subject_of_rate_before(an, sent, par[0])
    if subj is None and par is not None and an.facts and an.facts[-1].unit == "household" \
            and an.facts[-1].subject and sent.start <= an.facts[-1].char_end <= par[0] \
            and not an.doc.text[an.facts[-1].char_end:par[0]].strip(" hộ"):
        # "là Nghệ An với 45.333 hộ (5,19%)": the rate in brackets after a count is the count's place's
        subj = an.facts[-1].subject, an.facts[-1].subject_level
    if subj is None and par is not None:
        # "huyện Kông Chro (giảm 7,24%), huyện Chư Sê (giảm 2,52%)": the place right before the bracket
        subj = subject_before(an.doc.text, max(sent.start, par[0] - 60), par[0])
    if subj is None:
        # "Bắc Trà My có tổng số hộ nghèo nhiều nhất với 3.704 hộ, ...": a place the gazetteer knows,
        # named bare where the figure's clause opens
        subj = bare_place_opening(an.doc.text, max(sent.start, cs), n.start, an.meta.province)
        if subj is None and par is not None:
            # "TP.Hội An có tỷ lệ hộ nghèo thấp nhất với 0,19% (43 hộ)": the place of the figure the bracket follows
            subj = bare_place_opening(an.doc.text, sent.start, par[0], an.meta.province)
    if subj is None and par is None:
        # "huyện Thuận Nam có tỷ lệ hộ nghèo 13,79% (1.622 hộ), tỷ lệ hộ cận nghèo 7,31%": the clause
        # goes on about the place of its figure before
        subj = _subject_of_clause_before(an, sent, n.start)
    if subj is None and (named := _NAMED_AS_UNIT.match(an.doc.text, sent.start, n.start)) is not None:
        # "Hướng Hiệp là xã có hộ nghèo giảm nhiều nhất ..., chiếm tỉ lệ 9,1%": the unit the sentence opens by naming
        subj = named.group("name"), prefix_level(named.group("u").lower()) or "commune"
    if subj is None and _BREAKDOWN_OPEN.match(an.doc.match_text, sent.start):
        # "Huyện Tri Tôn có 34.162 hộ. Trong đó, số hộ nghèo: 6.323": the place the sentence before opens with
        subj = opening_place(an, sent)
    subject, level = (subj if subj else (None, None))
    value = n.value
    if n.kind == "range" and n.high is not None:
        value = n.high
    stock = metric not in _FLOWS
    status = an.status(sent, n.start)
    if status == "target" and stock and is_from_level(an.doc.match_text, n.start, n.end):
        status = None   # "Phấn đấu giảm tỷ lệ hộ nghèo từ 8,45% năm 2016 xuống còn dưới 3%": the level it starts from is reached
    an.fact(sent, n, metric, rule, value=value, unit=unit, period=an.period(sent, n.start, n.end, stock=stock),
            status=status, subject=subject, subject_level=level, scope=_scope(an, sent, n),
            of_total=n.of_total if n.kind == "fraction" else _stated_base(an, sent, n, unit))


def _subject_of_rate_before(an: Analysis, sent: Sentence, paren: int) -> Optional[tuple[str, str]]:
    """(subject, level) of the rate fact that the bracket at ``paren`` follows, if it has one."""
    # "giảm 4,1% (từ 20,5% xuống còn 16,4%)": a figure read earlier in the same bracket is no rate it follows
    last = next((f for f in reversed(an.facts) if not paren < f.char_start), None)
    if last is None or last.unit != "percent" or last.subject is None or not sent.start <= last.char_end <= paren:
        return None
    if not _BEHIND_RATE.search(an.doc.match_text, max(sent.start, last.char_end - 1), paren + 1):
        return None
    return last.subject, last.subject_level


def _subject_of_clause_before(an: Analysis, sent: Sentence, pos: int) -> Optional[tuple[str, str]]:
    """(subject, level) of the last figure of this ';' clause, when nothing between names a place
    (no capitalised word: 'Trà Giác (Bắc Trà My) 64,08%' names one the gazetteer may not know)."""
    last = an.facts[-1] if an.facts else None
    if last is None or last.subject is None or not clause_start(sent, pos, seps=";") <= last.char_start < pos:
        return None
    if regex.search(r"(?<!\w)\p{Lu}", an.doc.text[last.char_end:pos]):
        return None
    return last.subject, last.subject_level


def _stated_base(an: Analysis, sent: Sentence, n: Num, unit: str) -> Optional[float]:
    """The households a count is out of, written right after it ('834 hộ nghèo/53.577 hộ',
    '52 hộ nghèo trên tổng số 3.023 hộ'): the checks compare its rate with that base."""
    if unit != "household":
        return None
    m = _STATED_BASE.match(an.doc.match_text, n.end, sent.end)
    if m is None:
        return None
    base = next(iter(find_numbers(m.group("b"))), None)
    return base.value if base is not None and base.value and base.value > n.value else None


def opening_place(an: Analysis, sent: Sentence) -> Optional[tuple[str, str]]:
    """The place the sentence before this one (in its block) opens with."""
    from .subjects import place_after_prefix
    prev = [s for s in an.sentences if s.block.index == sent.block.index and s.end <= sent.start]
    if not prev:
        return None
    p = prev[-1]
    head = _OPENING_WORDS.match(an.doc.match_text, p.start, p.end)
    return place_after_prefix(an.doc.text, head.end() if head else p.start, min(p.end, p.start + 60),
                              anchored=True)


def _scope(an: Analysis, sent: Sentence, n: Num) -> Optional[str]:
    """The part of the population a figure is about, named before it in its sentence ('Theo khu
    vực nông thôn, tỷ lệ hộ nghèo 5,96%', 'hộ nghèo đồng bào dân tộc thiểu số giảm 8,55%')."""
    mt = an.doc.match_text
    if (own := _SCOPE_AFTER_COUNT.match(mt, n.end, sent.end)) is not None:
        # "trong đó có 3.373 hộ nghèo vùng đồng bào dân tộc": the group the count itself names
        return an.doc.text[own.start("scope"):own.end("scope")].strip()
    m = None
    for x in _SCOPE.finditer(mt, sent.start, n.start):
        if not _COUNT_BEFORE_SCOPE.search(mt, max(sent.start, x.start() - 30), x.start()):
            m = x   # (a group named right after another count is that count's: "..., trong đó có 3.373 hộ nghèo
            #        vùng đồng bào dân tộc ...; hộ cận nghèo có 14.994 hộ")
    lead = an.lead_block(sent.block.index, nested=True) if m is None and sent.block.kind == LIST_ITEM else None
    if lead is not None:
        # "- Tỷ lệ nghèo đa chiều theo khu vực nông thôn: 11,52%; ... Trong đó:" over "+ Tỷ lệ hộ cận nghèo:
        # 5,56%": an item under a lead is about the part of the population the lead names
        m = _SCOPE.search(mt, lead.start, lead.end)
    return an.doc.text[m.start():m.end()].strip() if m else None

