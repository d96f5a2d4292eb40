"""Run every check and rewrite the ``findings`` table in one transaction."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from pipeline.model import Finding

from . import citations, conflicts, percents, plausibility, quotas, ratios, sums
from .base import Context
from .causes import one_cause

# (name, function): the order findings are written in
CHECKS: list[tuple[str, Callable[[Context], list[Finding]]]] = [
    ("sum_mismatch", sums.check),
    ("percent_mismatch", percents.check),
    ("ratio_mismatch", ratios.check),
    ("conflict", conflicts.check),
    ("plausibility", plausibility.check),
    ("quota_violation", quotas.check),
    ("citations", citations.check),
]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class CheckRun:
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)   # check -> what went wrong
    reused: bool = False                                    # nothing changed: the stored findings stand

    def summary(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for f in self.findings:
            out[(f.check_code, f.severity)] = out.get((f.check_code, f.severity), 0) + 1
        return out


def collect(con, only: Optional[list[str]] = None) -> CheckRun:
    """Every check's findings (nothing written)."""
    run = CheckRun()
    t0 = time.perf_counter()
    ctx = Context(con)
    seen: set[str] = set()
    for name, fn in CHECKS:
        if only and name not in only:
            continue
        t = time.perf_counter()
        try:
            found = fn(ctx)
        except Exception as e:  # one broken check must not hide the others' findings
            import os
            if os.environ.get("TDKT_DEBUG"):
                raise
            run.errors[name] = f"{type(e).__name__}: {e}"
            found = []
        run.timings[name] = time.perf_counter() - t
        for f in found:
            if f.finding_id in seen:
                continue
            seen.add(f.finding_id)
            run.findings.append(f)
    run.findings = one_cause(ctx, run.findings)     # one slip, one finding
    run.findings.sort(key=lambda f: (f.doc_id, SEVERITY_ORDER.get(f.severity, 9), f.check_code, f.finding_id))
    run.seconds = time.perf_counter() - t0
    return run


def prepare(con) -> None:
    """Before the checks: group the files into reports (the checks read one file per
    report) and point the reviews at today's facts (corrections are checked as
    corrected)."""
    from pipeline.reports import refresh_reports
    from pipeline.reviews import resolve
    refresh_reports(con)
    resolve(con)


FINDING_COLUMNS = ("finding_id", "check_code", "severity", "doc_id", "other_doc_id", "fact_ids", "expected",
                   "observed", "message", "rule")


def write_findings(con, findings: list[Finding], fingerprint: Optional[str] = None) -> None:
    """Rewrite ``findings`` with one bulk insert, in one transaction, with the
    ``fingerprint`` of what they were computed from (see :mod:`.state`); then point
    the analysts' verdicts at the new findings."""
    from pipeline.reviews import resolve
    from warehouse.store import bulk_insert

    from . import state

    cols = {c: [getattr(f, c) for f in findings] for c in FINDING_COLUMNS}
    cols["fact_ids"] = [list(f.fact_ids) for f in findings]
    now = con.execute("SELECT now()::TIMESTAMP").fetchone()[0]
    cols["created_at"] = [now] * len(findings)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM findings")
        bulk_insert(con, "findings", cols)
        if fingerprint is not None:
            state.save(con, fingerprint, len(findings))
        else:
            con.execute("DELETE FROM check_state")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    resolve(con)


def stored_run(con) -> CheckRun:
    """The findings already in the warehouse, as a run that computed nothing."""
    run = CheckRun(reused=True)
    t0 = time.perf_counter()
    for r in con.execute("SELECT finding_id, check_code, severity, doc_id, other_doc_id, fact_ids, expected, observed, "
                         "message, rule FROM findings ORDER BY doc_id, finding_id").fetchall():
        run.findings.append(Finding(check_code=r[1], severity=r[2], doc_id=r[3], message=r[8],
                                    fact_ids=list(r[5] or []), other_doc_id=r[4], expected=r[6], observed=r[7],
                                    rule=r[9], finding_id=r[0]))
    run.seconds = time.perf_counter() - t0
    return run


def run_checks(con) -> list[Finding]:
    """Run every check over the warehouse and rewrite ``findings``; returns them."""
    prepare(con)
    run = collect(con)
    write_findings(con, run.findings)
    return run.findings
