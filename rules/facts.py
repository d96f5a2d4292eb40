"""Run every fact rule family over a document, in a fixed order."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.model import HEADING, DocMeta, Document, Extraction, Fact
from pipeline.normalize import fold

from .analysis import Analysis, counted_level
from .context import GUESSED_SOURCES
from .metadata import headerless_place, is_headerless
from .lexicon import P
from .award_tables import extract_award_tables
from .awards import extract_awards
from .catalog import GENERIC_AWARD
from .honorees import extract_honorees
from .indicators import extract_indicators
from .metric_tables import extract_metric_tables
from .ntm import extract_ntm
from .poverty import extract_poverty
from .quantities import extract_quantities


def extract_facts(doc: Document, ex: Extraction) -> None:
    """Fill ex.facts and ex.honorees (citations are filled by rules.citations)."""
    an = Analysis(doc, ex.meta)
    extract_award_tables(an)          # first: sentences may detail a table's totals
    items = extract_awards(an)
    extract_honorees(an, items)
    extract_poverty(an)
    extract_ntm(an)
    extract_indicators(an)
    extract_metric_tables(an)
    extract_quantities(an)
    for f in an.facts:
        if f.scope is None and f.table_index is not None and f.row_index is not None and f.block_index is not None:
            f.scope = an.grid(an.doc.blocks[f.block_index]).scope(f.row_index)
    _text_place_subjects(an)          # before the restatements: 'của huyện Châu Đức' and nothing are one place
    _stage_outcomes(an)
    _future_targets(an)
    _drop_restatements(an)
    _plans_of_results(an)
    for f in an.facts:
        if f.period is not None:
            if f.period_source is None:
                f.period_source = getattr(f.period, "source", None) or ("table" if f.table_index is not None else "rule")
            f.period = str(f.period)
    ex.facts.extend(an.facts)
    ex.honorees.extend(an.honorees)
    _headerless_meta(an, ex.meta)


def _future_targets(an: Analysis) -> None:
    """'Bình Định: Có 27 xã NTM vào năm 2015' in a text published in 2012: a poverty or NTM figure of a
    year after the one the text was written in cannot have been reached yet; it is a target."""
    written = an.meta.issued_year or an.frames.document.dateline_year
    if not written:
        return
    for f in an.facts:
        if f.status is None and f.period and f.metric.startswith(("poverty.", "ntm.")):
            years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", str(f.period))]
            if years and min(years) > int(written):
                f.status = "target"


def _headerless_meta(an: Analysis, meta: DocMeta) -> None:
    """A text with no header of its own (a news page, a passage: type ``other``) covers the period
    its frame gives (headline, lede, dateline: ``documents.period``), once every figure has taken
    its own."""
    if not is_headerless(meta):
        return
    if meta.period is None and an.doc_period is not None:
        meta.period = str(an.doc_period)
    frame = an.frames.document
    if meta.issued_date is None and meta.issued_year is None and frame.dateline_year is not None:
        # "Cập nhật 13/4/2022, 16:04": a news page is issued the day its dateline gives
        meta.issued_date, meta.issued_year = frame.dateline_iso, frame.dateline_year


def _text_place_subjects(an: Analysis) -> None:
    """A headerless text's figures that name no place are about the place its headline names (a news
    page has no reporting unit for a NULL subject to stand for)."""
    if not is_headerless(an.meta):
        return
    tp = headerless_place(an.doc)
    if tp is None:
        return
    for f in an.facts:
        if f.subject is None and f.subject_level is None and f.metric.startswith(_FAMILIES):
            if counted_level(f.metric) == tp.level and tp.province:
                # "Đây là huyện thứ 4 và là 5 huyện ... của tỉnh Kiên Giang đạt chuẩn" in a text about huyện Vĩnh
                # Thuận: districts are counted in the province the district lies in
                f.subject, f.subject_level = tp.province, "province"
            else:
                f.subject, f.subject_level = tp.name, tp.level


_FAMILIES = ("award.", "poverty.", "ntm.")


def _stage_outcomes(an: Analysis) -> None:
    """A sentence giving again the count of a stage column ('Chủ tịch UBND tỉnh đã tặng Bằng khen cho
    40 tập thể' over the '... thống nhất' column's 40) is that cell: the cell is kept (its column is
    added up) and takes the sentence's status, which tells how the stage ended."""
    if not an.stage_cells:
        return
    def said(f: Fact) -> tuple:
        return f.metric, round(f.value, 6), f.award, f.recipient, str(f.period)
    cells: dict[tuple, list[Fact]] = {}
    for f in an.facts:
        if id(f) in an.stage_cells:
            cells.setdefault(said(f), []).append(f)
    drop = set()
    for f in an.facts:
        if f.table_index is None and f.qualifier is None and f.metric == "award.count" and f.status != "target":
            stage = cells.get(said(f), [])
            if stage:
                last = stage[-1]        # the later stage: what was agreed, not what was asked
                if f.status is None:
                    last.status = None
                drop.add(id(f))
    if drop:
        an.facts[:] = [f for f in an.facts if id(f) not in drop]


def _key(f: Fact) -> tuple:
    return (f.metric, round(f.value, 6), f.award, f.recipient, f.status, str(f.period),
            fold(f.subject) if f.subject else None, f.qualifier, f.unit, fold(f.granter) if f.granter else None,
            f.label)


# where a headline figure's period came from when its own words name none
_FRAME_GUESSES = GUESSED_SOURCES | {"lede", "dateline", "text", "span_end", "document"}


def _drop_restatements(an: Analysis) -> None:
    """A figure stated again with everything the same (a headline over its article, a summary
    sentence over the table it sums up) is one figure: the statement that carries structure —
    a total with its parts, a part of a total, a cell of a table column the checks add up — is
    kept, and one plain statement when none does (the body's rather than the headline's)."""
    facts = an.facts
    parents = {f.parent_local_id for f in facts if f.parent_local_id is not None}
    columns: dict[tuple, int] = {}
    rows: dict[tuple, int] = {}
    for f in facts:
        if f.table_index is not None:
            k = (f.table_index, f.col_index)
            columns[k] = columns.get(k, 0) + 1
            r = (f.table_index, f.row_index)
            rows[r] = rows.get(r, 0) + 1
    headline = an.frames.document.headline

    def structured(f: Fact) -> bool:
        # a cell of a column or of a row the checks add up ('... | 143 | 387 | 46 | 566': the only
        # figure of its 'Hộ gia đình' column is still a part of its row's total)
        return (f.local_id in parents or f.parent_local_id is not None
                or (f.table_index is not None and (columns.get((f.table_index, f.col_index), 0) >= 2
                                                   or rows.get((f.table_index, f.row_index), 0) >= 2)))

    def headline_like(f: Fact) -> bool:
        b = an.doc.blocks[f.block_index] if f.block_index is not None else None
        return b is not None and (b is headline or b.kind == HEADING)

    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.metric.startswith(_FAMILIES):
            groups.setdefault(_key(f), []).append(f)
    drop: set[int] = set()
    for group in groups.values():
        if len(group) < 2 or len({f.of_total for f in group if f.of_total is not None}) > 1:
            continue    # "5/10 xã" and "5/12 xã" are two figures (one of them wrong); "1.502 hộ" and 1.502 of 11.412 one
        keep = [f for f in group if structured(f)]
        plain = [f for f in group if not headline_like(f) and f not in keep]
        # a sentence restating a poverty figure of a table keeps its own pairs (the count with its
        # rate that the ratio check reads) unless the table's row holds the pair too; an award count
        # said again over its table is the table's
        restates_table = plain and plain[0].table_index is None and all(k.table_index is not None for k in keep)
        if not keep or (restates_table and not group[0].metric.startswith("award.")
                        and not any(_row_has_pair(k, facts) for k in keep)):
            keep = keep + (plain or group)[:1]
        keep = _table_total_over_text_total(group, keep, facts)
        drop.update(id(f) for f in group if all(f is not k for k in keep))
    # "Gia Lai: Thêm 8 xã đạt chuẩn nông thôn mới" over "... quyết định công nhận 8 xã đạt chuẩn ...": the
    # headline says again what the body says, whatever words it adds
    def said(f: Fact) -> tuple:
        return f.metric, round(f.value, 6), f.award, f.recipient, f.status, str(f.period), fold(f.subject or "")

    def in_headline(f: Fact) -> bool:
        return headline is not None and f.block_index == headline.index

    body = {said(f) for f in facts if id(f) not in drop and f.metric.startswith(_FAMILIES) and not in_headline(f)}
    drop.update(id(f) for f in facts if f.metric.startswith(_FAMILIES) and in_headline(f) and said(f) in body)
    # "Núi Thành khen thưởng cho 345 tập thể, 873 cá nhân" over "... tặng giấy khen cho 345 tập thể, 873 cá
    # nhân": a headline's commendation of no named form is the body's count of the same recipients in its form
    # (the headline's place is the body's own: "Huyện Tiên Lãng khen thưởng ...")
    body_any_form = {k[:2] + k[3:6] for k in body}
    drop.update(id(f) for f in facts if in_headline(f) and f.award == GENERIC_AWARD
                and said(f)[:2] + said(f)[3:6] in body_any_form)
    # "Vĩnh Phúc: Sẽ tổ chức truy tặng ... cho 10 cá nhân" dated only by a guess, over "Theo Quyết định ... ngày
    # 7/12/2018 ..., có 10 cá nhân ...": the headline says the body's figure, of the body's period
    def said_undated(f: Fact) -> tuple:
        k = said(f)
        return k[:5] + k[6:]

    undated = {said_undated(f) for f in facts if id(f) not in drop and f.metric.startswith(_FAMILIES)
               and not in_headline(f)}
    # "Quảng Nam: Tỷ lệ hộ nghèo ở các huyện miền núi giảm còn 22,05%" dated by the text's frame, over "..., giảm
    # còn 22,05% vào cuối năm 2023": the body states the headline's figure with its own period
    drop.update(id(f) for f in facts if f.metric.startswith(_FAMILIES) and in_headline(f)
                and f.period_source in _FRAME_GUESSES and said_undated(f) in undated)
    # "2 Huân chương ... hạng Ba cho 2 cá nhân": the awards counted, then who got them, in one sentence
    said = {(f.text, f.metric, round(f.value, 6), f.award, str(f.period)) for f in facts
            if f.recipient is not None and id(f) not in drop}
    drop.update(id(f) for f in facts if f.recipient is None and f.metric == "award.count"
                and (f.text, f.metric, round(f.value, 6), f.award, str(f.period)) in said)
    if drop:
        an.facts[:] = [f for f in facts if id(f) not in drop]


def _table_total_over_text_total(group: list[Fact], keep: list[Fact], facts: list[Fact]) -> list[Fact]:
    """'- Bằng khen của Chủ tịch UBND tỉnh: 38 tập thể ...; trong đó: ... 14 tập thể ...' over the table row
    '| 6 | Bằng khen của Chủ tịch UBND tỉnh | 38 | 64 |': one award count, the table's; the parts the text
    gives point at the table's cell instead."""
    if not group[0].metric.startswith("award."):
        return keep
    cells = [k for k in keep if k.table_index is not None]
    totals = [k for k in keep if k.table_index is None and k.parent_local_id is None]
    if not cells or not totals:
        return keep
    for t in totals:
        for f in facts:
            if f.parent_local_id == t.local_id:
                f.parent_local_id = cells[0].local_id
    return [k for k in keep if k not in totals]


def _pair_metric(metric: str) -> Optional[str]:
    """The rate of a household count and the count of a rate ('poverty.poor_households' ↔ 'poverty.poor_rate')."""
    if metric.endswith("_households"):
        return metric[:-len("_households")] + "_rate"
    if metric.endswith("_rate") and not metric.endswith("_rate_reduction"):
        return metric[:-len("_rate")] + "_households"
    return None


def _row_has_pair(f: Fact, facts: list[Fact]) -> bool:
    """Whether the table row of ``f`` also holds its count-or-rate partner (what the ratio check reads)."""
    pair = _pair_metric(f.metric)
    return pair is not None and any(g.metric == pair and g.table_index == f.table_index and g.row_index == f.row_index
                                    for g in facts)


_PLAN_CUE = P("facts_plan_cue")
_EXPLICIT_PROPOSAL = P("facts_explicit_proposal")


def _plans_of_results(an: Analysis) -> None:
    """A poverty or NTM figure read as proposed is a plan when it says it will be reached ('đến cuối
    năm 2015 sẽ có thêm 12 xã đạt chuẩn', '12 xã đăng ký về đích nông thôn mới', 'Dự kiến đến cuối năm
    2022, toàn tỉnh có 119 xã'): a target, unless a proposal is said in so many words ('trình', 'đề nghị')."""
    mt = an.doc.match_text
    for f in an.facts:
        if f.status == "proposed" and f.metric.startswith(("poverty.", "ntm.")):
            b = an.doc.blocks[f.block_index] if f.block_index is not None else None
            lo = b.start if b is not None else max(0, f.char_start - 200)
            lo = max(lo, f.char_start - 200)
            if _PLAN_CUE.search(mt, lo, min(len(mt), f.char_end + 40)) \
                    and not _EXPLICIT_PROPOSAL.search(mt, max(lo, f.char_start - 150), f.char_start):
                f.status = "target"
