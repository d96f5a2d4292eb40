"""The ``runs`` table: one row per tdkt command that changes the warehouse."""
from __future__ import annotations

import json

from pipeline.versions import TDKT_VERSION


def start_run(con, run_id: str, command: str, args) -> None:
    con.execute("INSERT INTO runs (run_id, command, args, started_at, status, tdkt_version) "
                "VALUES (?, ?, ?, now(), 'running', ?)",
                [run_id, command, json.dumps(args, ensure_ascii=False), TDKT_VERSION])


def finish_run(con, run_id: str, summary=None, *, status: str = "ok", error: str | None = None,
               findings: int | None = None) -> None:
    vals = dict(status=status, error=error)
    if summary is not None:
        vals.update(files_seen=len(summary.results), files_loaded=summary.count("loaded") + summary.count("rerun"),
                    files_skipped=summary.count("skipped"), files_failed=len(summary.failed),
                    seconds=round(summary.seconds, 3))
    if findings is not None:
        vals["findings"] = findings
    sets = ", ".join(f"{k} = ?" for k in vals)
    con.execute(f"UPDATE runs SET {sets}, finished_at = now() WHERE run_id = ?", [*vals.values(), run_id])
