"""The frame of a text: the period, status and subject a figure inherits when it
does not state them itself.

A figure's own clause and sentence come first (``rules/context.py``); what they
leave open is taken from the frames around them, innermost first:

``paragraph`` → ``lead_in`` (the line a list or table hangs from) → ``heading``
(the section headings above) → ``title`` (the document's title, or a news
text's headline) → ``lede`` (the period the first paragraph of a headerless
text sets) → ``dateline`` (the year a news text was published) → ``document``
(the period of the header).

A *headerless* text (a portal news item, a passage of a web page) has no
``BÁO CÁO`` title naming its period: its headline, its first paragraph and its
dateline (``17:4, Thứ Tư, 28-12-2022``, ``Create: T5, 01/09/2020 - 09:39``)
take that place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import PurePath
from typing import Optional

from pipeline.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, DocMeta, Document

from .context import Period, cited_title_year, period_mentions
from .lexicon import M, P

_DATE_YEAR = P("frame_date_year")
_PLAN_BEFORE = P("frame_plan_before")
_PLAN_AFTER = P("frame_plan_after")
_PLAN_WORD = P("frame_plan_word")
_MONTH_BASELINE = P("frame_month_baseline")
_CEREMONY = P("frame_ceremony")
_EVENT_DATE = P("tm_event_date")
_DATELINE_CUE = P("frame_dateline_cue")
_SINCE_NOW = P("frame_since_now")
_ANNIVERSARY = P("tm_anniversary")
_HEADLINE_MAX = 220
_YEARS_INTO = P("frame_years_into")
_FILENAME_YEAR = P("frame_filename_year")
_EARLY_MONTHS = 2
_DATELINE_MAX = 90


def _dateline_match(doc: Document, b: Block):
    """The date of a dateline block (``16:36 | 14/10/2020``), None if the block is not one."""
    if len(b.text) > _DATELINE_MAX or b.kind == TABLE:
        return None
    line = doc.match_text[b.start:b.end]
    m = _DATE_YEAR.search(line)
    return m if m is not None and _DATELINE_CUE.search(line) else None


def dateline_date(doc: Document, b: Block) -> Optional[tuple[int, Optional[int]]]:
    """(year, month) of a dateline block, None if the block is not one."""
    m = _dateline_match(doc, b)
    if m is None:
        return None
    return int(m.group("y")), (int(m.group("m")) if m.group("m") else None)


def _dateline_iso(doc: Document, b: Block) -> Optional[str]:
    """The day a dateline gives ('Thứ Năm, 16/03/2017, 14:45' → 2017-03-16), None without its day."""
    m = _dateline_match(doc, b)
    if m is None or not m.group("d"):
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def dateline_year(doc: Document, b: Block) -> Optional[int]:
    d = dateline_date(doc, b)
    return d[0] if d else None


@dataclass
class DocFrame:
    """What a whole document gives every figure in it."""
    period: Optional[Period] = None      # the fallback period, with its source
    dateline_year: Optional[int] = None  # the year a news text was published
    dateline_iso: Optional[str] = None   # the day it was published (yyyy-mm-dd), when its dateline gives it
    headline: Optional[Block] = None     # the first line of a headerless text
    plan: bool = False                   # its headline and lede name only plans: its figures are targets


def _is_headline(b: Block) -> bool:
    t = b.text.strip()
    return b.kind in (HEADING, PARAGRAPH) and 0 < len(t) <= _HEADLINE_MAX and not t.endswith((".", ":", ";"))


def _first_period(doc: Document, b: Block, doc_period: Optional[str]) -> tuple[Optional[str], bool, bool]:
    """The period a headline or first paragraph is about, whether only a plan names it, and
    whether it is what the text reviews: what it reviews ('Hội nghị tổng kết công tác thi đua năm
    2016, triển khai nhiệm vụ năm 2017' is about 2016), else the first period that is not a plan's
    ('triển khai ... năm 2017', 'phương hướng năm 2024')."""
    mt = doc.match_text
    # "nhân dịp kỷ niệm 10 năm thiết lập quan hệ hợp tác ... (2012 - 2022)": the anniversary's years date nothing
    jubilees = [(a.start("y1"), a.end("y2")) for a in _ANNIVERSARY.finditer(mt, b.start, b.end) if a.group("y2")]
    found = [m for m in period_mentions(mt[b.start:b.end], b.start, doc_period)
             if not m.baseline and not m.attached and not cited_title_year(mt, b.start, m.pos)
             and not any(lo <= m.pos < hi for lo, hi in jubilees)]
    reviewed = [m for m in found if m.reason]
    if reviewed:
        return reviewed[0].period, False, True
    # "Sáng ngày 05/11/2020, ấp ... biểu quyết các nội dung thực hiện trong năm 2021": a line opening
    # with the date of its event looks ahead from it; a later year is its plan
    ev = _event_year_of(doc, [b])
    plain = [m for m in found if not _PLAN_BEFORE.search(mt, max(b.start, m.pos - 80), m.pos)
             and not (ev and _first_year(m.period) > int(ev))]
    if plain:
        return plain[0].period, False, False
    if ev and found:
        return ev, False, False
    return (found[0].period, True, False) if found else (None, False, False)


def _years_of(period: str) -> list[int]:
    """The years a period names: '2015-2020' → [2015, 2020], '2021-H1' → [2021]."""
    return [int(y) for y in period.split("-") if len(y) == 4 and y.isdigit()]


def _first_year(period: str) -> int:
    return (_years_of(period) or [0])[0]


def _after_baseline(doc: Document, blocks: list[Block]) -> Optional[str]:
    """The year after the one the opening lines compare with ('so với năm 2010' → 2011), when they
    name one baseline year only."""
    mt = doc.match_text
    years = {m.period for b in blocks for m in period_mentions(mt[b.start:b.end], b.start, None)
             if m.baseline and m.period.isdigit()}
    return str(int(years.pop()) + 1) if len(years) == 1 else None


def _opening_date(doc: Document, blocks: list[Block]) -> Optional[tuple[str, Optional[int]]]:
    """(year, month) of a full date opening one of the lines ('(NTO) Ngày 28-4-2011, ...': the event
    they report; not an anniversary named later, '... (20/11/1982 - 20/11/2023)'); the month is None
    when the date is written in words."""
    for b in blocks:
        m = _EVENT_DATE.search(doc.match_text, b.start, min(b.end, b.start + _EVENT_DATE_OPENING))
        if m:
            return m.group("y") or m.group("y2"), int(m.group("m")) if m.group("m") else None
    return None


_EVENT_DATE_OPENING = 40      # characters from a line's start within which its event's date stands


def _event_year_of(doc: Document, blocks: list[Block]) -> Optional[str]:
    d = _opening_date(doc, blocks)
    return d[0] if d else None


def _lede_event_year(doc: Document, b: Block) -> Optional[str]:
    """The year of the event a lede opens with, when it falls after the early months."""
    d = _opening_date(doc, [b])
    return d[0] if d and not (d[1] is not None and d[1] <= _EARLY_MONTHS) else None


def _only_year(doc: Document) -> Optional[str]:
    """The one year (or span) a text names (baselines, names of standards and programmes, plans aside:
    'Trong năm 2024, tỉnh phấn đấu ...'), if it names one."""
    found = _reached_periods(doc)
    if len(found) != 1:
        return None
    only = next(iter(found))
    # "... trong 5 năm qua ... phong trào thi đua yêu nước giai đoạn 2016 – 2020": a span it names and
    # nothing else
    return only if only.isdigit() or re.fullmatch(r"\d{4}-\d{4}", only) else None


def _reached_periods(doc: Document) -> set[str]:
    """The periods a text names as reached, anywhere (baselines and the years of plans left out)."""
    mt = doc.match_text
    return {m.period for m in period_mentions(mt, 0, None) if not m.baseline
            and not _PLAN_WORD.search(mt, _clause_start(mt, m.pos), m.pos) and not _PLAN_AFTER.match(mt, m.pos + 4)}


def _plan_year_now(doc: Document) -> Optional[str]:
    """The one year a text's plans name, when it calls the year of its plans 'năm nay' (this year)."""
    mt = doc.match_text
    if not _THIS_YEAR.search(mt):
        return None
    years = {m.period for m in period_mentions(mt, 0, None) if not m.baseline and m.period.isdigit()}
    return years.pop() if len(years) == 1 else None


_THIS_YEAR = P("frame_this_year")


def _closed_span(doc: Document, blocks: list[Block], period: str, dateline_year: Optional[int]) -> Optional[str]:
    """The span an opening 'Từ năm 2005 đến nay' names: from that year to the dateline's, else to the
    end of the one span from that year the text names ('... giai đoạn 2005-2010')."""
    mt = doc.match_text
    if not period.isdigit() or not any((m := _SINCE_NOW.search(mt, b.start, b.end)) and m.group("y") == period
                                       for b in blocks):
        return None
    ends = {dateline_year} if dateline_year else {
        int(m.period[5:]) for m in period_mentions(mt, 0, None) if re.fullmatch(period + r"-\d{4}", m.period)}
    end = ends.pop() if len(ends) == 1 else None
    return f"{period}-{end}" if end and 0 < end - int(period) <= _SPAN_MAX else None


_SPAN_MAX = 10      # years a text's own span covers at most


def _year_inside(period: str, year: Optional[int], month: Optional[int] = None) -> Optional[str]:
    """The dateline's year when it falls inside a span the text is about ('2018-2020' written in 2019);
    in its first months, the year just ended ('Đến nay ... 13/86 xã' in a text on 2010-2020 published on
    24/01/2018 is the state 2017 left)."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", period)
    if not (m and year and int(m.group(1)) <= year <= int(m.group(2))):
        return None
    if month is not None and month <= _EARLY_MONTHS and year - 1 >= int(m.group(1)):
        return str(year - 1)
    return str(year)


def _year_of_writing(period: str, year: Optional[int], month: Optional[int]) -> Optional[str]:
    """The dateline's year when a text about one earlier year was written after its first months
    ('... công nhận 07 xã đạt chuẩn nông thôn mới năm 2018' published 26/04/2019: 'Tính đến nay' is 2019)."""
    if not (period.isdigit() and year and month) or year <= int(period) or month <= _EARLY_MONTHS:
        return None
    return str(year)


def _written_after(doc: Document, heads: list[Block], period: str) -> Optional[str]:
    """The year of the latest full date the headline or lede names, when later than the one year
    the text is about: '... ngày 18/8/2023, Thủ tướng ... công nhận huyện Kim Sơn đạt chuẩn NTM năm
    2022' is written in 2023 at the earliest, so its 'Đến nay, ...' is 2023."""
    if not period.isdigit():
        return None
    years = [int(m.group("y") or m.group("y2")) for b in heads for m in _EVENT_DATE.finditer(doc.match_text, b.start, b.end)]
    latest = max(years, default=0)
    return str(latest) if latest > int(period) else None


def _month_baseline_year(doc: Document) -> Optional[str]:
    """The one year the month baselines of a text name, when before December ('so với tháng 6/2015')."""
    found = {m.group("y") for m in _MONTH_BASELINE.finditer(doc.match_text) if int(m.group("m")) < 12}
    return found.pop() if len(found) == 1 else None


def _clause_start(mt: str, pos: int) -> int:
    return max(mt.rfind(c, 0, pos) for c in ".;:\n") + 1


def _last_year(period: str) -> int:
    """The last year a period covers: '2015-2020' → 2020, '2021-H1' → 2021."""
    return (_years_of(period) or [0])[-1]


def _undated_period(doc: Document, heads: list[Block]) -> Optional[Period]:
    """The period of a headerless text with no period in its headline or lede and no dateline, from the
    first of these that says: the date its lede opens with, the anniversary it celebrates, the one month
    or year it compares with, the one year it names, the year of its plans called 'năm nay', the
    latest date it names."""
    if opening := _opening_date(doc, heads):
        # "(NTO) Ngày 28-4-2011, UBND tỉnh ký Quyết định ...": the date of the event the lede reports;
        # a meeting in January or February ("Sáng ngày 14/01/2020, ... hội nghị tổng kết") reviews the
        # year before, as under a dateline of those months
        ev, month = opening
        if month is not None and month <= _EARLY_MONTHS and not any(
                _CEREMONY.search(doc.match_text, b.start, b.end) for b in heads):
            ev = str(int(ev) - 1)
        return Period(ev, "event_date")
    if year := _anniversary_year(doc):
        # "Nhân dịp kỷ niệm 90 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh, ... trao Kỷ niệm chương ...": 2021
        return Period(year, "anniversary")
    only = _only_year(doc)
    if not only and (since := _month_baseline_year(doc) or _after_baseline(doc, list(doc.blocks))) \
            and not _reached_since(doc, since):
        # "... tăng 36 tiêu chí so với tháng 6/2015": a text dated only by the month it compares with is of
        # that month's year; "... tăng 10 xã so với năm 2015" only by a year: of the year after (not when
        # it names a later year reached: "Đến cuối năm 2022, ... tăng 49,7 triệu đồng so với cuối năm 2010")
        return Period(since, "baseline")
    if only:
        # "Bắc Giang: Thêm 21 thôn ..." dated nowhere but "tính đến tháng 10/2021": the one year it names
        return Period(only, "text")
    if now := _plan_year_now(doc):
        # "Riêng 11 xã phấn đấu đạt chuẩn NTM trong năm nay ... Chỉ tiêu phấn đấu trong năm 2018": the one
        # year its plans name is 'this year', the year of writing
        return Period(now, "text")
    if latest := _latest_year(doc):
        # "... theo Quyết định 2458/QĐ-CTN ngày 30/9/2014 của Chủ tịch nước": a text is written no earlier
        # than the latest date it names
        return Period(latest, "latest_date")
    return None


def _reached_since(doc: Document, since: str) -> bool:
    """Whether a text names as reached a single year from ``since`` on."""
    return any(p.isdigit() and int(p) >= int(since) for p in _reached_periods(doc))


def _anniversary_year(doc: Document) -> Optional[str]:
    """The year of the anniversary a text celebrates, when all it names agree: 'kỷ niệm 41 năm ngày
    Nhà giáo Việt Nam (20/11/1982 - 20/11/2023)' → 2023; 'kỷ niệm 90 năm Ngày thành lập Đoàn TNCS Hồ
    Chí Minh' → 1931 + 90 (``anniversary_founded``)."""
    founded = M("anniversary_founded")
    years = set()
    for m in _ANNIVERSARY.finditer(doc.match_text):
        n = int(m.group("n") or m.group("after"))
        if m.group("y2") and int(m.group("y2")) - int(m.group("y1")) == n:
            years.add(int(m.group("y2")))
        elif m.group("key") and (start := founded.get(" ".join(m.group("key").split()))):
            years.add(int(start) + n)
    return str(years.pop()) if len(years) == 1 else None


def _latest_year(doc: Document) -> Optional[str]:
    """The latest year of a full date (a cited decision's too) or of a single year a text names as
    reached (plans and baselines left out)."""
    years = {int(m.group("y") or m.group("y2")) for m in _EVENT_DATE.finditer(doc.match_text)}
    years |= {int(p) for p in _reached_periods(doc) if p.isdigit()}
    return str(max(years)) if years else None


def document_frame(doc: Document, meta: DocMeta, header_end: int = 0) -> DocFrame:
    """The document's own frame.  A text with a header period keeps it (``document``); a
    headerless text takes its headline's period, else its first paragraph's, else its dateline's
    year."""
    frame = DocFrame()
    body = [b for b in doc.blocks[header_end:header_end + 8] if b.kind not in (TABLE,)]
    month = None
    for b in body[:5]:
        d = dateline_date(doc, b)
        if d:
            frame.dateline_year, month = d
            frame.dateline_iso = _dateline_iso(doc, b)
            break
    if meta.period:
        frame.period = Period(meta.period, "document")
        return frame
    if meta.doc_type not in (None, "other"):
        return frame
    lines = [b for b in body if dateline_year(doc, b) is None]
    found: list[tuple[str, bool, str, bool]] = []     # (period, a plan's, source, reviewed) in reading order
    heads = [b for b in lines[:3] if b.kind in (HEADING, PARAGRAPH, LIST_ITEM)]
    if lines and _is_headline(lines[0]):
        frame.headline = lines[0]
        p, plan, reviewed = _first_period(doc, lines[0], None)
        if p:
            found.append((p, plan, "title", reviewed))
        lines = lines[1:]
    # the lede: the first of the opening paragraphs that names a period ('Hà Giang là tỉnh miền
    # núi, ...' sets the scene; 'Theo ..., tính tới hết năm 2023, ...' then dates the text)
    for lede in (b for b in lines[:2] if b.kind in (PARAGRAPH, LIST_ITEM) and len(b.text) > 60):
        if not frame.dateline_year and (into := _YEARS_INTO.search(doc.match_text, lede.start, lede.end)):
            # "Sau 3 năm thực hiện ... Chương trình giảm nghèo ... giai đoạn 2011 - 2015": 2014, the year the
            # text looks back from
            found.append((str(int(into.group("a")) + int(into.group("n"))), False, "lede", False))
            break
        p, plan, reviewed = _first_period(doc, lede, None)
        if p and frame.dateline_year and _last_year(p) < frame.dateline_year - 1:
            break   # 'Khi mới bước vào xây dựng nông thôn mới năm 2010, ...' in a text of 2018: a history
        if p and not frame.dateline_year and (since := _after_baseline(doc, list(doc.blocks))) \
                and _last_year(p) < int(since) - 1:
            # "... giảm so với cuối năm 2021. ... Giai đoạn 2016-2020, tiêu chí chỉ có hộ nghèo ...": a span that
            # ended before the year the text compares with is a history it tells
            break
        if p:
            found.append((p, plan, "lede", reviewed))
            break
        if (ev := _lede_event_year(doc, lede)) is not None:
            # "Sáng ngày 05/11/2020, ấp Cái Trăng tổ chức Ngày hội ...": a lede naming no period is of
            # the date of the event it reports (not in January or February: a meeting then reviews the
            # year before)
            found.append((ev, False, "event_date", False))
            break
    # a headline naming only the plan it launches ('... triển khai nhiệm vụ năm 2019') gives way
    # to the year its first paragraph reviews
    best = next((x for x in found if not x[1]), found[0] if found else None)
    # "Hội đồng Thi đua - Khen thưởng tỉnh họp phiên thứ hai năm 2020" over "... xem xét khen thưởng
    # tổng kết kinh tế - xã hội năm 2019": the year a lede reviews, not the year of the meeting
    best = next((x for x in found if x[3]), best)
    frame.plan = best is not None and best[1]
    if best is not None and best[1] and not frame.dateline_year and (only := _only_year(doc)) is not None \
            and only.isdigit() and _last_year(best[0]) >= int(only):
        # "Tỉnh phấn đấu từ nay đến năm 2020 ... so với cuối năm 2015. ... Ngay trong năm 2018, tỉnh ...": a text
        # opening with its plans is of the one year it names as reached, before any year after its baseline
        best = (only, False, "text", False)
    if ((best is None and not frame.dateline_year) or (best is not None and best[1])) \
            and (after := _after_baseline(doc, heads)):
        # (a text with nothing but a dateline to date it is of the dateline's year: 'Thứ Ba, 03/07/2018' over
        # '... tăng 11,74 tiêu chí so với năm 2010')
        # "Điện Biên: Phấn đấu năm 2012 giảm ..." over "... đã giảm 6,32% so với năm 2010": a text
        # naming only plans reports the year after the one it compares with
        best = (after, False, "baseline", False)
    if best is not None and best[1] and frame.dateline_year and month is not None and month <= _EARLY_MONTHS \
            and _years_of(best[0]) == [frame.dateline_year]:
        # "Ngày 4/1, ... triển khai Nghị quyết ... nhiệm vụ ... năm 2023" published in January 2023: the plan is
        # the new year's; what the text reports given or reached is of the year just ended
        frame.period, frame.plan = Period(str(frame.dateline_year - 1), "dateline"), False
        return frame
    if best is not None and frame.dateline_year and (
            (best[1] and _last_year(best[0]) > frame.dateline_year)
            or min(_years_of(best[0]) or [0]) > frame.dateline_year):
        # "Xây dựng lộ trình đạt chuẩn huyện nông thôn mới vào năm 2025" published in 2022, "Bình Định: Có 27 xã
        # NTM vào năm 2015" published in 2012: what it reports reached is of the dateline's year (its targets
        # name their own years)
        frame.period = Period(str(frame.dateline_year), "dateline")
        return frame
    if best is not None:
        value = _closed_span(doc, heads, best[0], frame.dateline_year) or best[0]
        frame.period = Period(value, best[2], _year_inside(value, frame.dateline_year, month)
                              or _year_of_writing(value, frame.dateline_year, month)
                              or (None if frame.dateline_year else _written_after(doc, heads, value)))
        return frame
    if not frame.dateline_year and (undated := _undated_period(doc, heads)):
        frame.period = undated
        return frame
    if frame.dateline_year:
        # a text published in January or February with nothing else to date it reports the year
        # just ended (as a count "đầu năm" is the level the previous year left)
        early = month is not None and month <= _EARLY_MONTHS
        if early and any(_CEREMONY.search(doc.match_text, b.start, b.end) for b in heads):
            early = False   # "Chiều 30/1, ... tổ chức Lễ trao tặng ...": what the ceremony gives is of its own year
        y = frame.dateline_year - 1 if early else frame.dateline_year
        frame.period = Period(str(y), "dateline")
    elif (named := _filename_year(doc.path)) is not None:
        # a text that dates itself nowhere, in a file its sender named "Bao_cao_giam_ngheo_2014.txt": the
        # one year the file's name gives, the weakest guess
        frame.period = Period(named, "filename")
    return frame


def _filename_year(path: str) -> Optional[str]:
    """The one year a file's name gives ('bc_tdkt_2023.docx' → 2023), None for none or several."""
    years = set(_FILENAME_YEAR.findall(PurePath(path or "").stem))
    return years.pop() if len(years) == 1 else None


class Frames:
    """The frames of one document, computed once (``Analysis.frames``)."""

    def __init__(self, doc: Document, meta: DocMeta):
        self.doc, self.meta = doc, meta

    @cached_property
    def document(self) -> DocFrame:
        return document_frame(self.doc, self.meta)
