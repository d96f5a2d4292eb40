"""The checks as the writing commands run them: the run record around them and
the summary they print.  ``tdkt check`` and ``tdkt nightly`` themselves are
:mod:`pipeline.jobs` (a lock on ``<db>.lock`` for the whole run, a work copy
published by rename; see docs/CONCURRENCY.md).
"""
from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path
from typing import Optional, TextIO

EXIT_LOCKED = 4
EXIT_CHECK_FAILED = 5

CODE_VN = {
    "sum_mismatch": "tổng không khớp các phần",
    "percent_mismatch": "tỷ lệ % không khớp",
    "ratio_mismatch": "số hộ/tỷ lệ khác cơ sở",
    "conflict_within_doc": "mâu thuẫn trong văn bản",
    "conflict_across_docs": "mâu thuẫn giữa các văn bản",
    "implausible_value": "giá trị khó tin",
    "quota_violation": "vượt tỷ lệ khen thưởng",
    "citation_mismatch": "trích dẫn không thống nhất",
    "outdated_citation": "căn cứ đã hết hiệu lực",
    "ambiguous_number": "số khó đọc",
    "missing_required": "thiếu số liệu bắt buộc",
}


@contextlib.contextmanager
def db_lock(db: str | Path, wait: float, out: Optional[TextIO] = None):
    """The writers' lock on ``<db>.lock`` (warehouse.session.Lock), waiting up to ``wait`` seconds."""
    from warehouse.session import Holder, Lock

    lock = Lock(Path(db))
    lock.acquire(wait, Holder(pid=os.getpid(), command="lock"), out)
    try:
        yield lock.path
    finally:
        lock.release()


def print_check_summary(run, out: TextIO = sys.stdout) -> None:
    counts = run.summary()
    total = len(run.findings)
    sev = {s: sum(n for (c, v), n in counts.items() if v == s) for s in ("error", "warning", "info")}
    how = "unchanged since the last check (nothing to compute)" if run.reused else f"in {run.seconds:.2f} s"
    out.write(f"{total} findings {how}: {sev['error']} error, {sev['warning']} warning, "
              f"{sev['info']} info\n")
    if counts:
        codes = sorted({c for c, _ in counts})
        w = max(len(c) for c in codes)
        out.write(f"  {'check':<{w}}  {'error':>5}  {'warning':>7}  {'info':>5}\n")
        for c in codes:
            out.write(f"  {c:<{w}}  {counts.get((c, 'error'), 0):>5}  {counts.get((c, 'warning'), 0):>7}  "
                      f"{counts.get((c, 'info'), 0):>5}   {CODE_VN.get(c, '')}\n")
    for name, err in sorted(run.errors.items()):
        out.write(f"  check {name} failed: {err}\n")


def run_and_record(con, command: str, args, run_id: Optional[str] = None):
    """Run the checks, rewrite ``findings`` and record (or complete) a ``runs`` row."""
    from warehouse.runs import finish_run, start_run

    from . import state
    from .runner import collect, prepare, stored_run, write_findings

    own = run_id is None
    run_id = run_id or uuid.uuid4().hex[:12]
    if own:
        start_run(con, run_id, command, args)
    try:
        fp = state.fingerprint(con)
        if state.unchanged(con, fp):
            run = stored_run(con)           # nothing changed since the findings were computed
        else:
            from .places import refresh_places
            try:
                refresh_places(con)
            except Exception as e:  # the views fall back to the names as written
                sys.stderr.write(f"tdkt: place names not resolved ({type(e).__name__}: {e})\n")
            prepare(con)
            run = collect(con)
            write_findings(con, run.findings, None if run.errors else fp)
    except BaseException as e:
        finish_run(con, run_id, status="failed", error=f"{type(e).__name__}: {e}")
        raise
    status = "failed" if run.errors else "ok"
    err = "; ".join(f"{k}: {v}" for k, v in sorted(run.errors.items())) or None
    finish_run(con, run_id, status=status, error=err, findings=len(run.findings))
    if own:
        con.execute("UPDATE runs SET seconds = ? WHERE run_id = ?", [round(run.seconds, 3), run_id])
    return run, run_id


def hide_false_alarms(con, run, out: TextIO, show_all: bool = False) -> None:
    """Leave the findings an analyst marked as false alarms out of ``run`` (unless
    ``show_all``) and say so; say when reviews lost their target."""
    from pipeline.reviews import orphan_note
    false = {r[0] for r in con.execute("SELECT finding_id FROM v_finding_reviews "
                                       "WHERE verdict = 'false_alarm'").fetchall()}
    n = sum(f.finding_id in false for f in run.findings)
    if n and not show_all:
        run.findings = [f for f in run.findings if f.finding_id not in false]
        out.write(f"({n} phát hiện đã được đánh dấu báo động giả không được tính và liệt kê; --all để xem)\n")
    states = dict(con.execute("SELECT state, count(*) FROM review_links GROUP BY state").fetchall())
    out.write(orphan_note(states))


def list_findings(con, run, out: TextIO, show_all: bool = False) -> None:
    """Each error and warning (every finding with ``show_all``), with its file and verdict."""
    ids = {f.finding_id for f in run.findings}
    rows = con.execute("SELECT finding_id, severity, check_code, path, message, verdict FROM v_findings "
                       "ORDER BY path, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "
                       "check_code, finding_id").fetchall()
    for fid, sev, code, path, msg, verdict in rows:
        if fid not in ids or (sev == "info" and not show_all):
            continue
        mark = {"confirmed": " [xác nhận]", "false_alarm": " [báo động giả]"}.get(verdict or "", "")
        out.write(f"{sev:<7} {fid}  {path}{mark}\n        {msg}\n")


def check_command(db: str, out: TextIO = sys.stdout, *, show_all: bool = False, listing: bool = False) -> int:
    """``tdkt check`` (pipeline.jobs.check_job)."""
    from pipeline.config import load
    from pipeline.jobs import check_job
    return check_job(load(db=db), out=out, show_all=show_all, listing=listing)


def nightly_command(inbox: list[str], db: str, *, wait: float = 600.0, workers: int = 1,
                    out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """``tdkt nightly`` (pipeline.jobs.nightly_job)."""
    from pipeline.config import load
    from pipeline.jobs import nightly_job
    return nightly_job(inbox, load(db=db, wait=wait, workers=workers), out=out, err=err)
