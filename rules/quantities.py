"""Other quantities (``quantity``): money, areas, tonnages, people, heads of
livestock, with a short ``label`` of what they measure.

Only numbers that no other family used and that carry a unit are kept.  A
total followed by ``trong đó`` and parts in the same unit (``Tổng diện tích gieo
trồng cả năm là 4.235,04ha, trong đó xã Hà Vinh là 895ha, Hà Bắc là 795,46ha,
...``) becomes a total and parts linked by ``parent_fact_id``, each part with
its ``subject`` when it names a place — what the sum check reads.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pipeline.model import Fact

from .analysis import Analysis
from .datafiles import load, pattern
from .subjects import subject_before
from .text import Sentence, clause_start
from .lexicon import P

# unit words after a number -> (unit code, factor)
_UNITS = [
    (r"đồng|vnđ|vnd|đ\b", "vnd"), (r"usd|đô la", "usd"),
    (r"km2|km²|ki lô mét vuông", "km2"), (r"ha\b|héc ta|hécta|hecta", "ha"), (r"m2|m²|mét vuông", "m2"),
    (r"tấn/ha", "tonne/ha"), (r"tạ/ha", "quintal/ha"), (r"tấn", "tonne"), (r"tạ", "quintal"), (r"kg|ki lô gam", "kg"), (r"km\b", "km"),
    (r"con", "head"), (r"lượt người|người|nhân khẩu|lao động", "person"), (r"lượt", "time"),
    (r"công trình", "work"), (r"ngày công", "workday"), (r"căn nhà|nhà", "house"), (r"suất", "gift"),
    (r"tin, bài|tin bài|tin|bài", "article"), (r"mũi", "dose"), (r"sáng kiến", "initiative"),
    (r"văn bản", "document"), (r"đại biểu", "person"), (r"hội viên|đoàn viên|đảng viên", "member"),
    (r"học sinh", "person"), (r"điểm", "point"), (r"lớp", "class"), (r"cuộc", "event"),
]
_UNIT_RE = re.compile(r"\s*(?P<u>" + "|".join(f"(?:{u})" for u, _ in _UNITS) + r")(?![\w])")
_UNIT_CODE = [(re.compile(f"^(?:{u})"), c) for u, c in _UNITS]
_TRONG_DO = P("qty_trong_do")
_FILLER_END = P("qty_filler_end")


@lru_cache(maxsize=1)
def _rate_topics() -> list[tuple[str, str, "re.Pattern"]]:
    data = load("metrics.toml")
    return [(r["id"], r["label"], re.compile(pattern(r["pattern"]))) for r in data.get("quantity_rate", [])]


def _rate_quantity(an: Analysis, sent: Sentence, n) -> None:
    """'tỷ lệ tăng dân số tự nhiên bình quân giai đoạn 2021 - 2025 là 12%/năm': a rate the
    checks can judge, kept with its topic as label."""
    cs = clause_start(sent, n.start, seps=";")
    before = an.doc.match_text[max(cs, n.start - 120):n.start]
    for rid, label, rx in _rate_topics():
        if rx.search(before):
            an.fact(sent, n, "quantity", rid, unit="percent", label=label,
                    period=an.period(sent, n.start, n.end), status=an.status(sent, n.start))
            return


def _unit_code(word: str) -> str:
    for rx, code in _UNIT_CODE:
        if rx.match(word):
            return code
    return word


def _label(text: str, lo: int, pos: int) -> Optional[str]:
    seg = text[lo:pos]
    seg = re.split(r"[;:(]", seg)[-1]
    seg = _FILLER_END.sub("", seg.strip()).strip(" ,.-+")
    words = seg.split()
    if not words:
        return None
    return " ".join(words[-8:])


def extract_quantities(an: Analysis) -> None:
    used = sorted((f.char_start, f.char_end) for f in an.facts)
    mt = an.doc.match_text
    text = an.doc.text

    def taken(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in used)

    for sent in an.sentences:
        if sent.in_closing:
            continue
        totals: list[tuple[Fact, int]] = []      # (total fact, position where its parts start)
        prev_end = sent.start
        for n in an.numbers_in(sent):
            lo_label = prev_end
            prev_end = max(prev_end, n.end)
            if n.percent and not taken(n.start, n.end):
                _rate_quantity(an, sent, n)
                continue
            if n.percent or n.kind in ("fraction",) or taken(n.start, n.end):
                continue
            um = _UNIT_RE.match(mt, n.end)
            if not um:
                continue
            unit = _unit_code(um.group("u"))
            if unit == "vnd" and n.scale == 1 and n.value < 1000:
                continue  # "05 đồng"-like slips; real amounts are in nghìn/triệu/tỷ or long numbers
            cs = clause_start(sent, n.start, seps=";:")
            prev_end = um.end()
            label = _label(text, max(cs, lo_label), n.start)
            if label is None:
                after = text[um.end():um.end() + 60]
                label = " ".join(re.split(r"[;,.()]", after)[0].split()[:8]) or None
            parent = None
            for tot, from_pos in reversed(totals):
                if tot.unit == unit and n.start > from_pos:
                    parent = tot
                    break
            subj = subject_before(text, max(cs, parent.char_end if parent else cs), n.start) if parent else None
            f = an.fact(sent, n, "quantity", "qty.unit", unit=unit, label=label,
                        period=an.period(sent, n.start, n.end), status=an.status(sent, n.start))
            f.char_end = max(f.char_end, n.end)
            if parent is not None:
                f.parent_local_id = parent.local_id
                f.qualifier = label
                if subj:
                    f.subject, f.subject_level = subj
            else:
                td = _TRONG_DO.match(mt, um.end())
                if td:
                    totals.append((f, td.end()))
