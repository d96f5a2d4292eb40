"""``conflict_within_doc`` and ``conflict_across_docs``: the same figure stated
with different values.

Two facts state *the same figure* when they agree on metric, award, recipient,
status (NULL = granted), the unit they are about (subject, or the reporting
unit itself when NULL — see :mod:`.units`), qualifier, period and, outside
awards and poverty, label; figures counted against two different totals
(``3/19`` and ``4/20``) are not compared, a figure with a total and one
without are (``5.214/5.706 hộ`` and ``5.241 hộ``).  Only the award,
poverty and nông thôn mới families are compared: indicator tables and free
``quantity`` phrases carry too little context to say two rows mean one thing.

Never compared: parts of a breakdown (facts with a parent) and the total row of a
table by place that the text states as such a part — except the parts of a
per-place breakdown (subject set, qualifier the place: ``Cẩm Yên: 15 tập thể``
under a cluster's total), which state that place's own figure — bounds (``hơn 200``),
counts of unnamed commendations (``khen_thuong``), changes (qualifier ``tăng
thêm``, or ``thêm``/``tăng``/``giảm``/``lũy kế`` written just before the figure,
``so với`` just after it) with levels and running totals, two figures of one
sentence (a sentence does not restate its own figure), facts whose sentences
name different years, and figures of different moments (``đầu năm``, ``năm
trước``, ``giảm từ`` against ``cuối năm``, ``còn``, ``đến nay``).
Award codes that gather several issuers (``bang_khen_cap_bo_tinh``: a minister's
or the province chairman's Bằng khen) also compare the issuer named last before
the figure (central body or province), and the granter written ``Bằng khen của
...`` before the figure when the rules did not read one.  Two values are equal
when the intervals their shown digits allow meet (counts are exact).

Two different values are a conflict only when they look like one figure
restated with a slip (:func:`looks_restated`: close, one digit changed, two
adjacent digits swapped; within a report not counts below 10), and are not two
cells of one table or two labelled items of one bulleted list.  A subject-less
figure whose sentence opens with a place the report gives figures for is that
place's (:func:`sentence_subject`).

Across documents, a pair of documents that is one report in two formats (same
issuer, number, period and date, or nearly the same text) is skipped, and so is a
figure dated only by its text (a news page's headline, lede or dateline, ``đến
nay``: ``period_source`` ``lede``, ``title``, ``dateline``, ``text``, ``present``,
``event_date``, ``baseline``), a state at some moment of its year.  The
finding goes on the later document (by date; without dates the one that sums
up the other: commune, cluster, district, province) (``observed`` its value, ``expected`` the
other's), with an ``info`` note on the earlier one so that both show it.
"""
from __future__ import annotations

import re
import bisect
from itertools import combinations
from typing import Optional

from pipeline.model import Finding

from .base import ERROR, INFO, WARNING, Context, DocRow, FactRow, excerpt, finding, vn, what, where
from .rounding import decimals_of, exact, stated_as_written
from .sums import breakdown_adds_up, column_adds_up
from .units import doc_unit, fact_unit, fold, place_key
from rules.context import HEADERLESS_FRAME_SOURCES
from rules.lexicon import P

WITHIN, ACROSS = "conflict_within_doc", "conflict_across_docs"
FAMILIES = ("award", "poverty", "ntm")
SKIP_AWARDS = {"khen_thuong", "dien_hinh_tien_tien"}
LABELLED = re.compile(r"^(ntm\.|quantity)")
_ADDED = P("chk_conflicts_added")
_COMPARED = P("chk_conflicts_compared")
_YEAR = re.compile(r"(?<![\d/.,-])(?:19[5-9]\d|20[0-4]\d)(?![\d/])")
SIMILAR = 0.9
# award codes that gather the awards of several issuers (SPEC: "Bằng khen cấp bộ,
# ngành, tỉnh"): two such figures are one figure only when the same kind of
# issuer gave them
MERGED_ISSUERS = {"bang_khen_cap_bo_tinh", "co_thi_dua_cap_bo_tinh", "chien_si_thi_dua_cap_bo_tinh",
                  "giay_khen", "bang_khen_khac", "co_thi_dua_khac"}
_CENTRAL = P("chk_conflicts_central")
_PROVINCE = P("chk_conflicts_province")


def _part_about_its_subject(f: FactRow) -> bool:
    """A part of a per-place breakdown (``Cẩm Yên: 15 tập thể, 42 cá nhân`` under the
    cluster's total) states that place's own figure."""
    return bool(f.subject) and (not f.qualifier or place_key(f.qualifier) == place_key(f.subject))


def _total_of_a_named_subset(ctx: Context, f: FactRow) -> bool:
    """The total row of a table by place (``Tổng cộng`` under the 14 wards) sums the
    places listed; when the text states that same value as a part (``trong đó ...
    thuộc 14 phường là 108 tập thể``), the row is that part, not the unit's figure."""
    if f.table_index is None or f.subject:
        return False
    same_table = [g for g in ctx.by_doc.get(f.doc_id, ()) if g.table_index == f.table_index]
    if not any(g.subject and g.subject_level for g in same_table):
        return False
    return any(g.parent_fact_id and g.table_index is None and g.metric == f.metric and g.award == f.award
               and g.recipient == f.recipient and g.value == f.value for g in ctx.by_doc.get(f.doc_id, ()))


_LEAD = P("chk_conflicts_lead")


def _sentence_start(ctx: Context, f: FactRow) -> int:
    text = ctx.text(f.doc_id)
    lo = max(0, (f.char_start or 0) - 400)
    return max([text.rfind(sep, lo, f.char_start) + len(sep) for sep in (". ", "\n", "; ")] + [lo])


def sentence_subject(ctx: Context, f: FactRow) -> Optional[str]:
    """The place a subject-less figure is about when its sentence opens with one of
    the places the report gives figures for (``Huyện Tuần Giáo ... đã công nhận
    1.136 cá nhân`` in a cluster's report whose table has a row for Tuần Giáo)."""
    if f.subject or f.table_index is not None or f.char_start is None:
        return f.subject
    cache = ctx.__dict__.setdefault("_doc_subjects", {})
    if f.doc_id not in cache:
        cache[f.doc_id] = {place_key(g.subject): g.subject for g in ctx.by_doc.get(f.doc_id, ())
                           if g.subject and place_key(g.subject)}
    subjects = cache[f.doc_id]
    if not subjects:
        return None
    text = ctx.text(f.doc_id)
    head = text[_sentence_start(ctx, f):f.char_start]
    head = head[_LEAD.match(head).end():]
    words = head.split()
    for k in range(min(5, len(words)), 0, -1):
        key = place_key(" ".join(words[:k]).strip(",:"))
        if key in subjects:
            others = {s for s in subjects if s != key and re.search(r"\b" + re.escape(fold(subjects[s])) + r"\b",
                                                                     fold(head))}
            return None if others else subjects[key]
    return None


def _in_headline(d: DocRow, f: FactRow) -> bool:
    """The first line of a text without a document header (a news headline): it restates the body,
    so even a total whose form is not named is compared with the body's."""
    return f.block_index == 0 and d.doc_type in (None, "other")


def _restates_headline(ctx: Context, f: FactRow) -> bool:
    return f.award in SKIP_AWARDS and any(
        _in_headline(ctx.docs[f.doc_id], g) and g.award == f.award and g.recipient == f.recipient
        for g in ctx.by_doc.get(f.doc_id, ()))


def fact_key(ctx: Context, f: FactRow) -> Optional[tuple]:
    if f.family not in FAMILIES or not f.is_exact:
        return None
    if f.parent_fact_id and not _part_about_its_subject(f):
        return None
    if _total_of_a_named_subset(ctx, f):
        return None
    d = ctx.docs[f.doc_id]
    if f.award in SKIP_AWARDS and not (_in_headline(d, f) or _restates_headline(ctx, f)):
        return None
    subject = f.subject or sentence_subject(ctx, f)
    prov, unit = fact_unit(d, subject, f.subject_level)
    period = f.period or d.period or ""
    label = fold(f.label) if LABELLED.match(f.metric or "") and f.label else ""
    qualifier = "" if f.parent_fact_id or (f.subject and f.qualifier and
                                           place_key(f.qualifier) == place_key(f.subject)) else fold(f.qualifier)
    return (f.metric, f.award or "", f.recipient or "", f.status or "granted", prov, unit,
            qualifier, str(period).replace(" ", ""), label, fold(f.scope))


def issuer_class(ctx: Context, f: FactRow) -> str:
    """``central`` or ``province``: the issuer named last before the figure in its
    clause, else in its sentence (``Các bộ, ngành ... tặng Bằng khen cho 67 tập
    thể`` -> central), else first after it in its clause (``3 Bằng khen của Chủ
    tịch UBND tỉnh``); ``?`` when none is named."""
    if f.award not in MERGED_ISSUERS or f.char_start is None:
        return ""
    cache = ctx.__dict__.setdefault("_issuer_class", {})
    if f.fact_id in cache:
        return cache[f.fact_id]
    if f.granter:                      # the fact rules said who granted it
        g = f.granter.lower()
        cls = "central" if _CENTRAL.search(g) else "province" if _PROVINCE.search(g) else "?"
        if cls != "?":
            cache[f.fact_id] = cls
            return cls
    text = ctx.text(f.doc_id)
    lo = max(0, f.char_start - 300)
    sent_lo = max([text.rfind(sep, lo, f.char_start) for sep in (". ", "\n")] + [lo])
    clause_lo = max([text.rfind("; ", sent_lo, f.char_start), sent_lo])
    best = ""
    for a in (clause_lo, sent_lo):
        before = text[a:f.char_start].lower()
        where_ = -1
        for name, rx in (("central", _CENTRAL), ("province", _PROVINCE)):
            for m in rx.finditer(before):
                if m.start() > where_:
                    best, where_ = name, m.start()
        if best:
            break
    if not best:
        after = text[f.char_end or f.char_start:(f.char_end or f.char_start) + 120].lower()
        after = re.split(r"[.;\n]", after, maxsplit=1)[0]
        firsts = [(m.start(), name) for name, rx in (("central", _CENTRAL), ("province", _PROVINCE))
                  for m in [rx.search(after)] if m]
        best = min(firsts)[1] if firsts else "?"
    cache[f.fact_id] = best
    return best


_TITLE = re.compile(r"^(?:tong giam doc|giam doc|chu tich|bo truong|thu truong|truong ban|ban chap hanh)\s+")
_GRANTER_WORDS = (("uy ban nhan dan", "ubnd"), ("thanh pho", "tp"))


def _granter_key(g: str) -> str:
    """``Chủ tịch Ủy ban nhân dân tỉnh`` and ``UBND tỉnh`` name one issuer."""
    k = " ".join(fold(g).split())
    for long, short in _GRANTER_WORDS:
        k = k.replace(long, short)
    while True:
        k2 = _TITLE.sub("", k)
        if k2 == k:
            return k
        k = k2


_OF_GRANTER = P("chk_conflicts_of_granter")


def granter_of(ctx: Context, f: FactRow) -> Optional[str]:
    """Who granted the award: ``facts.granter``, else the ``Bằng khen của ...`` named
    last before the figure in its clause or table row (``- Bằng khen của Tổng Giám
    đốc Tập đoàn: 03 tập thể``)."""
    if f.granter:
        return f.granter
    if f.char_start is None:
        return None
    text = ctx.text(f.doc_id)
    lo = _sentence_start(ctx, f)
    if f.table_index is not None:
        lo = max(lo, text.rfind("\n", 0, f.char_start) + 1)
    ms = list(_OF_GRANTER.finditer(text[lo:f.char_start]))
    return ms[-1].group(1).strip() if ms else None


def same_issuer(ctx: Context, a: FactRow, b: FactRow) -> bool:
    """False only when both figures name their issuer and the issuers differ."""
    ga, gb = (granter_of(ctx, a), granter_of(ctx, b)) if a.award in MERGED_ISSUERS else (None, None)
    if ga and gb:
        ka, kb = _granter_key(ga), _granter_key(gb)
        if ka and kb and ka not in kb and kb not in ka:
            return False
    ca, cb = issuer_class(ctx, a), issuer_class(ctx, b)
    return not (ca not in ("", "?") and cb not in ("", "?") and ca != cb)


def _added_before(ctx: Context, f: FactRow) -> bool:
    """A change (``tăng thêm 02``, ``giảm 2,04% so với``), not a level."""
    if f.char_start is None:
        return False
    text = ctx.text(f.doc_id)
    before = text[max(0, f.char_start - 30):f.char_start].lower()
    after = text[f.char_end or f.char_start:(f.char_end or f.char_start) + 20].lower()
    return bool(_ADDED.search(before) or _COMPARED.search(after))


def _as_written(f: FactRow):
    """Counts are exact; rates and figures with decimals stand for what rounds to them."""
    if f.unit in ("percent", "%") or decimals_of(f.raw, f.value) > 0:
        return stated_as_written(f.raw, f.value)
    return exact(f.value)


def different_bases(a: FactRow, b: FactRow) -> bool:
    """``5.214/5.706 hộ`` and ``5.241 hộ`` state one figure; ``3/19 xã`` and ``4/20 xã``
    count against different totals and are not compared."""
    return a.of_total is not None and b.of_total is not None and abs(a.of_total - b.of_total) > 1e-9


def same_value(a: FactRow, b: FactRow) -> bool:
    return _as_written(a).overlaps(_as_written(b)) or abs(a.value - b.value) < 1e-9


TINY = 10            # within one report, counts below this are not compared
CLOSE = 0.03         # relative difference of a restatement that is merely close


def looks_restated(a: FactRow, b: FactRow, within: bool = True) -> bool:
    """Do two different values look like one figure written twice with a slip?
    Close in relative terms (``321``/``318``), or the same number of digits
    differing in one digit (``1.136``/``1.126``, ``14``/``17``) or by two adjacent
    digits swapped (``263``/``236``, ``5.241``/``5.214``).  Within a report, small
    counts (``2``/``3`` Bằng khen of two granters, two bullets of a list) are
    different figures far more often than slips: not compared."""
    va, vb = abs(a.value), abs(b.value)
    dec = max(decimals_of(a.raw, a.value), decimals_of(b.raw, b.value))
    if within and dec == 0 and min(va, vb) < TINY:
        return False
    if max(va, vb) and abs(va - vb) / max(va, vb) <= CLOSE:
        return True
    sa, sb = f"{va:.{dec}f}".replace(".", ""), f"{vb:.{dec}f}".replace(".", "")
    if len(sa) != len(sb):
        return False
    diff = [i for i in range(len(sa)) if sa[i] != sb[i]]
    if len(diff) == 1:
        return True
    return (len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]]
            and sa[diff[1]] == sb[diff[0]])


def _same_table(a: FactRow, b: FactRow) -> bool:
    """Two cells of one table are two figures: a table does not restate its own rows."""
    return a.table_index is not None and a.table_index == b.table_index


def _blocks(ctx: Context, doc_id: str) -> dict[int, tuple[str, int]]:
    cache = ctx.__dict__.setdefault("_blocks", {})
    if doc_id not in cache:
        cache[doc_id] = {i: (k, s) for i, k, s in ctx.con.execute(
            "SELECT block_index, kind, char_start FROM blocks WHERE doc_id = ?", [doc_id]).fetchall()}
    return cache[doc_id]


def _item_label(ctx: Context, f: FactRow, start: Optional[int]) -> str:
    """``- Hội khỏe Phù Đổng cấp huyện năm 2024: 06 tập thể`` -> the label before the colon."""
    if start is None or f.char_start is None:
        return ""
    head = ctx.text(f.doc_id)[start:f.char_start]
    return fold(head.split(":", 1)[0]).strip(" -–+*•") if ":" in head else ""


def _sibling_items(ctx: Context, a: FactRow, b: FactRow) -> bool:
    """Two labelled items of one bulleted list (``- Tổng kết 10 năm ...: 03 tập thể``;
    ``- Dân vận khéo: 02 tập thể``) count two different things, never one figure twice."""
    if a.block_index is None or b.block_index is None or a.block_index == b.block_index:
        return False
    blocks = _blocks(ctx, a.doc_id)
    lo, hi = sorted((a.block_index, b.block_index))
    if not all(blocks.get(i, ("",))[0] == "list_item" for i in range(lo, hi + 1)):
        return False
    la = _item_label(ctx, a, blocks[a.block_index][1])
    lb = _item_label(ctx, b, blocks[b.block_index][1])
    return bool(la and lb and la != lb)


def comparable_within(ctx: Context, a: FactRow, b: FactRow) -> bool:
    """Could ``a`` and ``b`` (same key, one report, different values) be one figure
    stated twice?"""
    if (different_bases(a, b) or _different_years(a, b) or not same_issuer(ctx, a, b)
            or _different_timepoints(ctx, a, b) or _same_table(a, b) or _sibling_items(ctx, a, b)):
        return False
    if a.award in SKIP_AWARDS and not (_in_headline(ctx.docs[a.doc_id], a) or _in_headline(ctx.docs[b.doc_id], b)):
        return False    # totals whose form is not named differ in scope; only a headline restates one
    if a.text == b.text and a.block_index == b.block_index:
        return False            # one sentence does not restate a figure: two different figures
    return looks_restated(a, b, within=True)


_START = P("chk_conflicts_start")
_END = P("chk_conflicts_end")


def timepoint(ctx: Context, f: FactRow) -> str:
    """``start`` (đầu năm, năm trước, giảm từ ...), ``end`` (cuối năm, còn, đến nay)
    or ``""``: said just before the figure, in its clause."""
    if f.char_start is None:
        return ""
    text = ctx.text(f.doc_id)
    lo = max(0, f.char_start - 60)
    cut = max(text.rfind(sep, lo, f.char_start) for sep in ("; ", ". ", "\n"))
    before = text[max(lo, cut + 1):f.char_start].lower()
    ms = [(m.start(), "start") for m in _START.finditer(before)] + [(m.start(), "end") for m in _END.finditer(before)]
    return max(ms)[1] if ms else ""


# where a figure's period came from when nothing at the figure dates it, only the text it stands in: a
# news page's headline, lede or dateline, the year its plans name, 'đến nay' (see rules/frames.py)
_LOOSE_SOURCES = HEADERLESS_FRAME_SOURCES | {"present", "event_date", "baseline", "span_end"}


def _loosely_dated(f: FactRow) -> bool:
    """'tính đến nay, toàn tỉnh có 66 xã' in one article of 2021 and 'lũy kế 69 xã' in another: a figure
    dated only by its text is a state at some moment of that year, so two texts' figures are not one."""
    return f.period_source in _LOOSE_SOURCES


def _different_timepoints(ctx: Context, a: FactRow, b: FactRow) -> bool:
    ta, tb = timepoint(ctx, a), timepoint(ctx, b)
    return bool(ta and tb and ta != tb)


def _years(text: Optional[str]) -> set[str]:
    t = re.sub(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d+/\d{4}/[\wĐđ-]+|tháng\s+\d{1,2}\s+năm\s+\d{4}", " ",
               text or "")
    return set(_YEAR.findall(t))


def _different_years(a: FactRow, b: FactRow) -> bool:
    ya, yb = _years(a.text), _years(b.text)
    return bool(ya and yb and ya.isdisjoint(yb))


def _describe(f: FactRow) -> str:
    parts = [what(f)]
    if f.subject:
        parts.append(f.subject)
    if f.qualifier:
        parts.append(f.qualifier)
    if f.period:
        parts.append(f"kỳ {f.period}")
    return ", ".join(parts)


def _sev(a: float, b: float) -> str:
    m = max(abs(a), abs(b)) or 1
    return ERROR if abs(a - b) / m > 0.2 else WARNING


def _groups(ctx: Context) -> dict[tuple, list[FactRow]]:
    out: dict[tuple, list[FactRow]] = {}
    for f in ctx.facts:
        k = fact_key(ctx, f)
        if k is not None and not _added_before(ctx, f):
            out.setdefault(k, []).append(f)
    return out


def check_within(ctx: Context, groups: dict[tuple, list[FactRow]]) -> list[Finding]:
    out = []
    for key in sorted(groups, key=str):
        by_doc: dict[str, list[FactRow]] = {}
        for f in groups[key]:
            by_doc.setdefault(f.doc_id, []).append(f)
        for doc_id, fs in sorted(by_doc.items()):
            fs = sorted(fs, key=lambda f: f.char_start or 0)
            totals = {id(f) for f in fs if _sum_of_others(f, fs)}
            pair = next(((x, y) for j, y in enumerate(fs) for x in fs[:j]
                         if id(x) not in totals and id(y) not in totals
                         and not same_value(x, y) and comparable_within(ctx, x, y)), None)
            if pair is not None:
                first, later = pair
                exp, obs = _expected_and_observed(ctx, first, later)
                msg = (f"Cùng một số liệu ghi hai giá trị khác nhau trong văn bản ({_describe(first)}): "
                       f"{vn(first.value)} ở {excerpt(ctx, first, 160)}"
                       f"{' (' + where(first) + ')' if where(first) else ''}, nhưng {vn(later.value)} ở "
                       f"{excerpt(ctx, later, 160)}{' (' + where(later) + ')' if where(later) else ''}; "
                       f"chênh {vn(abs(later.value - first.value))}.")
                out.append(finding(WITHIN, _sev(first.value, later.value), doc_id, msg,
                                   fact_ids=[first.fact_id, later.fact_id], expected=exp.value,
                                   observed=obs.value, rule="conflict.within"))
    return out


def _sum_of_others(f: FactRow, fs: list[FactRow]) -> bool:
    """``Tổng cộng, ... tặng Giấy khen cho 142 tập thể`` after ``124 tập thể ...; 18 tập thể ...``: a
    figure that two or three other statements of it add up to is their total, not a restatement."""
    others = [g.value for g in fs if g is not f and g.value < f.value][:12]
    return any(abs(sum(c) - f.value) < 1e-9 for k in (2, 3) for c in combinations(others, k))


def _expected_and_observed(ctx: Context, first: FactRow, later: FactRow) -> tuple[FactRow, FactRow]:
    """Which of two values is the slip: the one no other figure bears out (a table column adding up
    to its total, a breakdown adding up) is ``observed``; when the text cannot tell, the later one."""
    def borne_out(f: FactRow) -> bool:
        return column_adds_up(ctx, f) or breakdown_adds_up(ctx, f)
    if borne_out(later) and not borne_out(first):
        return later, first
    return first, later


def _shingles(text: str) -> set[int]:
    w = re.findall(r"\w+", text.lower())
    return {hash(tuple(w[i:i + 5])) for i in range(0, max(0, len(w) - 4), 2)}


def same_report(ctx: Context, a: DocRow, b: DocRow) -> bool:
    """Two documents that are one report (two formats, a re-scan)."""
    cache = ctx.__dict__.setdefault("_same_report", {})
    key = (min(a.doc_id, b.doc_id), max(a.doc_id, b.doc_id))
    if key in cache:
        return cache[key]
    same = False
    if (place_key(a.issuer) and place_key(a.issuer) == place_key(b.issuer)
            and fold(a.doc_number) == fold(b.doc_number) and (a.period or "") == (b.period or "")
            and a.issued_date == b.issued_date and a.issued_year == b.issued_year):
        same = True
    if not same:
        sa = ctx.__dict__.setdefault("_shingle_cache", {})
        for d in (a, b):
            if d.doc_id not in sa:
                sa[d.doc_id] = _shingles(ctx.text(d.doc_id))
        x, y = sa[a.doc_id], sa[b.doc_id]
        if x and y:
            same = len(x & y) / len(x | y) >= SIMILAR
    cache[key] = same
    return same


LEVEL_ORDER = {"commune": 0, "unit": 1, "issuer": 1, "cluster": 2, "district": 3, "province": 4}


def _order(a: DocRow, b: DocRow) -> tuple[DocRow, DocRow]:
    """(later, earlier): the finding goes on the later report — by issue date; on
    the same day or year without dates, the report that sums up the other (commune
    -> cluster -> district -> province), then the one about a later period."""
    from .base import period_years

    def when(d: DocRow):
        day = d.issued_date.isoformat() if d.issued_date else None
        year = d.issued_date.year if d.issued_date else (d.issued_year or 0)
        return (year, day or "", LEVEL_ORDER.get(doc_unit(d)[0], 1), period_years(d.period)[1] or 0, d.doc_id)

    wa, wb = when(a), when(b)
    if wa[1] and wb[1] and wa[1] != wb[1]:
        return (a, b) if wa[1] > wb[1] else (b, a)
    ka, kb = (wa[0],) + wa[2:], (wb[0],) + wb[2:]
    return (a, b) if ka > kb else (b, a)


def candidate_pairs(by_doc: dict[str, list[FactRow]]) -> list[tuple[str, str]]:
    """The pairs of documents (sorted) that may hold a conflict: one figure of each
    that :func:`looks_restated` and are not :func:`same_value`.  Found through an index
    of the figures by value (the :data:`CLOSE` window) and by their digits (one digit
    changed, two adjacent digits swapped), never by comparing every pair of
    documents; the pairs found are then judged exactly as before."""
    classes: dict[tuple, tuple[FactRow, set[str]]] = {}
    for doc_id, fs in by_doc.items():
        for f in fs:
            classes.setdefault((f.value, f.raw, f.unit), (f, set()))[1].add(doc_id)
    reps = list(classes.values())
    if len(reps) < 2:
        return []
    decs = sorted({decimals_of(f.raw, f.value) for f, _ in reps})
    by_value = sorted(range(len(reps)), key=lambda i: abs(reps[i][0].value))
    values = [abs(reps[i][0].value) for i in by_value]
    index: dict[tuple, list[int]] = {}
    for i, (f, _) in enumerate(reps):
        for d in decs:
            digits = f"{abs(f.value):.{d}f}".replace(".", "")
            index.setdefault((d, digits), []).append(i)
            for k in range(len(digits)):
                index.setdefault((d, digits[:k] + "?" + digits[k + 1:]), []).append(i)
    out: set[tuple[str, str]] = set()
    for i, (f, docs) in enumerate(reps):
        v = abs(f.value)
        near: set[int] = set()
        lo, hi = bisect.bisect_left(values, v * (1 - CLOSE)), bisect.bisect_right(values, v / (1 - CLOSE) + 1e-12)
        near.update(by_value[lo:hi])
        for d in decs:
            digits = f"{v:.{d}f}".replace(".", "")
            for k in range(len(digits)):
                near.update(index.get((d, digits[:k] + "?" + digits[k + 1:]), ()))
                if k + 1 < len(digits):
                    swapped = digits[:k] + digits[k + 1] + digits[k] + digits[k + 2:]
                    near.update(index.get((d, swapped), ()))
        for j in near:
            if j <= i:
                continue
            g, other = reps[j]
            if same_value(f, g) or not looks_restated(f, g, within=False):
                continue
            for a in docs:
                for b in other:
                    if a != b:
                        out.add((a, b) if a < b else (b, a))
    return sorted(out)


def check_across(ctx: Context, groups: dict[tuple, list[FactRow]]) -> list[Finding]:
    out = []
    for key in sorted(groups, key=str):
        by_doc: dict[str, list[FactRow]] = {}
        for f in groups[key]:
            by_doc.setdefault(f.doc_id, []).append(f)
        if len(by_doc) < 2:
            continue
        for da, db in candidate_pairs(by_doc):
            fa, fb = by_doc[da], by_doc[db]
            if any(same_value(x, y) for x in fa for y in fb):
                continue
            pairs = [(x, y) for x in fa for y in fb if same_issuer(ctx, x, y) and not different_bases(x, y)
                     and not _different_timepoints(ctx, x, y) and not (_loosely_dated(x) or _loosely_dated(y))
                     and looks_restated(x, y, within=False)]
            if not pairs:
                continue
            A, B = ctx.docs[da], ctx.docs[db]
            if same_report(ctx, A, B):
                continue
            later, earlier = _order(A, B)
            x, y = pairs[0]
            fl, fe = (x, y) if later.doc_id == da else (y, x)
            msg = (f"Hai báo cáo ghi khác nhau cùng một số liệu ({_describe(fl)}): {later.name} ghi "
                   f"{vn(fl.value)} ({excerpt(ctx, fl, 160)}), còn {earlier.name} ghi {vn(fe.value)} "
                   f"({excerpt(ctx, fe, 160)}); chênh {vn(abs(fl.value - fe.value))}.")
            sev = _sev(fl.value, fe.value)
            out.append(finding(ACROSS, sev, later.doc_id, msg, fact_ids=[fl.fact_id, fe.fact_id],
                               other_doc_id=earlier.doc_id, expected=fe.value, observed=fl.value,
                               rule="conflict.across"))
            out.append(finding(ACROSS, INFO, earlier.doc_id,
                               f"(Xem cảnh báo ở {later.name}.) " + msg, fact_ids=[fe.fact_id, fl.fact_id],
                               other_doc_id=later.doc_id, expected=fl.value, observed=fe.value,
                               rule="conflict.across.mirror"))
    return out


def check(ctx: Context) -> list[Finding]:
    groups = _groups(ctx)
    return check_within(ctx, groups) + check_across(ctx, groups)
