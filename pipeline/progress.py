"""What the writing commands print: a line per file as it goes, then a summary.

On a terminal the per-file line is redrawn in place (files that could not be read
stay on screen); elsewhere — a timer's log, ``cron`` mail, a pipe — every file
gets a line of its own with the count, the share done and the time left, so a
log shows where a run was when it stopped.
"""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def printable(s: str) -> str:
    """A path as one line of a log (a newline or a control character in a name is shown escaped)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)


def progress_printer(stream: TextIO = sys.stderr):
    tty = stream.isatty()
    t0 = time.monotonic()
    last = [0.0]

    def show(done: int, total: int, r) -> None:
        name = printable(os.path.basename(r.path))
        if r.action == "skipped":
            what = "unchanged"
        elif r.action == "duplicate":
            what = "same bytes as another file"
        elif r.status == "ok":
            what = f"{r.n_facts} facts, {r.seconds:.2f} s"
        else:
            what = f"{r.status}: {r.error}"
        now = time.monotonic()
        if tty:
            line = f"[{done}/{total}] {r.action:<9} {name} ({what})"
            if done == total or r.status != "ok" or now - last[0] > 0.1:
                last[0] = now
                try:
                    width = os.get_terminal_size(stream.fileno()).columns - 1
                except OSError:
                    width = 120
                stream.write("\r\033[K" + line[: max(20, width)])
                if r.status != "ok" and r.action not in ("skipped", "duplicate"):
                    stream.write("\n")
                stream.flush()
            if done == total:
                stream.write("\n")
            return
        elapsed = now - t0
        eta = elapsed / done * (total - done) if done else 0.0
        stream.write(f"[{done}/{total} {100 * done // max(total, 1)}% {_clock(elapsed)} elapsed, "
                     f"ETA {_clock(eta)}] {r.action:<9} {printable(r.path)} ({what})\n")
        stream.flush()

    return show


def print_ingest_summary(summary, out: TextIO = sys.stdout, label: str = "") -> None:
    loaded, rerun, skipped = summary.count("loaded"), summary.count("rerun"), summary.count("skipped")
    dups = summary.count("duplicate")
    failed = summary.failed
    n = len(summary.results)
    facts = sum(r.n_facts for r in summary.results)
    more = f", {dups} same bytes as another file" if dups else ""
    out.write(f"{label}{n} files in {summary.seconds:.1f} s: {loaded} read, {rerun} re-run through new rules, "
              f"{skipped} unchanged, {len(failed)} not readable{more}; {facts} facts extracted "
              f"(run {summary.run_id})\n")
    for r in failed:
        out.write(f"  {r.status:<11} {printable(r.path)}: {r.error}\n")
    from .reviews import orphan_note
    out.write(orphan_note(summary.reviews or {}))
    partial = [r for r in summary.results if r.warnings and r.action not in ("skipped", "duplicate")]
    if partial:
        out.write(f"{len(partial)} read in part (documents.warnings):\n")
        for r in partial:
            for w in r.warnings:
                out.write(f"  partly      {printable(r.path)}: {w}\n")
    others = [e for e in summary.others if e.status == "failed"]
    ignored = [e for e in summary.others if e.status != "failed"]
    if others or ignored:
        out.write(f"{len(others) + len(ignored)} other paths (the files table): {len(others)} not readable, "
                  f"{len(ignored)} left out\n")
        for e in others:
            out.write(f"  {e.kind:<11} {printable(e.shown)}: {e.reason}\n")
