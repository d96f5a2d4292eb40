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

from .base import ERROR, INFO, WARNING, Context, FactRow, excerpt, finding, vn
from .rounding import Interval, decimals_in_text, decimals_of, stated

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

    @property
    def base_mid(self) -> float:
        return self.count.value / self.rate.value * 100


def _key(f: FactRow) -> tuple:
    from .units import place_key
    return (f.doc_id, f.period or "", place_key(f.subject), f.status or "")


def pairs_of(ctx: Context) -> dict[tuple, list[Pair]]:
    out: dict[tuple, list[Pair]] = {}
    for doc_id, facts in ctx.by_doc.items():
        rates = [f for f in facts if f.metric in PAIRS.values() and f.value and 0 < f.value <= 100
                 and f.is_exact and f.parent_fact_id is None]
        counts = [f for f in facts if f.metric in PAIRS and f.value and f.value > 0 and f.is_exact
                  and f.parent_fact_id is None]
        used: set[str] = set()
        for c in counts:
            cands = [r for r in rates if r.metric == PAIRS[c.metric] and r.fact_id not in used
                     and _key(r) == _key(c) and c.char_start is not None and r.char_start is not None
                     and abs(r.char_start - c.char_start) <= MAX_GAP
                     and (r.text == c.text or r.block_index == c.block_index)]
            if not cands:
                continue
            r = min(cands, key=lambda x: (x.char_start < c.char_start, abs(x.char_start - c.char_start)))
            used.add(r.fact_id)
            d = decimals_in_text(r.text, r.value)
            iv = stated(r.value, d if d is not None else decimals_of(r.raw, r.value))
            base = Interval(c.value / iv.hi * 100 * (1 - SLACK), c.value / max(iv.lo, 1e-9) * 100 * (1 + SLACK))
            out.setdefault(_key(c), []).append(Pair(c, r, base))
    return out


def check(ctx: Context) -> list[Finding]:
    out = []
    groups = pairs_of(ctx)
    for key in sorted(groups):
        pairs = sorted(groups[key], key=lambda p: p.count.char_start or 0)
        if len(pairs) < 2:
            continue
        bad = _odd_one(pairs)
        if bad is None:
            continue
        ref = next(p for p in pairs if p is not bad)
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
    agree = {id(p): sum(1 for q in pairs if q is not p and p.base.overlaps(q.base)) for p in pairs}
    if all(agree[id(p)] == len(pairs) - 1 for p in pairs):
        return None
    worst = min(agree.values())
    cands = [p for p in pairs if agree[id(p)] == worst]
    return cands[-1]
