"""Context of a figure: the period it belongs to and its status.

Period: the nearest year expression before the figure — in its clause, then its
sentence, then its block, then the section headings above it — else the
document's period.  ``năm 2021`` beats a ``giai đoạn 2022-2025`` further away but
in the same scope; years inside dates (``ngày 28/1/2022``, ``tháng 8 năm
2019``) and document numbers (``91/2017/NĐ-CP``) are not periods.

For a stock (poor households, the poverty rate) ``đầu năm 2024`` is the level
left by the survey at the end of 2023.  Ranges naming a poverty standard
(``chuẩn nghèo đa chiều giai đoạn 2022 - 2025``) are not periods.

Status: ``proposed`` when the clause before the figure says ``đề nghị``,
``trình``, ``dự kiến``, ``hiệp y``; ``target`` when it says ``chỉ tiêu``,
``phấn đấu``, ``mục tiêu`` or the section is a ``PHƯƠNG HƯỚNG, NHIỆM VỤ``
section; else ``granted`` facts get status None (the default reading).
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass
from typing import Optional


from pipeline.model import HEADING

from .text import Sentence, clause_start
from .lexicon import P
from .numbers_words import parse_words

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_HALF = P("tm_half")
_QUARTER = P("tm_quarter")
_RANGE = re.compile(rf"(?P<a>{_YEAR})\s*-\s*(?P<b>{_YEAR})")
_SPAN = P("tm_span")
_YEARS_BACK = P("tm_years_back")
_SCHOOL_YEARS = P("tm_school_years")
_OCCASION = P("tm_occasion")
_YEAR_RE = P("tm_year_re")
# a year that belongs to a date or a document number
_DATE_BEFORE = P("tm_date_before")
_NUMBER_BEFORE = P("tm_number_before")
_NUMBER_LIST_AFTER = P("tm_number_list_after")
_YEARS_COUNTED_AFTER = P("tm_years_counted_after")
# "so với cuối năm 2015", "so với cùng kỳ năm 2022": a baseline, not the figure's period
_COMPARISON_BEFORE = P("tm_comparison_before")
# "Luật Thi đua, khen thưởng năm 2022", "Luật sửa đổi ... năm 2013": the year is part of a law's name
_LAW_BEFORE = P("tm_law_before")
# "có thành tích trong tổng kết năm 2023": the year the award rewards, not when it was given
_REASON_BEFORE = P("tm_reason_before")
# "Sơ kết phong trào “Dân vận khéo” giai đoạn 2021 - 2024:", "Hội khỏe Phù Đổng cấp huyện năm 2024:":
# the event a list item's awards reward, named in its label
_EVENT_LABEL = P("tm_event_label")
_TIME_OF_YEAR = P("tm_time_of_year")
# "theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025": the standard's name, not the figure's period
_STANDARD_BEFORE = P("tm_standard_before")
_TERM_BEFORE = P("tm_term_before")
_CONTRAST = P("tm_contrast")
_BACK_THEN = P("tm_back_then")
_BASELINE_YEAR = P("tm_baseline_year")
_BASELINE_FROM = P("tm_baseline_from")
_SPAN_THEN_FROM = P("tm_span_then_from")
_PLAN_YEAR_BEFORE = P("frame_plan_before")
_CITED_TITLE = P("tm_cited_title")
_YEAR_OF_NEXT_HALF = P("tm_year_of_next_half")
_TARGET_SPAN_BEFORE = P("tm_target_span_before")
_FROM_STATE_OPEN = P("tm_from_state_open")
_FROM_STATE_YEAR = P("tm_from_state_year")
# "Đầu năm 2024, toàn huyện có 1.184 hộ nghèo": the stock left by the survey at the end of 2023
_START_OF_YEAR_BEFORE = P("tm_start_of_year_before")
# "11,72% năm 2016": a year attached to the figure right before it
_FIGURE_BEFORE = P("tm_figure_before")
_SNAPSHOT = P("tm_snapshot")
_FROM_AFTER = P("tm_from_after")
_YEAR_THEN_FROM = P("tm_year_then_from")
_SNAPSHOT_AFTER_FIGURE = P("tm_snapshot_after_figure")
_STATUS_AFTER = P("tm_status_after")
_TARGET_AFTER = P("tm_target_after")
_COUNT_DIGIT = P("tm_count_digit")
_NUM_AT = P("tm_num_at")
_CELL_PERIOD_WORDS = P("tm_cell_period_words")
_PRESENT = P("tm_present")
_SINCE_BEFORE = P("tm_since_before")
_EVENT_DATE = P("tm_event_date")
_EMULATION_CONGRESS = P("tm_emulation_congress")
# "11,72% năm 2016", "4,95% (cuối năm 2021)": the year of the figure right before it
_YEAR_AFTER_FIGURE = P("tm_year_after_figure")


class Period(str):
    """A canonical period (``2023``, ``2021-2025``, ``2024-H1``) that remembers where it came
    from, stored as ``facts.period_source``: ``clause``, ``sentence``, ``paragraph``,
    ``lead_in``, ``heading``, ``title``, ``event_date``, ``snapshot``, ``attached`` (written
    right after the figure), ``after`` (later in its clause), ``inherited`` (from the figure it
    details), ``baseline``, ``rewarded`` (the year an award rewards), ``table``, ``document``, and two
    guesses for a text nothing else dates: ``anniversary`` (the year of the anniversary it celebrates),
    ``latest_date`` (the latest date it names), ``filename`` (the one year its file's name gives); ``start_of_year``
    marks a stock told of a year's start ('đầu năm 2024', read as 2023's level, see rules/poverty.py)."""

    source: str
    now: Optional[str]      # a span's year of writing, when a dateline inside it says ('2018-2020' written in 2019)

    def __new__(cls, value: str, source: str, now: Optional[str] = None) -> "Period":
        obj = super().__new__(cls, value)
        obj.source = source
        obj.now = now
        return obj

    def __reduce__(self):
        # crosses process boundaries (ingest workers) with its source
        return (Period, (str(self), self.source, self.now))


def sourced(value: Optional[str], source: str) -> Optional[Period]:
    """``value`` tagged with ``source`` unless it already carries one (None stays None)."""
    if value is None or isinstance(value, Period):
        return value
    return Period(value, source)


GUESSED_SOURCES = frozenset({"anniversary", "latest_date", "filename"})   # a text's period guessed, not stated
# the sources of a headerless text's own frame (rules/frames.py): its headline, lede, dateline, the one
# period it names, and the guesses
HEADERLESS_FRAME_SOURCES = frozenset({"lede", "title", "dateline", "text"}) | GUESSED_SOURCES


@dataclass
class PeriodMention:
    pos: int                 # absolute position
    period: str
    attached: bool = False   # belongs to the figure just before it ("11,72% năm 2016")
    baseline: bool = False   # a comparison baseline ("so với cuối năm 2015")
    reason: bool = False     # the year an award rewards ("thành tích trong tổng kết năm 2023")
    start_of_year: bool = False  # "đầu năm 2024": for a stock, the state at the end of 2023
    snapshot: bool = False   # "tính đến ngày 30/6/2022": the state on a date


def _doc_year(doc_period: Optional[str]) -> Optional[str]:
    return doc_period[:4] if doc_period and doc_period[:4].isdigit() else None


def _last_doc_year(doc_period: Optional[str]) -> Optional[str]:
    """The last year a text's period names: a text on a span ('2020-2025') is written by its end."""
    return max(re.findall(r"\d{4}", str(doc_period or "")), default=None)


def period_mentions(mtext: str, base: int = 0, doc_period: Optional[str] = None) -> list[PeriodMention]:
    """Every period expression in a match-form string, in order."""
    out: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []

    def add(m_start: int, m_end: int, per: str, snapshot: bool = False) -> None:
        before = mtext[max(0, m_start - 30):m_start]
        if _LAW_BEFORE.search(mtext[max(0, m_start - 60):m_start]):
            return  # "Luật Thi đua, khen thưởng năm 2022" names a law
        if _STANDARD_BEFORE.search(mtext[max(0, m_start - 150):m_start]):
            taken.append((m_start, m_end))
            return  # "chuẩn nghèo đa chiều giai đoạn 2022 - 2025" names a poverty standard
        out.append(PeriodMention(base + m_start, per, attached=bool(_FIGURE_BEFORE.search(before)),
                                 baseline=bool(_COMPARISON_BEFORE.search(before)) or bool(_FROM_AFTER.match(mtext, m_end))
                                 or bool(_COMPARED_STANDARD.search(mtext[max(0, m_start - 90):m_start])),
                                 reason=bool(_REASON_BEFORE.search(mtext[max(0, m_start - 60):m_start]))
                                 or _event_label(mtext, m_start, m_end),
                                 start_of_year=bool(_START_OF_YEAR_BEFORE.search(before)), snapshot=snapshot))
        taken.append((m_start, m_end))

    if doc_period and re.match(r"^\d{4}-\d{4}$", doc_period):
        # "Trong 5 năm, ...", "giai đoạn này": the report's own span
        for m in _SPAN.finditer(mtext):
            add(m.start(), m.end(), doc_period)
    elif doc_period and re.match(r"^\d{4}$", doc_period):
        # "Như vậy, trong 5 năm, ..." in a text of 2020: the five years up to it, 2016-2020
        for m in _YEARS_BACK.finditer(mtext):
            n = int(m.group("n")) if m.group("n").isdigit() else parse_words(m.group("n"))
            add(m.start(), m.end(), f"{int(doc_period) - n + 1}-{doc_period}")
    for m in _HALF.finditer(mtext):
        # "... 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2020": a half without its year takes the one
        # the next half names
        later = _YEAR_OF_NEXT_HALF.match(mtext, m.end(), m.end() + 100)
        y = m.group("y") or _doc_year(doc_period) or (later.group("y") if later else None)
        if y:
            add(m.start(), m.end(), f"{y}-{'H2' if m.group('which') == 'cuối' else 'H1'}")
    for m in _SNAPSHOT.finditer(mtext):
        d = int(m.group("d")) if m.group("d") else None
        add(m.start(), m.end(), _snapshot_period(d, int(m.group("m")), m.group("y"), doc_period), snapshot=True)
    for m in _QUARTER.finditer(mtext):
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group("q"), None) or int(m.group("q"))
        add(m.start(), m.end(), f"{m.group('y')}-Q{q}")
    for m in _SCHOOL_YEARS.finditer(mtext):
        # "từ năm học 2012-2013 đến năm học 2016-2017": the span from the first school year to the last
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < b - a <= 10:
            add(m.start(), m.end(), f"{a}-{b}")
    for m in _YEAR_PAIR.finditer(mtext):
        # "... thành tích xuất sắc trong hoạt động năm 2019 và năm 2020": two years running, one span
        if int(m.group("b")) == int(m.group("a")) + 1 and not any(s <= m.start() < e for s, e in taken):
            add(m.start(), m.end(), f"{m.group('a')}-{m.group('b')}")
    for m in _RANGE.finditer(mtext):
        if any(s <= m.start() < e for s, e in taken) or _is_date_year(mtext, m.start()):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < b - a <= 10 or (b - a <= _LONG_SPAN and _SPAN_WORD_BEFORE.search(mtext, max(0, m.start() - 16), m.start())):
            # "Ngày hội Đại đoàn kết toàn dân tộc giai đoạn 2003 - 2023": a long span said to be one
            add(m.start(), m.end(), _reviewed_term(mtext, m.start(), a, b, doc_period))
        elif b - a > 10:
            # "lễ kỷ niệm 25 năm xây dựng và phát triển (1994 – 2019)": a history up to now; its first year
            # dates nothing, its last is the year of the occasion
            taken.append((m.start(), m.start("b")))
    for m in _YEAR_RE.finditer(mtext):
        if any(s <= m.start() < e for s, e in taken) or _is_date_year(mtext, m.start()):
            continue
        before = mtext[max(0, m.start() - 12):m.start()]
        if _NUMBER_LIST_AFTER.match(mtext, m.end()) or _NUMBER_LIST_AFTER.match(mtext, m.end("y")):
            continue    # "các Quyết định số 2027, 2028 và 2029/QĐ-UBND": document numbers
        if _YEARS_COUNTED_AFTER.match(mtext, m.end()):
            continue    # "kỷ niệm ... 1982 năm cuộc khởi nghĩa Hai Bà Trưng": a count of years
        if re.search(r"(?:năm|trong|cuối|đầu|giữa|đến|từ|hết)\s*$", before) or (
                re.search(r"(?:^|[\s(,])$", before) and not _NUMBER_BEFORE.search(before)):
            add(m.start(), m.end(), m.group("y"))
    out.sort(key=lambda p: p.pos)
    return out


_SPAN_WORD_BEFORE = P("tm_span_word_before")
_YEAR_PAIR = P("tm_year_pair")
_LONG_SPAN = 30     # years a span called 'giai đoạn' may cover


def _reviewed_term(mtext: str, start: int, a: int, b: int, doc_period: Optional[str]) -> str:
    """The period a range means.  A congress named by the term it opens ('Đại hội thi đua yêu
    nước lần thứ I (2025-2030)', 'Đại hội Đảng bộ xã ..., nhiệm kỳ 2020-2025') reviews the term
    before (2020-2025, 2015-2020), unless the congress is dated at or after the term's end ('Sáng
    ngày 30/7/2020, ... Đại hội ... (giai đoạn 2015 - 2020)'), which is then the term it reviews."""
    before = mtext[max(0, start - 140):start]
    t = _TERM_BEFORE.search(before)
    if t is None:
        return f"{a}-{b}"
    dates = [m.group("y") or m.group("y2") for m in _EVENT_DATE.finditer(before)]
    year = dates[-1] if dates else (doc_period if doc_period and doc_period.isdigit() else None)
    if year is not None and int(year) >= b:
        return f"{a}-{b}"
    if year is None and _EMULATION_CONGRESS.search(before[t.start():]) and b <= date.today().year:
        # "Đại hội Thi đua Quyết thắng ... giai đoạn 2019 - 2024", "... lần thứ VI (2013 - 2018)": the armed
        # forces' emulation congress is held when the period it names ends (unless it is not over yet)
        return f"{a}-{b}"
    return f"{2 * a - b}-{a}"


def _ends(period: Optional[str], month: int, year: str) -> bool:
    """Whether the month closes a period of one year or part of it (December a year, June its
    first half, September a third quarter or nine months)."""
    if not period or re.fullmatch(r"\d{4}-\d{4}", period) or period[:4] != year:
        return False    # "đến ngày 30/6/2020" in a report on 2016-2020 is a point of it, not all of it
    last = {"": 12, "H1": 6, "H2": 12, "9M": 9, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12}.get(period[5:])
    return month == last


def _snapshot_period(day: Optional[int], month: int, year: str, doc_period: Optional[str]) -> str:
    """'tính đến ngày 30/9/2024' in a report on 2024-Q3 is the report's period; elsewhere a
    snapshot at the end of June is the first half of its year ('tính đến ngày 30/6/2022'), any
    other the year ('đến tháng 9/2024', 'đến trung tuần tháng 12/2016')."""
    if _ends(doc_period, month, year):
        return str(doc_period)
    if month == 6 and (day is None or day >= 30):
        return f"{year}-H1"
    return year


def _event_label(mtext: str, m_start: int, m_end: int) -> bool:
    """A year in the label of '- <event> năm 2024: 06 tập thể, ...'."""
    line_start = mtext.rfind("\n", 0, m_start) + 1
    return bool(re.match(r"\s*:", mtext[m_end:m_end + 3])) and bool(
        _EVENT_LABEL.search(mtext[max(line_start, m_start - 90):m_start]))


def cell_period(mtext: str) -> Optional[str]:
    """The period a table header cell is, when it names nothing else: '6 tháng năm 2020' ->
    2020-H1, 'Quý III/2024' -> 2024-Q3, 'Năm học 2022-2023' -> 2022-2023."""
    core = re.sub(r"\([^()]*\)", " ", mtext).strip()
    found = period_mentions(core)
    if len(found) != 1:
        return None
    rest = _CELL_PERIOD_WORDS.sub(" ", core)
    rest = re.sub(r"\b(?:19|20)\d\d\b|[-/\s.,:]", "", rest)
    return found[0].period if len(rest) <= 3 else None


def periods_in(mtext: str, base: int = 0) -> list[tuple[int, str]]:
    """(absolute position, canonical period) of every period expression."""
    return [(p.pos, p.period) for p in period_mentions(mtext, base)]


def _is_date_year(text: str, start: int) -> bool:
    before = text[max(0, start - 16):start]
    return bool(_DATE_BEFORE.search(before)) or before.endswith("/")


def _pick(found: list[PeriodMention], *, stock: bool = False) -> Optional[str]:
    """The period a scope gives a figure after it: the last plain year (or half,
    quarter) before it, else the last range; attached years and baselines don't count."""
    chosen = _pick_mention(found)
    if chosen is None:
        return None
    if stock and chosen.start_of_year and chosen.period.isdigit():
        return str(int(chosen.period) - 1)
    return chosen.period


def _pick_mention(found: list[PeriodMention]) -> Optional[PeriodMention]:
    usable = [p for p in found if not p.attached and not p.baseline]
    # the year an award rewards gives way to a period stated for the granting
    # ("Sáu tháng đầu năm 2024, ... Giấy khen ... có thành tích trong tổng kết năm 2023")
    if any(not p.reason for p in usable):
        usable = [p for p in usable if not p.reason]
    if not usable:
        return None
    years = [p for p in usable if "-" not in p.period or p.period[5:6] in ("H", "Q")]
    return (years or usable)[-1]


def _governing_range(mt: str, found: list[PeriodMention], pos: int) -> Optional[PeriodMention]:
    """'đến ngày 30/6/2020, toàn huyện có 21/21 xã ..., trong đó giai đoạn 2016 - 2020 có thêm 14 xã':
    a range right before the figure, with no comma between, dates it rather than a year further back."""
    usable = [p for p in found if not p.attached and not p.baseline and not p.reason]
    if not usable or "-" not in usable[-1].period or usable[-1].period[5:6] in ("H", "Q"):
        return None
    last = usable[-1]
    between = mt[last.pos:pos]
    return last if len(between) <= 50 and not re.search(r"[,;:.]", between[9:]) else None


def _outside_parens(text: str, found: list[PeriodMention], base: int, *, fallback: bool = True) -> list[PeriodMention]:
    depth_at, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        depth_at.append(depth)
        if ch == ")" and depth:
            depth -= 1
    outside = [p for p in found if depth_at[p.pos - base] == 0] if text else found
    return outside or (found if fallback else [])


_SCOPE_SOURCE = ("clause", "sentence", "paragraph")


def period_at(sent: Sentence, pos: int, doc_period: Optional[str], end: Optional[int] = None,
              *, stock: bool = False) -> Optional[Period]:
    """The period a figure at absolute position ``pos`` (ending at ``end``) belongs to; a level a
    fall starts from, told at the start of the year ('số hộ nghèo giảm từ 1.752 hộ (tỷ lệ 4,06%) đầu
    năm xuống còn 1.053 hộ'), is the level the year before left."""
    p = _period_at(sent, pos, doc_period, end, stock=stock)
    if stock and end is not None and p is not None and p.isdigit() and _START_AFTER_FIGURE.match(sent.doc.match_text, end):
        return Period(str(int(p) - 1), "attached")
    if stock and end is not None and p is not None and p.isdigit() and _from_level(sent.doc.match_text, pos, end) \
            and getattr(p, "source", None) in ("clause", "sentence", "paragraph", "heading", "lead_in"):
        # "..., tỷ lệ hộ nghèo cuối năm 2016 ... giảm 9,32% (từ 44,31% xuống còn 34,99%)": the level a year's
        # fall starts from is the one the year before left
        return Period(str(int(p) - 1), "baseline")
    return p


def is_from_level(mt: str, pos: int, end: int) -> bool:
    """Whether the figure at mt[pos:end] is the level a change starts from ('từ 44,31% xuống còn ...')."""
    return _from_level(mt, pos, end)


def _from_level(mt: str, pos: int, end: int) -> bool:
    """Whether the figure at mt[pos:end] is the level a change starts from ('từ 44,31% xuống còn ...')."""
    before = _FROM_LEVEL.search(mt[max(0, pos - 8):pos])
    after = _FROM_LEVEL.search(mt[end:end + 60])
    return bool(before and before.group("before") is not None and after and after.group("after") is not None)


_START_AFTER_FIGURE = P("tm_start_after_figure")
_REWARD_REASON_AFTER = P("tm_reward_reason_after")
_SERIES_THEN_YEAR = P("tm_series_then_year")
_FROM_LEVEL = P("tm_from_level_around")


def _period_at(sent: Sentence, pos: int, doc_period: Optional[str], end: Optional[int] = None,
               *, stock: bool = False) -> Optional[Period]:
    """The period a figure at absolute position ``pos`` (ending at ``end``) belongs to.

    ``stock``: the figure is a level measured by a year-end survey (poor households, the
    poverty rate); "đầu năm 2024" then means the level of 2023."""
    doc = sent.doc
    mt = doc.match_text
    # 0. a year written right after the figure: "11,72% năm 2016"
    frm = _YEAR_THEN_FROM.search(mt, max(0, pos - 24), pos)
    if frm:     # "tỷ lệ hộ nghèo năm 2023 từ 25,6% ...": the year the fall starts from
        return Period(frm.group("y"), "attached")
    if end is not None:
        snap = _SNAPSHOT_AFTER_FIGURE.match(mt, end, end + 48)
        if snap:    # "1,95% (tính đến ngày 30/6/2020)"
            d = int(snap.group("d")) if snap.group("d") else None
            return Period(_snapshot_period(d, int(snap.group("m")), snap.group("y"), doc_period), "snapshot")
        why = _REWARD_REASON_AFTER.match(mt, end, sent.end)
        if why and why.group("y2") and (last := _last_doc_year(doc_period)) and int(why.group("y2")) > int(last):
            why = None  # "... trong xây dựng nông thôn mới giai đoạn 2021 - 2025" in a 2024 report: the programme, not
            # the span rewarded
        if why:     # "15 tập thể ... được khen thưởng vì hoàn thành xuất sắc nhiệm vụ năm 2020": the year rewarded
            if why.group("y3") and int(why.group("y3")) == int(why.group("y")) + 1:
                return Period(f"{why.group('y')}-{why.group('y3')}", "rewarded")     # "năm 2019 và năm 2020"
            return Period(f"{why.group('y')}-{why.group('y2')}" if why.group("y2") else why.group("y"), "rewarded")
        m = _YEAR_AFTER_FIGURE.match(mt, end, end + 24)
        if m and not _is_date_year(mt, m.start("y")):
            y = m.group("y")
            if stock and m.group("when") == "đầu":
                # "9,8% (đầu năm 2022)": the level 2021 left (start_of_year: kept 2022 when the text tells
                # no level of 2022's end, rules/poverty.py)
                return Period(str(int(y) - 1), "start_of_year")
            return Period(y, "attached")
    # 0b. "so với năm 2020 (41 Chiến sĩ thi đua cơ sở, ...)": figures in brackets after a baseline
    par = sent.in_paren(pos)
    if par is not None:
        b = re.search(rf"so với\s+(?:cuối |đầu |cùng kỳ )?năm (?P<y>{_YEAR})\s*$", mt[max(0, par[0] - 40):par[0]])
        if b:
            return Period(b.group("y"), "baseline")
    base_from = _BASELINE_FROM.search(mt, max(sent.start, pos - 60), pos)
    if base_from:   # "giảm 2,59% so với năm 2016, từ 17,83% xuống còn 15,24%": the level the fall starts from
        return Period(base_from.group("y"), "baseline")
    span_from = _SPAN_THEN_FROM.search(mt, sent.start, pos)
    if span_from and not _STANDARD_BEFORE.search(mt[max(0, span_from.start("a") - 150):span_from.start("a")]):   # "giai đoạn từ năm 2016 đến cuối năm 2019, ... giảm tỷ lệ hộ nghèo từ 6,26% xuống còn 2,36%"
        return Period(span_from.group("a"), "contrast")
    contrast = _from_state_year(sent, pos, doc_period)
    if contrast:
        return Period(contrast, "contrast")
    cs = clause_start(sent, pos, seps=";")
    inherited = _inherited_period(sent, cs, pos, doc_period)
    if inherited:
        return Period(inherited, "inherited")
    present = _present_period(sent, cs, pos, doc_period)
    if present:
        return present
    now = getattr(doc_period, "now", None)
    if now and _OCCASION.match(mt, sent.start) and not period_mentions(mt[sent.start:sent.end], sent.start, doc_period):
        # "Dịp này, UBND xã tặng giấy khen cho 3 tập thể" in a text on the 2021 standard written in June 2022: what
        # is handed out on the occasion is of the occasion's year
        return Period(now, "event_date")
    # 1. the clause, then the sentence, then the block before the figure
    rewarded = None
    planned = _TARGET.search(mt, sent.start, pos) is not None   # a target may take the year a plan named
    then = _BACK_THEN.search(mt, sent.start, pos) is not None    # "Thời điểm đó, ...": the history goes on
    for scope, lo in enumerate((cs, sent.start, sent.block.start)):
        if scope == 1 and (closing := _span_closing_phrase(sent, pos, doc_period)):
            # "... 42 hộ "Gia đình văn hóa tiêu biểu" giai đoạn 2021 - 2023": the span the figure's own
            # phrase closes with, before what the sentence or paragraph names earlier
            return Period(closing, "after")
        if scope == 2 and (after := _year_after_baseline(sent, pos, doc_period)):
            # "Toàn huyện có 12 xóm đạt chuẩn ..., tăng 04 xóm so với năm 2022": the year after the baseline
            return Period(after, "baseline")
        found = [x for x in period_mentions(mt[lo:pos], lo, doc_period)
                 if x.pos < pos and not (x.pos < cs and _in_breakdown(mt, _sentence_start_before(mt, lo, x.pos), x.pos, sent.start))
                 # "... vượt chỉ tiêu giai đoạn 2016 - 2020 (...); 29 xã đạt ...": a plan's span
                 # (a target after it takes the plan's year: "... mục tiêu phấn đấu đến năm 2025 có 3/15 đơn vị
                 # cấp huyện đạt chuẩn NTM. Đồng thời phấn đấu có 103/184 xã ...")
                 and not (x.pos < cs and not (planned and x.pos < sent.start)
                          and _TARGET_SPAN_BEFORE.search(mt, max(lo, x.pos - 40), x.pos))
                 # "... năm 2016 và phương hướng triển khai ... năm 2017. Hội nghị đã trao tặng ...": the year
                 # a sentence or a ';' clause before plans for dates no figure after it ("... triển khai
                 # nhiệm vụ năm 2025; đồng thời khen thưởng cho 13 tập thể")
                 # (not a lead's year over its list: "- Dự kiến bình xét danh hiệu thi đua năm 2025: ...")
                 and not (x.pos < cs and not planned and (x.pos < sent.start or ":" not in mt[x.pos:pos])
                          and _PLAN_YEAR_BEFORE.search(mt, max(lo, x.pos - 60), x.pos))
                 # "Theo Quyết định số 653 ... phê duyệt kết quả ... rà soát hộ nghèo năm 2015, ... Ngoài ra, có 6
                 # xã ...": a year in the title of a cited document dates its own sentence only
                 and not (x.pos < sent.start and cited_title_year(mt, lo, x.pos))
                 # "Từ năm 1994 đến năm 2001, nước ta có ... Để tiếp tục ghi nhận ..." in a text of 2015: a
                 # history a sentence before told dates nothing after it
                 and not (x.pos < sent.start and not then and _is_history(x.period, doc_period))]
        if scope == 2:
            # "đầu năm 2019 (kết quả rà soát cuối năm 2018) có 2.536 hộ nghèo. Trong năm có 616 hộ thoát
            # nghèo": a year in a bracket glosses its sentence; sentences after go on with the ones outside
            before = [x for x in found if x.pos < sent.start]
            found = _outside_parens(mt[lo:sent.start], before, lo, fallback=False) + [x for x in found if x.pos >= sent.start]
        elif scope == 1 and cs > lo:
            # "Đến hết năm 2021, toàn huyện có 10/21 xã ... (được công nhận năm 2020); 30 thôn ...": a year in a
            # bracket of an earlier clause glosses that clause; the clauses after go on with the ones outside
            before = [x for x in found if x.pos < cs]
            found = _outside_parens(mt[lo:cs], before, lo) + [x for x in found if x.pos >= cs]
        governing = _governing_range(mt, found, pos)
        chosen = governing or _pick_mention(found)
        if chosen is not None and chosen.reason:
            # only the year an award rewards ("Sơ kết phong trào ... giai đoạn 2021 - 2024: 12 tập
            # thể"): a period the section heading gives the granting comes first
            rewarded = rewarded or chosen.period
            continue
        # "đầu năm" shifts a stock only in the figure's own sentence
        p = governing.period if governing is not None else _pick(found, stock=stock and scope < 2)
        last_time = None
        if p and stock and scope < 2 and p.isdigit() and chosen is not None:
            for last_time in _TIME_OF_YEAR.finditer(mt, chosen.pos, pos):
                pass
        if last_time is not None and last_time.group(1) == "đầu":
            # "Kết quả rà soát ... cuối năm 2023 ...: đầu năm toàn huyện có 7.612 hộ nghèo"
            return Period(str(int(p) - 1), "start_of_year")
        if p and chosen is not None and governing is None and p != chosen.period:
            # "đầu năm 2019, toàn xã có 41 hộ nghèo": the level the year before left
            return Period(p, "start_of_year")
        if p:
            return Period(p, "snapshot" if chosen is not None and chosen.snapshot else _SCOPE_SOURCE[scope])
    # 2. the clause after the figure (a "giai đoạn 2015 - 2020" closing the clause), unless it is
    #    an achievement still running when the report was written ("thành tích xuất sắc trong xây
    #    dựng nông thôn mới giai đoạn 2021 - 2025" in a report on 2024-Q3)
    from .text import clause_end
    if end is not None and (series := _SERIES_THEN_YEAR.match(mt, end, sent.end)) is not None:
        # "giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 2,66%, hộ cận nghèo còn 8,96% vào cuối năm 2020": the year
        # closing a series of like figures is each one's
        return Period(series.group("y"), "after")
    # (not past a ':' opening a list: "02 học sinh được nhận ... gồm: Nguyễn Tuấn Phong, lớp 12 (năm học
    # 2022 – 2023)" dates a honoree, not the count)
    ce = clause_end(sent, pos, seps=";:")
    dy = _last_doc_year(doc_period)
    after = [x for x in period_mentions(mt[pos:ce], pos, doc_period)
             if not x.baseline and not (dy and x.period[5:9].isdigit() and x.period[5:9] > dy
                                        and _RUNNING.search(mt, pos, x.pos))
             # "đã có 03 năm liên tục (2022 - 2024) đạt danh hiệu ...": what made the person eligible
             and not re.search(r"liên tục\s*\(?\s*(?:từ\s*)?(?:năm\s*)?$", mt[pos:x.pos])]
    ranges = [x for x in after if "-" in x.period and x.period[5:6] not in ("H", "Q")]
    if planned and not ranges and (years := [x for x in after if x.period.isdigit() and not x.attached]):
        # "Phấn đấu có 2 xã đạt chuẩn nông thôn mới kiểu mẫu năm 2025": the year a target is set for
        return Period(years[0].period, "after")
    if ranges:
        # "công nhận ... 1 xã nông thôn mới kiểu mẫu về sản xuất năm 2023 (Giai đoạn 2021 - 2025)": the year
        # the clause names outside the bracket, not the programme's span inside it
        years = [x for x in after if x.pos < ranges[0].pos and x.period.isdigit() and not x.reason
                 and sent.in_paren(ranges[0].pos) is not None and sent.in_paren(x.pos) is None]
        return Period(years[-1].period if years else ranges[0].period, "after")
    # 3. the section headings, nearest first; in a heading the period outside brackets
    for h in reversed(sent.headings):
        htext = mt[h.start:h.end]
        found = _outside_parens(htext, period_mentions(htext, h.start, doc_period), h.start)
        found = [x for x in found if not x.baseline and not x.attached]
        if found:
            years = [x for x in found if "-" not in x.period or x.period[5:6] in ("H", "Q")]
            return Period((years or found)[0].period, "heading")
    if rewarded:
        return Period(rewarded, "rewarded")
    ev = _event_year(sent, pos, doc_period)
    if ev:
        return Period(ev, "event_date")
    if doc_period is None or getattr(doc_period, "source", None) in GUESSED_SOURCES:
        # a text that dates nothing else (or only by a guess: the anniversary it celebrates, the latest
        # date it names): a period later in the figure's sentence ('Dịp này, 3 cá nhân được nhận Bằng
        # khen ...; đồng thời vinh danh 3 nhà giáo tiêu biểu năm học 2022 - 2023')
        later = [x for x in period_mentions(mt[pos:sent.end], pos, None) if not x.baseline and not x.attached]
        if later:
            return Period(later[0].period, "after")
    return sourced(doc_period, "document")


_BREAKDOWN_WORD = P("tm_breakdown_word")
_PART_SENTENCE = P("tm_part_sentence_open")


def _span_closing_phrase(sent: Sentence, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """A span ('giai đoạn 2016 - 2018') right after the figure's phrase, with no other number between
    ('UBND thị xã đã khen thưởng 42 tập thể, 85 cá nhân điển hình tiên tiến giai đoạn 2016 - 2018'),
    unless it is an achievement still running when the text was written ('thành tích xuất sắc trong
    xây dựng nông thôn mới giai đoạn 2021 - 2025' in a report on 2024-Q3)."""
    mt = sent.doc.match_text
    m = _SPAN_AFTER_PHRASE.match(mt, pos, min(sent.end, pos + _SPAN_AFTER_REACH))
    if m is None or int(m.group("b")) - int(m.group("a")) not in range(1, 11):
        return None
    before = mt[max(pos, m.start("a") - 150):m.start("a")]
    if _STANDARD_BEFORE.search(before) or _COMPARED_STANDARD.search(before):
        return None     # "..., tăng 27.136 hộ so với chuẩn áp dụng cho giai đoạn 2011 - 2015": a standard compared with
    dy = _last_doc_year(doc_period)
    if dy and m.group("b") > dy and _RUNNING.search(mt, pos, m.start("a")):
        return None
    return f"{m.group('a')}-{m.group('b')}"


_SPAN_AFTER_PHRASE = P("tm_span_after_phrase")
_COMPARED_STANDARD = P("tm_compared_standard")
_RUNNING = P("tm_running_achievement")
_SPAN_AFTER_REACH = 120     # characters from a figure within which the span closing its phrase stands


def _is_history(period: str, doc_period: Optional[str]) -> bool:
    """Whether a period ended years before the text's own single year."""
    own = _doc_year(doc_period)
    if not own or re.fullmatch(r"\d{4}-\d{4}", str(doc_period)):
        return False
    years = [int(y) for y in re.findall(r"\d{4}", period)]
    return bool(years) and max(years) <= int(own) - _HISTORY_YEARS


_HISTORY_YEARS = 3      # a period over this many years before the text's own year is a history


def _year_after_baseline(sent: Sentence, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """The year after the one baseline a figure's sentence compares with after it ('..., tăng 04 xóm so
    với năm 2022' → 2023), when that agrees with the text's own year or the text has none."""
    mt = sent.doc.match_text
    years = {m.group("y") for m in _BASELINE_YEAR.finditer(mt, pos, sent.end)}
    if len(years) != 1:
        return None
    after = str(int(years.pop()) + 1)
    own = _doc_year(doc_period) if doc_period and not re.fullmatch(r"\d{4}-\d{4}", str(doc_period)) else None
    return after if own in (None, after) else None


def cited_title_year(mt: str, lo: int, pos: int) -> bool:
    """Whether the period mention at ``pos`` is in the title of a document its sentence cites ('Theo
    Quyết định số 653 ... về việc phê duyệt kết quả ... rà soát hộ nghèo ... năm 2015')."""
    return _CITED_TITLE.search(mt, _sentence_start_before(mt, lo, pos), pos) is not None


def _sentence_start_before(mt: str, lo: int, at: int) -> int:
    """Where the sentence holding ``at`` starts (not before ``lo``)."""
    i = mt.rfind(". ", lo, at)
    return i + 2 if i >= 0 else lo


def _in_breakdown(mt: str, lo: int, at: int, own: int) -> bool:
    """A period at ``at`` named inside a breakdown of its own ';' clause ('..., trong đó quý
    I/2022 là 131 tập thể; ...'): it does not date the clauses after it (the sentence starting at
    ``lo``), nor the sentences after."""
    seg = max(mt.rfind(";", lo, at) + 1, lo)
    if lo == own and seg == lo and _PART_SENTENCE.match(mt, lo, at):
        return False    # "Riêng ngành giáo dục, trong năm học 2011 - 2012, có ...; ...": the whole sentence is that part
    return _BREAKDOWN_WORD.search(mt, seg, at) is not None


def _from_state_year(sent: Sentence, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """'Từ chỗ toàn tỉnh có 57.814 hộ nghèo, chiếm 17,89% (...) vào năm 2016, đến cuối năm 2020, ...':
    the figures of the state a sentence starts 'from' belong to the year that closes it."""
    mt = sent.doc.match_text
    if not _FROM_STATE_OPEN.match(mt, sent.start, pos):
        return None
    y = _FROM_STATE_YEAR.search(mt, pos, sent.end)
    if y is None or period_mentions(mt[sent.start:pos], sent.start, doc_period) or \
            period_mentions(mt[pos:y.start()], pos, doc_period):
        return None
    return y.group("y")


def _present_period(sent: Sentence, cs: int, pos: int, doc_period: Optional[str]) -> Optional[Period]:
    """'Đến nay, 6/27 thôn đã đạt chuẩn ...' in a text on 2020-2025: the state at its end (2025),
    whatever period the rest of the sentence names ('... theo bộ tiêu chí giai đoạn 2021-2025');
    in a text on one period, 'nay' opening the figure's clause is that period."""
    if not doc_period:
        return None
    mt = sent.doc.match_text
    m = None
    for m in _PRESENT.finditer(mt, sent.start, pos):
        pass
    if m is None or (m.start() < cs and mt.rfind(";", m.end(), pos) >= 0 and not _OPENS_SENTENCE(sent, m.start())):
        return None     # "...; nay ..." covers its clause; "Đồng Tháp hiện có 78 xã ...; 29 xã ..." the whole list
    if [x for x in period_mentions(mt[m.end():pos], m.end(), doc_period)
            if not _TARGET_SPAN_BEFORE.search(mt, max(m.end(), x.pos - 40), x.pos)]:
        return None
    if m.start() > cs and _dated_before_present(mt, cs, m.start(), doc_period):
        return None     # "Kết quả rà soát ... cuối năm 2022 cho thấy Lâm Đồng hiện còn 6.636 hộ nghèo": 2022
    if re.fullmatch(r"\d{4}-\d{4}", doc_period):
        # "Xã Vĩnh Thanh ... đạt chuẩn nông thôn mới nâng cao giai đoạn 2018 - 2020" dated 15/10/2019: now is 2019
        return Period(getattr(doc_period, "now", None) or doc_period[5:], "present")
    opens = m.start() >= cs or (getattr(doc_period, "now", None) and _OPENS_SENTENCE(sent, m.start()))
    if opens and not period_mentions(mt[max(cs, m.start()):pos], max(cs, m.start()), doc_period):
        # "Năm 2011, xã chỉ đạt 4/19 tiêu chí; nay tỷ lệ hộ nghèo chỉ còn 2,1%": now, not the year
        # before; the period is the text's own, with the source it came from
        if getattr(doc_period, "now", None):
            return Period(doc_period.now, "present")    # a text on 2018 written in April 2019: now is 2019
        return doc_period if isinstance(doc_period, Period) else Period(doc_period, "present")
    return None


def _dated_before_present(mt: str, cs: int, at: int, doc_period: Optional[str]) -> bool:
    """Whether the clause names a single year as reached before its present cue ('... cuối năm 2022
    cho thấy ... hiện còn'), not a baseline, a since-year ('từ năm 2011 đến nay'), a span, or the year
    of another figure it contrasts with ('Năm 2016 tỷ lệ hộ nghèo là 32%, nay chỉ còn 18,5%')."""
    return any(x.period.isdigit() and not x.baseline and not _SINCE_BEFORE.search(mt, max(cs, x.pos - 12), x.pos)
               and not re.search(r"\d", mt[x.pos + len(x.period):at])
               for x in period_mentions(mt[cs:at], cs, doc_period))


def _OPENS_SENTENCE(sent: Sentence, at: int) -> bool:
    """Whether ``at`` lies in the opening words of its sentence (its subject and first verb)."""
    return at - sent.start <= _OPENING_CHARS and ";" not in sent.doc.match_text[sent.start:at]


_OPENING_CHARS = 40


def _event_year(sent: Sentence, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """'Ngày 20/4/2016, Chủ tịch nước ký quyết định tặng ...': the year of the dated event a
    sentence reports, when nothing else dates the figure.  In a report whose own period is
    known, only an event years away from it (a history) outweighs that period."""
    m = None
    for m in _EVENT_DATE.finditer(sent.doc.match_text, sent.start, pos):
        pass
    if m is None:
        return None
    y = m.group("y") or m.group("y2")
    src = getattr(doc_period, "source", "document")
    dy = _doc_year(doc_period)
    if doc_period is None or src in ("lede", "dateline") or src in GUESSED_SOURCES or (dy and abs(int(y) - int(dy)) >= 2):
        return y
    return None


_BREAKDOWN_OPEN = P("tm_breakdown_open")
_YEARLY_FALL_OPEN = P("pov_yearly_fall_open")
_REST_OPEN = P("tm_rest_open")
_YEARLY_AVERAGE = P("tm_yearly_average")


_AVERAGE_CHANGE_END = P("tm_average_change_end")
_PER_YEAR_AFTER = P("tm_per_year_after")
_AVERAGE_WORD = P("tm_average_word")


def _inherited_period(sent: Sentence, cs: int, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """Periods a clause takes from the figures around it rather than from a year it names.

    - "... lên 11/15 xã năm 2024; trong đó có 02 xã ...": a breakdown belongs to the year of the
      figure it breaks down, even when that year was attached to that figure;
    - "Các xã còn lại bình quân đạt 15,5 tiêu chí/xã" after "... 11/15 xã năm 2024.": the rest of
      the same count, the same year;
    - "bình quân mỗi năm giảm 2,17%" in a report on 2020-2025: a yearly average over the report's span.
    """
    mt = sent.doc.match_text
    head = mt[cs:pos]
    ranged = bool(doc_period and re.fullmatch(r"\d{4}-\d{4}", doc_period))
    tail = head[head.rfind(",") + 1:]
    per_year = bool(_PER_YEAR_AFTER.match(mt, pos, pos + 12))
    if ranged and ((_AVERAGE_CHANGE_END.search(tail) and (_YEARLY_AVERAGE.search(tail) or per_year))
                   or (per_year and _AVERAGE_WORD.search(tail)
                       and not period_mentions(tail, pos - len(tail), doc_period))):
        # ", bình quân giảm 2,6%/năm" after the yearly figures, "bình quân tỷ lệ giảm nghèo của tỉnh đạt
        # 5,02%/năm": a yearly average over the whole span
        return doc_period
    if period_mentions(head, cs, doc_period):
        return None
    if _BREAKDOWN_OPEN.match(head) and cs > sent.start:
        before = [x for x in period_mentions(mt[sent.start:cs], sent.start, doc_period) if not x.baseline]
        if before and before[-1].attached:
            return before[-1].period
    if cs == sent.start and (_BREAKDOWN_OPEN.match(head) or _YEARLY_FALL_OPEN.match(head)) \
            and (prev := _previous_sentence(mt, sent.start)):
        # "Đắk Nông phấn đấu cuối năm 2023 toàn tỉnh giảm từ 3% trở lên (...). Trong đó, tỷ lệ hộ nghèo
        # chung toàn tỉnh giảm từ 3% trở lên, ...": a sentence breaking down the one before is of its period,
        # and so is one giving the yearly fall of its figure ("... giảm 3,21%. Bình quân mỗi năm giảm 0,58%.")
        before = [x for x in period_mentions(prev[1], prev[0], doc_period) if not x.baseline]
        if before:
            return before[-1].period
    if _REST_OPEN.match(mt[sent.start:pos]) and sent.start > sent.block.start:
        before = [x for x in period_mentions(mt[sent.block.start:sent.start], sent.block.start, doc_period)
                  if not x.baseline]
        if before and before[-1].attached:
            return before[-1].period
    if ranged and _YEARLY_AVERAGE.search(head):
        return doc_period
    return None


def _previous_sentence(mt: str, start: int) -> Optional[tuple[int, str]]:
    """The sentence before ``start`` (in its paragraph or the one before): its offset and text."""
    lo = max(0, start - 400)
    cut = max(mt.rfind(". ", lo, start - 2), mt.rfind("\n", lo, start - 2))
    begin = cut + 1 if cut >= 0 else lo
    text = mt[begin:start]
    return (begin, text) if text.strip() else None


# --- status ------------------------------------------------------------------
_PROPOSED = P("tm_proposed")
_TARGET = P("tm_target")
_PLAN_SECTION = P("tm_plan_section")
_ACHIEVED = P("tm_achieved")
_BEAT_PLAN = P("tm_beat_plan")
# a status cue opening a clause: it covers the ';'-separated clauses after it
_CLAUSE_CUE = P("tm_clause_cue")
_GRANTED = P("tm_granted")
_NOT_PROPOSED = P("tm_not_proposed")


def _status_in(before: str, dist_from: int) -> Optional[str]:
    t = None
    for t in _TARGET.finditer(before):
        pass
    # "đạt 100% chỉ tiêu" says how much was achieved: the cue must come before the figure,
    # close to it, and nothing may say "achieved" in between
    if t is not None and dist_from - t.start() <= 160 and not _ACHIEVED.search(before[t.end():]):
        return "target"
    p = None
    for p in _PROPOSED.finditer(before):
        pass
    if p is not None and not _NOT_PROPOSED.search(before[p.end():]):
        return "proposed"
    return None


def status_at(sent: Sentence, pos: int, *, seps: str = ";:") -> Optional[str]:
    """'proposed', 'target' or None (granted / stated as achieved)."""
    mt = sent.doc.match_text
    lo = clause_start(sent, pos, seps=seps)
    cut = None
    for cut in _CONTRAST.finditer(mt, sent.start, pos):
        pass
    if cut is not None:
        # "... 17 xã đăng ký phấn đấu đạt chuẩn, tuy nhiên chỉ có 1 xã đạt 17 tiêu chí": what the
        # contrast says is the state reached, whatever was planned before it
        lo = max(lo, cut.end())
    before = mt[lo:pos]
    st = _status_in(before, len(before))
    par = sent.in_paren(pos)
    if st is None and par is not None and par[0] < lo:
        # "(chỉ tiêu tỉnh giao: thoát nghèo 55 hộ)": the cue that opens the figure's bracket
        inner = mt[par[0] + 1:pos]
        st = _status_in(inner, len(inner))
    if st is None and par is not None and par[0] < pos:
        # "vượt chỉ tiêu Nghị quyết giao (giảm 4%)": the cue outside a short bracket
        olo = clause_start(sent, par[0], seps=seps)
        outer = mt[olo:par[0]]
        st = _status_in(outer, len(outer) + (pos - par[0]))
    if st is None:
        # "đề nghị công nhận ... cho 186 cá nhân, ...; danh hiệu ... cho 09 tập thể": a cue earlier in
        # the sentence covers the clauses that follow it, unless one of them says it was granted
        earlier = mt[sent.start:lo] if cut is None else ""
        st = None
        for c in _CLAUSE_CUE.finditer(earlier):
            st = "target" if _TARGET.match(earlier, c.start("cue")) else "proposed"
            if st == "proposed" and _NOT_PROPOSED.search(earlier, c.end()):
                st = None   # "đề nghị và được Chủ tịch UBND tỉnh tặng ...; công nhận ... cho 09 tập thể"
        if st == "target" and _ACHIEVED.search(before):
            st = None
        if st == "proposed" and _GRANTED.search(before):
            st = None
    if st is None:
        st = _status_after(sent, pos) or (_lead_in_status(sent, lo, pos) if cut is None else None) or \
            _continued_status(sent, pos)
    if st is not None:
        return st
    if in_plan_section(sent):
        return "target"
    return None


_CONTINUATION = P("tm_continuation_open")


def _continued_status(sent: Sentence, pos: int) -> Optional[str]:
    """'12 tập thể được đề nghị tặng Cờ thi đua của Chính phủ. Ngoài ra, còn có Cờ thi đua của UBND
    tỉnh: 54 tập thể; ...': a sentence going on with the one before takes its proposal; 'Đắk Nông phấn
    đấu cuối năm 2023 ... giảm từ 3% trở lên (...). Trong đó, tỷ lệ hộ nghèo ... giảm từ 3% trở lên': a
    sentence breaking down the one before takes its target."""
    mt = sent.doc.match_text
    c = _CONTINUATION.match(mt, sent.start, pos)
    breakdown = _BREAKDOWN_OPEN.match(mt[sent.start:pos]) is not None
    if (c is None or c.end() == sent.start) and not breakdown:
        return None
    window = mt[max(0, sent.start - 240):sent.start]
    prev = [p for p in re.split(r"\.\s|\n", window) if p.strip()]
    if not prev:
        return None
    p = None
    for p in _PROPOSED.finditer(prev[-1]):
        pass
    if p is not None and not breakdown and not _NOT_PROPOSED.search(prev[-1], p.end()):
        return "proposed"
    t = None
    for t in _TARGET.finditer(prev[-1]):
        pass
    if t is not None and breakdown and re.search(r"\d", prev[-1][t.end():]) and not _ACHIEVED.search(prev[-1], t.end()) \
            and not _BEAT_PLAN.search(prev[-1], max(0, t.start() - 24), t.start()):
        # ("... đạt trên 8%, vượt so với mục tiêu chung ... 4%. Cụ thể, ...": what beat a plan is no target)
        # the cue sets a figure after it ("..., không đạt kế hoạch đề ra." compares with a plan)
        return "target"
    return None


def _status_after(sent: Sentence, pos: int) -> Optional[str]:
    """'12 tập thể được đề nghị tặng Cờ thi đua của Chính phủ' (proposed), '9 xã đăng ký đạt chuẩn'
    (a target): the status said right after the count, before anything else is counted."""
    mt = sent.doc.match_text
    at, end = _NUM_AT.match(mt, pos).end(), min(sent.end, pos + 60)
    if _TARGET_AFTER.match(mt, at, end):
        return "target"
    return "proposed" if _STATUS_AFTER.match(mt, at, end) else None


def _lead_in_status(sent: Sentence, lo: int, pos: int) -> Optional[str]:
    """'Sở Nội vụ tổng hợp danh sách đề nghị các hình thức khen thưởng ... gồm có: Huân chương Lao
    động cho 19 cá nhân; Bằng khen ... cho 52 cá nhân': a cue before the colon a list hangs from
    covers the list; 'dự kiến đề nghị ... cho 02 tập thể; công nhận ... cho 11 tập thể': a cue
    heading the first clause covers the clauses after it, unless one says it was granted."""
    mt = sent.doc.match_text
    if lo <= sent.start or _GRANTED.search(mt, lo, pos):
        return None
    colon = mt.rfind(":", sent.start, lo)
    if colon > sent.start:
        seg_start = max(mt.rfind(";", sent.start, colon), mt.rfind(":", sent.start, colon), sent.start - 1) + 1
        lead = mt[seg_start:colon]
        p = _PROPOSED.search(lead)
        if p and not _COUNT_DIGIT.search(lead, p.end()) and not _GRANTED.search(mt, colon, lo):
            return "proposed"
    first_end = mt.find(";", sent.start, lo)
    if first_end < 0:
        return None
    head = mt[sent.start:first_end]
    count = _COUNT_DIGIT.search(head)
    if count is None or _GRANTED.search(mt, first_end, lo) or _ACHIEVED.search(mt, first_end, lo):
        return None
    # the first clause's own count has the status its cue gives: the clauses after it share it
    return _status_in(head[:count.start()], count.start())


def in_plan_section(sent: Sentence) -> bool:
    """Under a plan's heading ('Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024'), unless a heading nearer
    names results ('Biểu số 02. TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2023', an annex after the plans)."""
    own = (sent.block,) if sent.block.kind == HEADING else ()
    for h in reversed(sent.headings + own):
        if h.level is None or h.level > 2:
            continue
        htext = sent.doc.match_text[h.start:h.end]
        if _RESULT_SECTION.search(htext):
            return False
        if _PLAN_SECTION.search(htext):
            return True
    return False


_RESULT_SECTION = P("tm_result_section")
