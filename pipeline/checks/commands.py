"""What ``tdkt check`` and ``tdkt nightly`` do (``pipeline/cli.py`` only parses
arguments and calls these).

``nightly`` holds a lock file next to the warehouse (``<db>.lock``) for the whole
run, so two nightly runs (a timer firing while the previous run is still going,
or an operator starting one by hand) never interleave: the second waits up to
``--wait`` seconds for the first to finish, then gives up with a message and
exit status 4.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
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


class LockTimeout(Exception):
    pass


@contextlib.contextmanager
def db_lock(db: str | Path, wait: float, out: Optional[TextIO] = None):
    """An exclusive lock on ``<db>.lock``; waits up to ``wait`` seconds."""
    import fcntl

    path = Path(str(db) + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+")
    deadline = time.monotonic() + max(0.0, wait)
    told = False
    try:
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip()
                    raise LockTimeout(f"another tdkt run holds {path} ({holder or 'unknown process'}); "
                                      f"gave up after {wait:g} s — try again when it has finished")
                if out is not None and not told:
                    out.write(f"waiting for another tdkt run to finish (lock {path}) ...\n")
                    out.flush()
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        fh.flush()
        yield path
    finally:
        with contextlib.suppress(Exception):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


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
    from warehouse import connect

    t0 = time.perf_counter()
    con = connect(db)
    try:
        run, run_id = run_and_record(con, "check", [str(db)])
        hide_false_alarms(con, run, out, show_all)
        if listing:
            list_findings(con, run, out, show_all)
    finally:
        con.close()
    print_check_summary(run, out)
    out.write(f"(run {run_id}; {time.perf_counter() - t0:.2f} s in all, with opening the warehouse and "
              f"resolving place names)\n")
    return EXIT_CHECK_FAILED if run.errors else 0


def nightly_command(inbox: list[str], db: str, *, wait: float = 600.0, workers: int = 1,
                    out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from pipeline.ingest import ingest
    from warehouse import connect

    missing = [p for p in inbox if not Path(p).exists()]
    if missing:
        err.write(f"tdkt nightly: inbox not found: {', '.join(missing)}\n")
        return 2
    t0 = time.perf_counter()
    try:
        with db_lock(db, wait, out=err):
            con = connect(db)
            try:
                summary = ingest(inbox, con, workers=workers, command="nightly")
                run, run_id = run_and_record(con, "nightly", inbox, run_id=summary.run_id)
                from warehouse.runs import finish_run
                finish_run(con, run_id, summary, status="failed" if run.errors else "ok",
                           findings=len(run.findings))
                con.execute("UPDATE runs SET seconds = ? WHERE run_id = ?",
                            [round(time.perf_counter() - t0, 3), run_id])
            finally:
                con.close()
    except LockTimeout as e:
        err.write(f"tdkt nightly: {e}\n")
        return EXIT_LOCKED
    n = len(summary.results)
    out.write(f"nightly run {summary.run_id}: {n} files ({summary.count('loaded')} read, "
              f"{summary.count('rerun')} re-run, {summary.count('skipped')} unchanged, "
              f"{len(summary.failed)} not readable) in {summary.seconds:.1f} s\n")
    for r in summary.failed:
        out.write(f"  {r.status:<11} {r.path}: {r.error}\n")
    print_check_summary(run, out)
    return EXIT_CHECK_FAILED if run.errors else 0
