"""The writing commands — ``nightly``, ``ingest``, ``check`` — as unattended jobs.

:func:`run_job` opens the warehouse through :func:`warehouse.session.writer`
(a work copy published by rename, so analysts' read-only connections never
block it and are never blocked), records the ``runs`` row, turns SIGTERM,
SIGINT and SIGHUP into an ``interrupted`` record (what was loaded is kept and
published), and maps every outcome to an exit status, with ``runs.error`` set
whenever that status is not 0:

====  ==========================================================================
 0    done
 1    the run broke (a bug; ``runs.error`` has it)
 2    bad arguments or configuration, a missing inbox or warehouse
 3    the warehouse could not be opened
 4    refused: another run, or a program with the warehouse open for writing,
      held it past ``--wait``
 5    a consistency check failed (the others' findings are stored)
 6    the warehouse failed its integrity check; nothing was changed
 130  stopped by SIGINT (143 SIGTERM, 129 SIGHUP)
====  ==========================================================================
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from typing import Callable, Optional, TextIO

from .config import Settings
from .stop import Interrupted, deferred, handle_signals, ignore_further

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_OPEN = 3


@dataclass
class JobResult:
    """What a job's body reports; ``status``/``error`` go to ``runs``."""
    exit_status: int = 0
    status: str = "ok"
    error: Optional[str] = None
    summary: object = None          # an IngestSummary, for the run's counts
    findings: Optional[int] = None


@dataclass
class State:
    """Filled in by the body as it goes, so an interruption still reports what was done."""
    run_id: str
    summary: object = None          # the IngestSummary being filled
    checks: object = None           # the CheckRun, once the checks ran
    checking: bool = False          # the checks have started
    recorded: bool = False          # the runs row is written
    exit_status: Optional[int] = None


Body = Callable[[object, State], JobResult]


def run_job(command: str, args: list, settings: Settings, body: Body, *, err: TextIO = sys.stderr) -> State:
    from .ingest import new_run_id

    handle_signals()
    state = State(new_run_id())
    state.exit_status = _run(command, args, settings, body, state, err)
    return state


def _run(command: str, args: list, settings: Settings, body: Body, state: State, err: TextIO) -> int:
    from warehouse.db import WarehouseError
    from warehouse.runs import finish_run, start_run
    from warehouse.session import Busy, Damaged, writer

    from .ingest import describe

    t0 = time.perf_counter()
    try:
        with writer(settings.db, run_id=state.run_id, command=command, args=args, wait=settings.wait,
                    keep_previous=settings.keep_previous, out=err) as s:
            con = s.con
            try:
                with deferred():
                    start_run(con, state.run_id, command, args)
                    state.recorded = True
                res = body(con, state)
            except BaseException as e:
                ignore_further()
                if isinstance(e, (Interrupted, KeyboardInterrupt)):
                    code = e.exit_status if isinstance(e, Interrupted) else 130
                    status = "interrupted"
                else:
                    code, status = EXIT_FAILED, "failed"
                error = describe(e, state.summary) if state.summary is not None else str(e) or type(e).__name__
                if state.checking:
                    error = f"{e} while running the checks (the files were read)"
                finish_run(con, state.run_id, state.summary, status=status, error=error, exit_status=code)
                _seconds(con, state.run_id, t0)
                raise
            ignore_further()                # the work is done: a signal now must not undo its record
            finish_run(con, state.run_id, res.summary, status=res.status, error=res.error,
                       findings=res.findings, exit_status=res.exit_status)
            _seconds(con, state.run_id, t0)
    except Busy as e:
        err.write(f"tdkt {command}: {e}\n")
        return e.exit_status
    except Damaged as e:
        err.write(f"tdkt {command}: {e}\n")
        return e.exit_status
    except WarehouseError as e:
        err.write(f"tdkt {command}: {e}\n")
        return EXIT_OPEN
    except (Interrupted, KeyboardInterrupt) as e:
        code = e.exit_status if isinstance(e, Interrupted) else 130
        name = e.name if isinstance(e, Interrupted) else "SIGINT"
        if not state.recorded and settings.db.exists():     # stopped in the instant before its row was written
            from warehouse.runs import INTERRUPTED, journal
            journal(settings.db, run_id=state.run_id, command=command, args=args, status=INTERRUPTED,
                    error=f"stopped by {name} as the run started", started_at=dt.datetime.now(), exit_status=code)
        err.write(f"tdkt {command}: stopped by {name}; what was loaded is kept and the run is recorded as "
                  f"interrupted (run {state.run_id})\n")
        return code
    except Exception as e:
        if os.environ.get("TDKT_DEBUG"):
            raise
        err.write(f"tdkt {command}: the run broke ({type(e).__name__}: {e}); what was loaded is kept and the "
                  f"run is recorded as failed (run {state.run_id})\n")
        return EXIT_FAILED
    return res.exit_status


def _seconds(con, run_id: str, t0: float) -> None:
    con.execute("UPDATE runs SET seconds = ? WHERE run_id = ?", [round(time.perf_counter() - t0, 3), run_id])


# --- the three writing commands ------------------------------------------------------
def missing_warehouse(settings: Settings) -> str:
    where = " (from TDKT_DB)" if os.environ.get("TDKT_DB") else ""
    return (f"no warehouse at {settings.db}{where}: check --db, TDKT_DB or the config file "
            "('tdkt nightly' or 'tdkt ingest' create it)")


def _check_outcome(run, summary=None) -> JobResult:
    from .checks.commands import EXIT_CHECK_FAILED

    errors = "; ".join(f"check {k} failed: {v}" for k, v in sorted(run.errors.items())) or None
    return JobResult(exit_status=EXIT_CHECK_FAILED if run.errors else 0, status="failed" if run.errors else "ok",
                   error=errors, summary=summary, findings=len(run.findings))


def ingest_job(paths: list[str], settings: Settings, *, force: bool = False, quiet: bool = False,
               out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from .inbox import shown
    from .ingest import IngestSummary, ingest
    from .progress import print_ingest_summary, progress_printer

    def body(con, state: State) -> JobResult:
        state.summary = IngestSummary(run_id=state.run_id)
        ingest(paths, con, workers=settings.workers, force=force, settings=settings, run_id=state.run_id,
               summary=state.summary, progress=None if quiet else progress_printer(err))
        return JobResult(summary=state.summary)

    state = run_job("ingest", [shown(str(p)) for p in paths], settings, body, err=err)
    if state.exit_status == 0:
        print_ingest_summary(state.summary, out)
    return state.exit_status


def nightly_job(inbox: list[str], settings: Settings, *, force: bool = False, quiet: bool = False,
                out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from .checks.commands import print_check_summary, run_and_record
    from .inbox import shown
    from .ingest import IngestSummary, ingest
    from .progress import print_ingest_summary, progress_printer

    args = [shown(os.path.abspath(p)) for p in inbox]
    missing = [a for a, p in zip(args, inbox) if not os.path.exists(p)]
    if missing:
        error = f"inbox not found: {', '.join(missing)}"
        _journal_usage(settings, "nightly", args, error)
        err.write(f"tdkt nightly: {error}\n")
        return EXIT_USAGE

    def body(con, state: State) -> JobResult:
        state.summary = IngestSummary(run_id=state.run_id)
        ingest(inbox, con, workers=settings.workers, force=force, settings=settings, run_id=state.run_id,
               summary=state.summary, progress=None if quiet else progress_printer(err), command="nightly")
        state.checking = True
        state.checks, _ = run_and_record(con, "nightly", args, run_id=state.run_id)
        return _check_outcome(state.checks, state.summary)

    state = run_job("nightly", args, settings, body, err=err)
    if state.checks is not None:
        print_ingest_summary(state.summary, out, label="nightly: ")
        print_check_summary(state.checks, out)
    return state.exit_status


def check_job(settings: Settings, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr, show_all: bool = False,
              listing: bool = False) -> int:
    """``tdkt check``: the findings an analyst marked as false alarms are left out of the
    counts and the listing (``--list``) unless ``show_all``; reviews that lost their target
    are noted."""
    import io

    from .checks.commands import hide_false_alarms, list_findings, print_check_summary, run_and_record

    if not settings.db.exists():
        err.write(f"tdkt check: {missing_warehouse(settings)}\n")
        return EXIT_USAGE
    t0 = time.perf_counter()
    notes = io.StringIO()

    def body(con, state: State) -> JobResult:
        state.checks, _ = run_and_record(con, "check", [str(settings.db)], run_id=state.run_id)
        res = _check_outcome(state.checks)          # the runs row counts every finding
        hide_false_alarms(con, state.checks, notes, show_all)
        if listing:
            list_findings(con, state.checks, notes, show_all)
        return res

    state = run_job("check", [str(settings.db)], settings, body, err=err)
    if state.checks is not None:
        out.write(notes.getvalue())
        print_check_summary(state.checks, out)
        out.write(f"(run {state.run_id}; {time.perf_counter() - t0:.2f} s in all, with opening the warehouse "
                  f"and resolving place names)\n")
    return state.exit_status


def _journal_usage(settings: Settings, command: str, args: list, error: str) -> None:
    """A scheduled run that cannot start (a wrong inbox) still leaves its record."""
    from warehouse.runs import FAILED, journal

    from .ingest import new_run_id
    if settings.db.exists():
        journal(settings.db, run_id=new_run_id(), command=command, args=args, status=FAILED, error=error,
                started_at=dt.datetime.now(), exit_status=EXIT_USAGE)
