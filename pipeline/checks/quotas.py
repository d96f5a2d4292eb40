"""``quota_violation``: caps kept as data in ``rules/data/quotas.toml``.

Cao Bằng: Chiến sĩ thi đua cơ sở at most 15 % of those who earned Lao động tiên
tiến.  A rule applies to documents whose province matches it; it pairs each
count of the capped award with the count of the reference award of the same
document, period, subject and status, stated nearest to it.  ``observed`` is
the capped count, ``expected`` the largest count the cap allows.
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.model import Finding

from .base import ERROR, WARNING, Context, FactRow, award_vn, excerpt, finding, vn
from .units import fact_unit, place_key

CODE = "quota_violation"
DATA = Path(__file__).resolve().parents[2] / "rules" / "data" / "quotas.toml"


@dataclass(frozen=True)
class Quota:
    id: str
    province: str
    award: str
    of_award: str
    max_share: float
    recipient: Optional[str] = None
    source: str = ""


@lru_cache(maxsize=1)
def quotas() -> tuple[Quota, ...]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8")) if DATA.exists() else {}
    return tuple(Quota(id=q["id"], province=q["province"], award=q["award"], of_award=q["of_award"],
                       max_share=float(q["max_share"]), recipient=q.get("recipient"), source=q.get("source", ""))
                 for q in raw.get("quota", []))


def province_matches(rule_province: str, doc_province: Optional[str]) -> bool:
    """A provincial rule binds that province's documents (names compared as keys:
    ``Tỉnh Cao Bằng`` == ``Cao Bằng``).  Rules of provinces merged in 2025 stay with
    the old province's documents, which keep their old province name."""
    return bool(doc_province) and place_key(rule_province) == place_key(doc_province)


def _eligible(f: FactRow, award: str, recipient: Optional[str]) -> bool:
    return (f.metric == "award.count" and f.award == award and f.is_exact and f.parent_fact_id is None
            and (f.status or "granted") == "granted" and not f.qualifier
            and (recipient is None or f.recipient in (None, recipient)))


def check(ctx: Context) -> list[Finding]:
    out = []
    for q in quotas():
        for doc_id in sorted(ctx.by_doc):
            d = ctx.docs[doc_id]
            if not province_matches(q.province, d.province):
                continue
            facts = ctx.by_doc[doc_id]
            nums = [f for f in facts if _eligible(f, q.award, q.recipient)]
            dens = [f for f in facts if _eligible(f, q.of_award, q.recipient)]
            for n in nums:
                key = (n.period or d.period, fact_unit(d, n.subject))
                cands = [x for x in dens if (x.period or d.period, fact_unit(d, x.subject)) == key and x.value]
                if not cands:
                    continue
                den = min(cands, key=lambda x: abs((x.char_start or 0) - (n.char_start or 0)))
                allowed = math.floor(q.max_share * den.value + 1e-9)
                if n.value <= q.max_share * den.value + 1e-9:
                    continue
                share = 100 * n.value / den.value
                msg = (f"Vượt tỷ lệ khen thưởng cho phép ({q.province}: {award_vn(q.award)} tối đa "
                       f"{vn(q.max_share * 100)}% số {award_vn(q.of_award)}): {vn(n.value)} so với {vn(den.value)} là "
                       f"{vn(share, 1)}%, tối đa được {vn(allowed)}"
                       f"{' (kỳ ' + str(n.period) + ')' if n.period else ''}. Câu: {excerpt(ctx, n)}.")
                out.append(finding(CODE, ERROR if share > 1.5 * q.max_share * 100 else WARNING, doc_id, msg,
                                   fact_ids=[n.fact_id, den.fact_id], expected=float(allowed), observed=n.value,
                                   rule=q.id))
    return out
