"""Writing the warehouse without blocking its readers: work on a copy, publish by rename.

DuckDB lets one process open a database file read-write, or any number of
processes open it read-only, never both (an OS file lock on the file; see
docs/CONCURRENCY.md for what was measured).  So a writer — ``tdkt nightly``,
``ingest``, ``check`` — never opens the published file ``<db>`` for writing:

1. it takes ``<db>.lock`` (``flock``; JSON naming its pid and run), waiting up to
   ``wait`` seconds for another writer; a lock left by a process that died is
   recognised and that run recorded ``killed``;
2. it opens ``<db>`` read-only and keeps that connection until it publishes: the
   shared lock is granted next to analysts' read-only connections, and while it
   is held nobody can open ``<db>`` for writing.  An analyst connection opened
   read-write is waited for (also up to ``wait``), then named in the refusal;
3. it works on ``<db>.work``: a copy of ``<db>`` (and of its WAL, if a writer
   left one), or, after a run that died, that run's copy when ``<db>`` has not
   changed since (``<db>.work.json`` says what it was copied from) — so the
   work a killed run had committed is kept;
4. it checks the copy's integrity (:mod:`warehouse.integrity`) before writing
   and again before publishing;
5. it publishes: checkpoint, ``fsync``, the old file kept as ``<db>.prev`` (a
   hard link, no copy), ``rename(<db>.work, <db>)`` — atomic: a reader opening
   ``<db>`` gets the old file or the new one, never a mix, and a reader that
   had it open keeps reading the old one until it reconnects.

A run refused at step 1 or 2, or stopped at step 4, writes its ``runs`` row to
``<db>.runs.jsonl``; the next run brings it into ``runs``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import re
import shutil
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional, TextIO

import duckdb

from . import integrity, runs
from .db import WarehouseError, connect

EXIT_BUSY = 4
EXIT_DAMAGED = 6


class Busy(WarehouseError):
    """Another run, or an open writer, held the warehouse past the wait."""
    exit_status = EXIT_BUSY


class Damaged(WarehouseError):
    """The warehouse failed its integrity check; nothing was changed."""
    exit_status = EXIT_DAMAGED


@dataclass
class Holder:
    """What ``<db>.lock`` says about the run holding it."""
    pid: Optional[int] = None
    run_id: Optional[str] = None
    command: Optional[str] = None
    args: list = field(default_factory=list)
    started_at: Optional[str] = None
    host: Optional[str] = None

    @classmethod
    def parse(cls, text: str) -> Optional["Holder"]:
        text = text.strip()
        if not text:
            return None
        try:
            d = json.loads(text)
            return cls(d.get("pid"), d.get("run_id"), d.get("command"), d.get("args") or [], d.get("started_at"),
                       d.get("host"))
        except (json.JSONDecodeError, AttributeError):
            m = re.search(r"pid (\d+)", text)          # the plain line older versions wrote
            return cls(pid=int(m.group(1))) if m else cls()

    def describe(self) -> str:
        what = f"tdkt {self.command}" if self.command else "a tdkt run"
        bits = [f"pid {self.pid}" if self.pid else None, f"run {self.run_id}" if self.run_id else None,
                f"since {self.started_at}" if self.started_at else None]
        return f"{what} ({', '.join(b for b in bits if b)})"


def alive(pid: Optional[int]) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holders(path: Path) -> list[int]:
    """Pids holding a lock on ``path`` (from /proc/locks; empty where there is none)."""
    try:
        st = os.stat(path)
        with open("/proc/locks") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    want = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 6 and parts[5] == want and parts[4].isdigit():
            out.append(int(parts[4]))
    return out


def _describe_stale_holders(path: Path, h: Optional[Holder]) -> str:
    pids = [p for p in lock_holders(path) if p != os.getpid()]
    if h is not None and h.pid and not alive(h.pid) and pids:
        return (f"; the run that took it ({h.describe()}) is gone, but process {', '.join(map(str, pids))} "
                f"still holds the lock (a leftover reader process?): stop it, e.g. kill {pids[0]}")
    return ""


class Lock:
    """``<db>.lock``: one writer at a time."""

    def __init__(self, db: Path):
        self.path = Path(str(db) + ".lock")
        self.fh = None
        self.previous: Optional[Holder] = None      # a holder that died without letting go

    def acquire(self, wait: float, holder: Holder, out: Optional[TextIO]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")
        deadline = time.monotonic() + max(0.0, wait)
        told = False
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                fh.seek(0)
                h = Holder.parse(fh.read())
                if time.monotonic() >= deadline:
                    fh.close()
                    raise Busy(f"another tdkt run holds {self.path} ({h.describe() if h else 'unknown process'}); "
                               f"gave up after {wait:g} s — try again when it has finished"
                               + _describe_stale_holders(self.path, h))
                if out is not None and not told:
                    out.write(f"waiting for another tdkt run to finish ({h.describe() if h else 'lock ' + str(self.path)}"
                              f", up to {wait:g} s) ...\n")
                    out.flush()
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        self.previous = Holder.parse(fh.read())
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(dict(pid=holder.pid, run_id=holder.run_id, command=holder.command, args=holder.args,
                                 started_at=holder.started_at, host=holder.host), ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
        self.fh = fh

    def release(self) -> None:
        if self.fh is None:
            return
        with contextlib.suppress(OSError):
            self.fh.seek(0)
            self.fh.truncate()
            self.fh.flush()
        with contextlib.suppress(OSError):
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
        self.fh.close()
        self.fh = None


# --- the published file -----------------------------------------------------------------
_HELD_BY = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def hold_published(db: Path, deadline: float, wait: float, out: Optional[TextIO]):
    """A read-only connection to ``<db>`` (None when there is no warehouse yet), waiting
    while another program has it open for writing."""
    told = False
    while True:
        if not db.exists():
            return None
        try:
            return duckdb.connect(str(db), read_only=True)
        except duckdb.IOException as e:
            m = _HELD_BY.search(str(e))
            if not m and "lock" not in str(e).lower():
                raise WarehouseError(f"cannot open {db}: {e}") from e
            who = f"{m.group(1)} (pid {m.group(2)})" if m else "another program"
            if time.monotonic() >= deadline:
                raise Busy(f"{db} is open for writing by {who}; gave up after {wait:g} s. tdkt never needs "
                           "anyone else to write to it: open it read-only (duckdb.connect(path, read_only=True), "
                           "'duckdb -readonly', DBeaver's read-only option) and the nightly run never waits")
            if out is not None and not told:
                out.write(f"waiting for {who} to close {db} (open for writing), up to {wait:g} s ...\n")
                out.flush()
                told = True
            time.sleep(0.5)
        except duckdb.Error as e:
            raise WarehouseError(f"cannot open {db}: {e}") from e


def _stat_key(p: Path) -> Optional[str]:
    try:
        s = os.stat(p)
    except FileNotFoundError:
        return None
    return f"{s.st_dev}:{s.st_ino}:{s.st_size}:{s.st_mtime_ns}"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync(path)


def _remove(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


@dataclass
class Paths:
    db: Path

    @property
    def work(self) -> Path:
        return Path(str(self.db) + ".work")

    @property
    def work_wal(self) -> Path:
        return Path(str(self.work) + ".wal")

    @property
    def sidecar(self) -> Path:
        return Path(str(self.work) + ".json")

    @property
    def partial(self) -> Path:
        return Path(str(self.work) + ".partial")

    @property
    def wal(self) -> Path:
        return Path(str(self.db) + ".wal")

    @property
    def prev(self) -> Path:
        return Path(str(self.db) + ".prev")


def prepare_work(p: Paths, run_id: str) -> bool:
    """Make ``<db>.work`` ready; True when a dead run's copy is taken up again."""
    base = _stat_key(p.db)
    try:
        side = json.loads(p.sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        side = None
    if side is not None and p.work.exists() and side.get("base") == base:
        return True
    _remove(p.work, p.work_wal, p.sidecar, p.partial, Path(str(p.partial) + ".wal"))
    if base is not None:
        shutil.copyfile(p.db, p.partial)
        if p.wal.exists():
            shutil.copyfile(p.wal, Path(str(p.partial) + ".wal"))
        _fsync(p.partial)
    p.sidecar.write_text(json.dumps(dict(base=base, run_id=run_id, pid=os.getpid())), encoding="utf-8")
    if base is not None:
        if Path(str(p.partial) + ".wal").exists():
            os.replace(Path(str(p.partial) + ".wal"), p.work_wal)
        os.replace(p.partial, p.work)
    _fsync_dir(p.db.parent)
    return False


def open_work(p: Paths, deadline: float, wait: float, out: Optional[TextIO]):
    """The work copy opened for writing (migrations applied), waiting while some other
    process has it open (nothing of tdkt's would: a stray shell pointed at it)."""
    told = False
    while True:
        try:
            return connect(p.work)
        except WarehouseError as e:
            cause = e.__cause__
            if not (isinstance(cause, duckdb.IOException) and "lock" in str(cause).lower()):
                raise
            m = _HELD_BY.search(str(cause))
            who = f"{m.group(1)} (pid {m.group(2)})" if m else "another program"
            if time.monotonic() >= deadline:
                raise Busy(f"{p.work}, tdkt's own work copy, is held by {who}; gave up after {wait:g} s") from e
            if out is not None and not told:
                out.write(f"waiting for {who} to close {p.work} ...\n")
                out.flush()
                told = True
            time.sleep(0.5)


def publish(con, p: Paths, keep_previous: bool) -> None:
    """Checkpoint and close the work copy, then put it in place of ``<db>`` atomically."""
    con.execute("CHECKPOINT")
    con.close()
    _fsync(p.work)
    if keep_previous and p.db.exists():
        tmp = Path(str(p.prev) + ".tmp")
        _remove(tmp)
        try:
            os.link(p.db, tmp)
            os.replace(tmp, p.prev)
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP):
                raise
    _remove(p.wal)                  # a crashed writer's: its changes came along with the copy
    os.replace(p.work, p.db)
    _remove(p.work_wal, p.sidecar)
    _fsync_dir(p.db.parent)


@dataclass
class Session:
    con: duckdb.DuckDBPyConnection
    db: Path
    run_id: str
    resumed: bool
    imported: list[str]
    killed: Optional[Holder]


def now_text() -> str:
    return dt.datetime.now().isoformat(sep=" ", timespec="seconds")


@contextlib.contextmanager
def writer(db: str | Path, *, run_id: str, command: str, args: list, wait: float, keep_previous: bool = True,
           out: Optional[TextIO] = sys.stderr) -> Iterator[Session]:
    """Open the warehouse for one writing run (see the module docstring).

    The caller records its ``runs`` row in ``session.con``; when the block ends —
    normally or by an exception, an interruption included — what is in the work
    copy is published if it passes the integrity check.
    """
    from pipeline.stop import Interrupted, deferred

    p = Paths(Path(db))
    started = dt.datetime.now()
    lock = Lock(p.db)
    me = Holder(os.getpid(), run_id, command, args, now_text(), socket.gethostname())
    deadline = time.monotonic() + max(0.0, wait)

    def record(status: str, error: str, exit_status: int) -> None:
        runs.journal(p.db, run_id=run_id, command=command, args=args, status=status, error=error,
                     started_at=started, exit_status=exit_status)

    try:
        lock.acquire(wait, me, out)
    except Busy as e:
        record(runs.REFUSED, str(e), EXIT_BUSY)
        raise
    except Interrupted as e:
        record(runs.INTERRUPTED, f"{e} while waiting for the warehouse", e.exit_status)
        raise
    reader = con = None
    try:
        try:
            reader = hold_published(p.db, deadline, wait, out)
            previous = lock.previous
            resumed = prepare_work(p, run_id)
            con = open_work(p, deadline, wait, out)
            bad = integrity.problems(con)
        except Busy as e:
            record(runs.REFUSED, str(e), EXIT_BUSY)
            raise
        except Interrupted as e:
            record(runs.INTERRUPTED, f"{e} while opening the warehouse", e.exit_status)
            raise
        except (WarehouseError, duckdb.Error) as e:
            msg = (f"{e}. The file may be damaged or not a tdkt warehouse; nothing was changed. Restore the "
                   f"last good copy ({p.prev}, kept by the previous run) or move the file away and run "
                   f"'tdkt nightly' again to rebuild it from the inbox")
            record(runs.DAMAGED, msg, EXIT_DAMAGED)
            raise Damaged(msg) from e
        except Exception as e:
            record(runs.FAILED, f"could not prepare the work copy: {type(e).__name__}: {e}", 1)
            raise
        if bad:
            con.close()
            con = None
            _remove(p.work, p.work_wal, p.sidecar)
            msg = (f"{p.db} fails its integrity check: {'; '.join(bad)}. Nothing was changed. Restore the last "
                   f"good copy ({p.prev}, kept by the previous run, if it passes) or move the file away and run "
                   f"'tdkt nightly' again to rebuild it from the inbox")
            record(runs.DAMAGED, msg, EXIT_DAMAGED)
            raise Damaged(msg)
        imported = runs.import_journal(con, p.db)
        if previous is not None and previous.run_id:
            runs.mark_killed(con, run_id=previous.run_id, pid=previous.pid, command=previous.command,
                             args=previous.args, started_at=previous.started_at, found_by=run_id)
        runs.sweep_running(con, run_id)
        s = Session(con, p.db, run_id, resumed, imported, previous)
        try:
            yield s
        finally:
            with deferred():
                bad = integrity.problems(con)
                if bad:
                    con.close()
                    con = None
                    raise Damaged(f"the run left {p.work} failing its integrity check ({'; '.join(bad)}); "
                                  f"{p.db} was not replaced")
                publish(con, p, keep_previous)
                con = None
                runs.drop_journal(p.db, imported)
    finally:
        if con is not None:
            with contextlib.suppress(Exception):
                con.close()
        if reader is not None:
            with contextlib.suppress(Exception):
                reader.close()
        lock.release()
