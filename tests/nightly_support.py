"""Running ``tdkt`` as an operator's timer would: a subprocess, a clean environment,
an inbox of real reports in a temporary folder, and a way to compare warehouses."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
TDKT = [sys.executable, "-m", "pipeline.cli"]


def env(**extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
    e["PYTHONPATH"] = str(ROOT)
    e.update(extra)
    return e


def tdkt(*args, cwd=None, timeout=300, extra_env=None, cmd=None) -> subprocess.CompletedProcess:
    return subprocess.run((cmd or TDKT) + [str(a) for a in args], cwd=cwd or ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env(**(extra_env or {})))


def start(*args, cwd=None, extra_env=None, cmd=None) -> subprocess.Popen:
    return subprocess.Popen((cmd or TDKT) + [str(a) for a in args], cwd=cwd or ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env(**(extra_env or {})))


def inbox(folder: Path, names=("000_3a864a165f113b92.txt", "002_0e22d76ab771f56c.txt",
                               "004_93c9989aa407a5d1.txt")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        shutil.copyfile(CORPUS / n, folder / n)
    return folder


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# what a run writes that depends on when and by which run it was written
VOLATILE = {
    "documents": {"ingested_at", "run_id", "extract_seconds"},
    "findings": {"created_at"},
    "files": {"first_seen", "last_seen", "last_run_id"},
}
CONTENT = ("documents", "document_text", "blocks", "facts", "honorees", "citations", "findings", "files",
           "place_lookup")


def content(db: Path) -> dict[str, list[tuple]]:
    """Every content table, rows sorted, without the columns that record time or run."""
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    try:
        for t in CONTENT:
            cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall() if r[0] not in VOLATILE.get(t, ())]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = con.execute(f"SELECT {sel} FROM {t} ORDER BY ALL").fetchall()
    finally:
        con.close()
    return out


def wait_for(pred, timeout: float = 60.0, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return False


def children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                kids = [int(x) for x in fh.read().split()]
        except OSError:
            kids = []
        out.extend(kids)
        todo.extend(kids)
    return out


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
