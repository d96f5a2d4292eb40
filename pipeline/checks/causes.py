"""One slip, one finding: drop findings another finding already explains.

A total row whose cell is wrong (``Toàn huyện | 14.396 | … | 1.975 | 13,59``, the rows adding up
to 1.957) makes two checks fire: ``sum_mismatch`` on 1.975, and ``percent_mismatch`` because
1.975/14.396 is 13,72 %, not 13,59 %.  When the stated percent fits the sum of the parts
(1.957/14.396 = 13,59 %), the percent bears the sum out: the total is the slip, reported once,
by the sum check.
"""
from __future__ import annotations

from pipeline.model import Finding

from .base import Context
from .rounding import decimals_of, exact, ratio_percent, stated


def one_cause(ctx: Context, findings: list[Finding]) -> list[Finding]:
    totals = {f.fact_ids[0]: f for f in findings
              if f.check_code == "sum_mismatch" and f.fact_ids and f.expected is not None}
    return [f for f in findings if not _explained_by_a_sum(ctx, f, totals)]


def _explained_by_a_sum(ctx: Context, f: Finding, totals: dict[str, Finding]) -> bool:
    if f.rule != "percent.fraction" or not f.fact_ids or f.observed is None:
        return False
    s = totals.get(f.fact_ids[0])
    fact = ctx.by_id.get(f.fact_ids[0])
    if s is None or fact is None or not fact.of_total:
        return False
    iv = ratio_percent(exact(s.expected), exact(fact.of_total))
    return iv is not None and iv.overlaps(stated(f.observed, decimals_of(None, f.observed)))
