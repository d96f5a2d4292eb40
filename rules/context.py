"""Context of a figure: the period it belongs to and its status.

Period: the nearest year expression before the figure — in its clause, then its
sentence, then its block, then the section headings above it — else the
document's period.  ``năm 2021`` beats a ``giai đoạn 2022-2025`` further away but
in the same scope; years inside dates (``ngày 28/1/2022``, ``tháng 8 năm
2019``) and document numbers (``91/2017/NĐ-CP``) are not periods.

Status: ``proposed`` when the clause before the figure says ``đề nghị``,
``trình``, ``dự kiến``, ``hiệp y``; ``target`` when it says ``chỉ tiêu``,
``phấn đấu``, ``mục tiêu`` or the section is a ``PHƯƠNG HƯỚNG, NHIỆM VỤ``
section; else ``granted`` facts get status None (the default reading).
"""
from __future__ import annotations

import re

import regex
from typing import Optional

from .text import Sentence, clause_start

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_HALF = re.compile(rf"6 tháng (?P<which>đầu|cuối) năm (?P<y>{_YEAR})")
_QUARTER = re.compile(rf"quý (?P<q>i{{1,3}}|iv|[1-4]) (?:năm )?(?P<y>{_YEAR})")
_RANGE = re.compile(rf"(?P<a>{_YEAR})\s*-\s*(?P<b>{_YEAR})")
_YEAR_RE = re.compile(rf"(?<![\d/.,-])(?P<y>{_YEAR})(?![\d/]|\s*/|-[a-zđ])")
# a year that belongs to a date or a document number
_DATE_BEFORE = re.compile(r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*|tháng\s+\d{1,2}\s*(?:năm|/)\s*|tháng \d{1,2},? )$")
_NUMBER_BEFORE = re.compile(r"(?:số|/)\s*\d*\s*/?\s*$")


def _is_date_year(text: str, start: int) -> bool:
    before = text[max(0, start - 16):start]
    return bool(_DATE_BEFORE.search(before)) or before.endswith("/")


def periods_in(mtext: str, base: int = 0) -> list[tuple[int, str]]:
    """(absolute position, canonical period) of every period expression in a
    match-form string, in order."""
    out: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _HALF.finditer(mtext):
        out.append((base + m.start(), f"{m.group('y')}-{'H1' if m.group('which') == 'đầu' else 'H2'}"))
        taken.append(m.span())
    for m in _QUARTER.finditer(mtext):
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group("q"), None) or int(m.group("q"))
        out.append((base + m.start(), f"{m.group('y')}-Q{q}"))
        taken.append(m.span())
    for m in _RANGE.finditer(mtext):
        if any(s <= m.start() < e for s, e in taken) or _is_date_year(mtext, m.start()):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < b - a <= 10:
            out.append((base + m.start(), f"{a}-{b}"))
            taken.append(m.span())
    for m in _YEAR_RE.finditer(mtext):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _is_date_year(mtext, m.start()):
            continue
        before = mtext[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:năm|trong|cuối|đầu|giữa|đến|từ|hết)\s*$", before) or re.search(r"năm\s*$", before):
            out.append((base + m.start(), m.group("y")))
        elif re.search(r"(?:^|[\s(,])$", before) and not _NUMBER_BEFORE.search(before):
            # a bare year ("Năm 2020," is caught above; "(2015)" here)
            out.append((base + m.start(), m.group("y")))
    out.sort()
    return out


def _last_before(mtext: str, base: int, pos: int, *, prefer_year: bool = True) -> Optional[str]:
    found = [(p, per) for p, per in periods_in(mtext, base) if p < pos]
    if not found:
        return None
    if prefer_year:
        years = [x for x in found if "-" not in x[1] or x[1][5:6] in ("H", "Q")]
        if years:
            return years[-1][1]
    return found[-1][1]


def period_at(sent: Sentence, pos: int, doc_period: Optional[str]) -> Optional[str]:
    """The period a figure at absolute position ``pos`` belongs to."""
    doc = sent.doc
    cs = clause_start(sent, pos, seps=";")
    # 1. the clause, then the sentence, then the block before the figure
    for lo in (cs, sent.start, sent.block.start):
        p = _last_before(doc.match_text[lo:pos], lo, pos)
        if p:
            return p
    # 2. the clause after the figure (a "giai đoạn 2015 - 2020" closing the clause)
    from .text import clause_end
    ce = clause_end(sent, pos)
    after = periods_in(doc.match_text[pos:ce], pos)
    ranges = [per for _, per in after if "-" in per and per[5:6] not in ("H", "Q")]
    if ranges:
        return ranges[0]
    # 3. the section headings, nearest first
    for h in reversed(sent.headings):
        p = _last_before(doc.match_text[h.start:h.end], h.start, h.end)
        if p:
            return p
    return doc_period


# --- status ------------------------------------------------------------------
_PROPOSED = regex.compile(r"(?<![\w])(?:đề nghị|đề xuất|(?<!(?:chương|quy|lộ|công|giáo) )trình(?! bày| độ| diễn| chiếu)|dự kiến|hiệp y|đăng ký)(?![\w])")
_TARGET = re.compile(r"\b(?:chỉ tiêu|phấn đấu|mục tiêu|kế hoạch đề ra|định hướng)\b")
_PLAN_SECTION = re.compile(r"^(?:(?:[ivx]+|\d+)[.)]\s*)?(?:phương hướng|nhiệm vụ|giải pháp|mục tiêu|kế hoạch năm)")
_ACHIEVED = re.compile(r"đến nay|hiện nay|đã có|đã đạt|kết quả|thực hiện được|đạt được|năm qua")
_NOT_PROPOSED = re.compile(r"đã nhận|đã được|được tặng|được công nhận")


def status_at(sent: Sentence, pos: int, *, seps: str = ";:") -> Optional[str]:
    """'proposed', 'target' or None (granted / stated as achieved)."""
    doc = sent.doc
    lo = clause_start(sent, pos, seps=seps)
    before = doc.match_text[lo:pos]
    t = None
    for t in _TARGET.finditer(before):
        pass
    if t is not None and pos - (lo + t.start()) <= 90 and not _ACHIEVED.search(before[t.end():]) \
            and not re.search(r"(?:vượt|đạt|hoàn thành|bằng)\s+(?:\S+\s+){0,3}chỉ tiêu", before):
        return "target"
    if _PROPOSED.search(before) and not _NOT_PROPOSED.search(before[_PROPOSED.search(before).end():]):
        return "proposed"
    if in_plan_section(sent):
        return "target"
    return None


def in_plan_section(sent: Sentence) -> bool:
    for h in sent.headings:
        if h.level is not None and h.level <= 2 and _PLAN_SECTION.search(sent.doc.match_text[h.start:h.end]):
            return True
    return False
