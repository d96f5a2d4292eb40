"""``ratio_mismatch``: count/rate pairs that imply different bases.

``5.858 hộ nghèo, tỷ lệ 33,59%`` implies 17 440 households; ``2.596 hộ cận
nghèo, tỷ lệ 14,88%`` must imply about the same number, since both rates are
shares of the households of the same place and year.  A count is paired with
the rate of the same kind (poor, near-poor, multidimensional) stated nearest to
it in the same sentence, for the same document, period, subject and status.

Tolerance: the rate is the interval its digits allow (rounded or truncated), so
the implied base is an interval too; two pairs disagree only when their
intervals do not meet, with 0,5 % of slack for a count rounded by the writer.

The finding is put on the pair that disagrees with the others (with three pairs,
the odd one; with two, the one stated later): ``observed`` is its stated rate,
``expected`` the rate its count gives on the base the other pair implies.  Since
the text alone cannot tell which of two pairs is wrong, an ``info`` note gives
the other reading (the first pair's rate on the second pair's base).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pipeline.model import Finding

from pipeline.normalize import fold

from .base import ERROR, INFO, WARNING, Context, FactRow, excerpt, finding, vn
from .rounding import Interval, decimals_in_text, decimals_of, exact, ratio_percent, stated
from rules.lexicon import P

CODE = "ratio_mismatch"
PAIRS = {
    "poverty.poor_households": "poverty.poor_rate",
    "poverty.near_poor_households": "poverty.near_poor_rate",
    "poverty.multidim_households": "poverty.multidim_rate",
}
NAMES = {"poverty.poor_rate": "hộ nghèo", "poverty.near_poor_rate": "hộ cận nghèo",
         "poverty.multidim_rate": "hộ nghèo đa chiều (nghèo và cận nghèo)"}
SLACK = 0.005
MAX_GAP = 300          # characters between a count and its rate


@dataclass
class Pair:
    count: FactRow
    rate: FactRow
    base: Interval
    stated_rate: Interval                 # the values the rate's digits allow
    shared_base: Optional[float] = None   # the households another count of the paragraph is written out of

    @property
    def base_mid(self) -> float:
        return self.count.value / self.rate.value * 100

    @property
    def stated_base(self) -> Optional[float]:
        """The households the count is out of, when the text writes them ('834 hộ nghèo/53.577 hộ'), or
        writes them for another count of the same place and moment in its paragraph ('151 hộ nghèo, chiếm
        6,98%; 113 hộ cận nghèo, chiếm 5,32%. Tổng số hộ nghèo và hộ cận nghèo là 264/2.162 hộ')."""
        return self.count.of_total if self.count.of_total and self.count.of_total > 0 else self.shared_base

    def computed_rate(self) -> Optional[Interval]:
        return ratio_percent(exact(self.count.value), exact(self.stated_base)) if self.stated_base else None

    def fits_stated_base(self) -> bool:
        iv = self.computed_rate()
        return iv is None or iv.overlaps(self.stated_rate)


def comparable(p: Pair, q: Pair) -> bool:
    """Two pairs whose bases are both written are compared through those bases, not inferred ones:
    different bases are different populations (a commune and the town of the same name), and the
    same base is the percent check's business."""
    return not (p.stated_base and q.stated_base)


def _key(f: FactRow) -> tuple:
    from .units import place_key
    # "Toàn tỉnh" (Phú Thọ, the province) and "Thị xã Phú Thọ" share a name, not a unit
    level = f.subject_level if f.subject_level in _UNIT_LEVELS else ""
    return (f.doc_id, f.period or "", place_key(f.subject), level, f.status or "", fold(f.scope) if f.scope else "")


_UNIT_LEVELS = frozenset({"province", "district"})


_SHARE_OF_SUBSET = P("chk_ratios_share_of_subset")


def _share_of_a_subset(ctx: Context, r: FactRow) -> bool:
    """``486 hộ ... chiếm 60,1% số hộ nghèo``: a share of the poor, not a rate of all
    households."""
    if r.char_end is None:
        return False
    return bool(_SHARE_OF_SUBSET.match(ctx.text(r.doc_id)[r.char_end:r.char_end + 40]))


_SUBSET_COUNT = P("chk_ratios_subset_count")


def _subset_count(ctx: Context, c: FactRow) -> bool:
    """``..., tỷ lệ 2,95% (trong đó 486 hộ nghèo thuộc đối tượng bảo trợ xã hội)``: a
    part of the poor, not the poor of the place."""
    text = ctx.text(c.doc_id)
    if _SUBSET_COUNT.search(text[max(0, c.char_start - 45):c.char_start]):
        return True
    # "8.790 hộ (trong đó có 8.037 hộ nghèo theo thu nhập, 753 hộ nghèo thiếu hụt ...)": every item of
    # a bracket opened by "trong đó"
    before = text[max(0, c.char_start - 300):c.char_start]
    op = before.rfind("(")
    return op >= 0 and ")" not in before[op:] and bool(_SUBSET_COUNT.search(before[op:op + 12] + " "))


def _distance(c: FactRow, r: FactRow) -> tuple:
    """How far a rate is from a count: another sentence is farther than any place in
    the same one; a rate after its count (``5.858 hộ, tỷ lệ 33,59%``) before one
    ahead of it (``tỷ lệ 33,59% (5.858 hộ)``)."""
    return (r.text != c.text, abs(r.char_start - c.char_start), r.char_start < c.char_start)


def pairs_of(ctx: Context) -> dict[tuple, list[Pair]]:
    """Each count with the rate of its kind it was stated with: the closest pairs are
    made first, so in ``đầu năm có 7.612 hộ nghèo, ...; cuối năm còn 6.775 hộ
    nghèo, chiếm 39,47%`` the rate goes with 6.775, not with the start-of-year
    stock; a count and a rate said of two moments (``đầu năm`` / ``cuối năm``)
    are never paired."""
    from .conflicts import timepoint
    if "_ratio_pairs" in ctx.__dict__:
        return ctx.__dict__["_ratio_pairs"]     # the percent check reads the same pairs
    out: dict[tuple, list[Pair]] = ctx.__dict__.setdefault("_ratio_pairs", {})
    for doc_id, facts in ctx.by_doc.items():
        rates = [f for f in facts if f.metric in PAIRS.values() and f.value and 0 < f.value <= 100
                 and f.is_exact and f.parent_fact_id is None and f.char_start is not None]
        counts = [f for f in facts if f.metric in PAIRS and f.value and f.value > 0 and f.is_exact
                  and f.parent_fact_id is None and f.char_start is not None and not _subset_count(ctx, f)]
        cands = []
        for c in counts:
            for r in rates:
                if (r.metric == PAIRS[c.metric] and _key(r) == _key(c)
                        and abs(r.char_start - c.char_start) <= MAX_GAP
                        and (r.text == c.text or r.block_index == c.block_index)):
                    tc, tr = timepoint(ctx, c), timepoint(ctx, r)
                    if tc and tr and tc != tr:
                        continue
                    cands.append((_distance(c, r), c.char_start, r.char_start, c, r))
        used: set[str] = set()
        made: list[Pair] = []
        for *_, c, r in sorted(cands, key=lambda x: x[:3]):
            if c.fact_id in used or r.fact_id in used:
                continue
            used.update((c.fact_id, r.fact_id))
            if _share_of_a_subset(ctx, r):
                continue        # a share of the poor goes with its count, and neither is a rate of all
            d = decimals_in_text(r.text, r.value)
            iv = stated(r.value, d if d is not None else decimals_of(r.raw, r.value))
            base = Interval(c.value / iv.hi * 100 * (1 - SLACK), c.value / max(iv.lo, 1e-9) * 100 * (1 + SLACK))
            pair = Pair(c, r, base, iv)
            made.append(pair)
            out.setdefault(_key(c), []).append(pair)
        _share_written_bases(made, counts)
    return out


def _share_written_bases(pairs: list[Pair], counts: list[FactRow]) -> None:
    """A pair of one document with no written base takes the one base the counts of its paragraph (same
    place, moment, status and scope) are written out of, when they write exactly one."""
    written: dict[tuple, set[float]] = {}
    for c in counts:
        if c.of_total and c.of_total > c.value:
            written.setdefault((_key(c), c.block_index), set()).add(c.of_total)
    for p in pairs:
        bases = written.get((_key(p.count), p.count.block_index), set())
        if not p.count.of_total and len(bases) == 1:
            p.shared_base = next(iter(bases))


def check(ctx: Context) -> list[Finding]:
    out = []
    groups = pairs_of(ctx)
    for key in sorted(groups):
        # a pair whose rate disagrees with its own written base is the percent check's finding
        pairs = sorted((p for p in groups[key] if p.fits_stated_base()), key=lambda p: p.count.char_start or 0)
        if len(pairs) < 2:
            continue
        bad = _odd_one(pairs)
        if bad is None:
            continue
        ref = next(p for p in pairs if p is not bad and comparable(p, bad))
        base = ref.base_mid
        exp = round(bad.count.value / base * 100, 2)
        obs = bad.rate.value
        rel = abs(bad.base_mid - base) / base
        msg = (f"Số hộ và tỷ lệ không cùng một tổng số hộ: {vn(ref.count.value)} {NAMES[ref.rate.metric]} "
               f"chiếm {vn(ref.rate.value)}% cho tổng khoảng {vn(round(base))} hộ, còn {vn(bad.count.value)} "
               f"{NAMES[bad.rate.metric]} chiếm {vn(bad.rate.value)}% cho tổng khoảng {vn(round(bad.base_mid))} hộ "
               f"(chênh {vn(rel * 100, 1)}%). Với {vn(round(base))} hộ, {vn(bad.count.value)} hộ là {vn(exp)}%. "
               f"Câu: {excerpt(ctx, bad.rate)}.")
        ids = [ref.count.fact_id, ref.rate.fact_id, bad.count.fact_id, bad.rate.fact_id]
        out.append(finding(CODE, ERROR if rel > 0.1 else WARNING, bad.rate.doc_id, msg, fact_ids=ids,
                           expected=exp, observed=obs, rule="ratio.household_base"))
        # which of the two pairs is wrong cannot be told from the text alone: the
        # other reading, as a note
        exp_ref = round(ref.count.value / bad.base_mid * 100, 2)
        out.append(finding(CODE, INFO, bad.rate.doc_id,
                           f"(Cách đọc khác của cùng phát hiện) Nếu tổng số hộ là khoảng {vn(round(bad.base_mid))} "
                           f"như {vn(bad.count.value)} {NAMES[bad.rate.metric]} / {vn(bad.rate.value)}% cho thấy, "
                           f"thì {vn(ref.count.value)} {NAMES[ref.rate.metric]} là {vn(exp_ref)}%, không phải "
                           f"{vn(ref.rate.value)}% như văn bản ghi. Câu: {excerpt(ctx, ref.rate)}.",
                           fact_ids=ids, expected=exp_ref, observed=ref.rate.value, rule="ratio.household_base.other"))
    return out


def _odd_one(pairs: list[Pair]) -> Optional[Pair]:
    """The pair whose base disagrees with the others (None when all agree)."""
    others = {id(p): [q for q in pairs if q is not p and comparable(p, q)] for p in pairs}
    disagree = {id(p): sum(1 for q in others[id(p)] if not p.base.overlaps(q.base)) for p in pairs}
    if not any(disagree.values()):
        return None
    worst = max(disagree.values())
    cands = [p for p in pairs if disagree[id(p)] == worst]
    return cands[-1]
