"""The ``runs`` table: one row per tdkt command that changes the warehouse — or tried to.

Statuses: ``running``, ``ok``, ``failed`` (a check failed or the run itself
broke; ``error`` says what), ``interrupted`` (SIGTERM, SIGINT, SIGHUP),
``killed`` (found dead by a later run: kill -9, the OOM killer, a power cut),
``refused`` (another run or an open writer held the warehouse past ``--wait``)
and ``damaged`` (the warehouse failed its integrity check; nothing was changed).

A run that could not open the warehouse — refused or damaged — cannot write its
row there; it appends it to ``<db>.runs.jsonl`` (:func:`journal`), and the next
run that opens the warehouse moves those rows into ``runs``
(:func:`import_journal`, :func:`drop_journal` once published).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
from pathlib import Path
from typing import Iterable, Optional

from pipeline.versions import TDKT_VERSION

RUNNING, OK, FAILED, INTERRUPTED, KILLED, REFUSED, DAMAGED = (
    "running", "ok", "failed", "interrupted", "killed", "refused", "damaged")


def start_run(con, run_id: str, command: str, args) -> None:
    con.execute("INSERT INTO runs (run_id, command, args, started_at, status, tdkt_version, pid, host) "
                "VALUES (?, ?, ?, now(), 'running', ?, ?, ?)",
                [run_id, command, json.dumps(args, ensure_ascii=False), TDKT_VERSION, os.getpid(),
                 socket.gethostname()])


def finish_run(con, run_id: str, summary=None, *, status: str = "ok", error: str | None = None,
               findings: int | None = None, exit_status: int | None = None) -> None:
    vals = dict(status=status, error=error)
    if summary is not None:
        vals.update(files_seen=len(summary.results), files_loaded=summary.count("loaded") + summary.count("rerun"),
                    files_skipped=summary.count("skipped"), files_failed=len(summary.failed),
                    files_duplicate=summary.count("duplicate"), paths_other=len(getattr(summary, "others", [])),
                    seconds=round(summary.seconds, 3))
    if findings is not None:
        vals["findings"] = findings
    if exit_status is not None:
        vals["exit_status"] = exit_status
    sets = ", ".join(f"{k} = ?" for k in vals)
    con.execute(f"UPDATE runs SET {sets}, finished_at = now() WHERE run_id = ?", [*vals.values(), run_id])


# --- runs that could not reach the warehouse ---------------------------------------
def journal_path(db: str | Path) -> Path:
    return Path(str(db) + ".runs.jsonl")


@contextlib.contextmanager
def _locked(path: Path, mode: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, mode, encoding="utf-8") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield fh
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def journal(db: str | Path, *, run_id: str, command: str, args, status: str, error: str,
            started_at: dt.datetime, exit_status: int) -> None:
    """Append the record of a run that never opened the warehouse."""
    row = dict(run_id=run_id, command=command, args=json.dumps(args, ensure_ascii=False),
               started_at=started_at.isoformat(sep=" "), finished_at=dt.datetime.now().isoformat(sep=" "),
               status=status, error=error, tdkt_version=TDKT_VERSION, pid=os.getpid(), host=socket.gethostname(),
               exit_status=exit_status)
    with _locked(journal_path(db), "a") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        fh.flush()


def _read_journal(db) -> list[dict]:
    p = journal_path(db)
    if not p.exists():
        return []
    with _locked(p, "r") as fh:
        lines = fh.read().splitlines()
    out = []
    for line in lines:
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue   # a line cut short by a crash
    return out


def import_journal(con, db) -> list[str]:
    """Copy journalled runs into ``runs`` (once); returns their run ids."""
    rows = _read_journal(db)
    cols = ["run_id", "command", "args", "started_at", "finished_at", "status", "error", "tdkt_version", "pid",
            "host", "exit_status"]
    for r in rows:
        con.execute(f"INSERT INTO runs ({', '.join(cols)}) SELECT {', '.join('?' for _ in cols)} "
                    "WHERE NOT EXISTS (SELECT 1 FROM runs WHERE run_id = ?)",
                    [r.get(c) for c in cols] + [r.get("run_id")])
    return [r["run_id"] for r in rows if r.get("run_id")]


def drop_journal(db, run_ids: Iterable[str]) -> None:
    """Forget journalled runs that are now in the published warehouse."""
    done = set(run_ids)
    p = journal_path(db)
    if not done or not p.exists():
        return
    with _locked(p, "r+") as fh:
        keep = []
        for line in fh.read().splitlines():
            try:
                if json.loads(line).get("run_id") in done:
                    continue
            except json.JSONDecodeError:
                continue
            keep.append(line)
        fh.seek(0)
        fh.truncate()
        fh.write("".join(k + "\n" for k in keep))
    if not keep:
        with contextlib.suppress(OSError):
            p.unlink()


def mark_killed(con, *, run_id: str, pid: Optional[int], command: Optional[str], args, started_at: Optional[str],
                found_by: str) -> None:
    """Record that a run's process ended without finishing it (its row says ``running``, or
    it has none because its work copy was thrown away)."""
    error = (f"the process (pid {pid}) ended without finishing the run (killed, crashed or the machine stopped); "
             f"found by run {found_by}")
    n = con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()[0]
    if n:
        con.execute("UPDATE runs SET status = ?, error = ?, finished_at = coalesce(finished_at, now()) "
                    "WHERE run_id = ? AND status = ?", [KILLED, error, run_id, RUNNING])
    else:
        con.execute("INSERT INTO runs (run_id, command, args, started_at, finished_at, status, error, tdkt_version, "
                    "pid) VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?)",
                    [run_id, command, json.dumps(args, ensure_ascii=False), started_at, KILLED, error,
                     TDKT_VERSION, pid])


def sweep_running(con, found_by: str) -> int:
    """Rows still ``running`` when a writer holds the lock belong to runs whose process ended
    (only one writer runs at a time): mark them ``killed``.  Returns how many."""
    n = con.execute("SELECT count(*) FROM runs WHERE status = ? AND run_id <> ?", [RUNNING, found_by]).fetchone()[0]
    if n:
        con.execute("UPDATE runs SET status = ?, error = coalesce(error, ?), finished_at = coalesce(finished_at, "
                    "now()) WHERE status = ? AND run_id <> ?",
                    [KILLED, f"the run never finished (its process ended without recording an end); found by run "
                             f"{found_by}", RUNNING, found_by])
    return n
