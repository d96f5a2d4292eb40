"""Shared fixtures: one real warehouse built from corpus/ plus the workbench
reports (tests/data/workbench: a 2023 report restating the 2022 figures of
corpus/001 with one changed, as .txt, .docx, .pdf and re-sent; a 2024 report
restating the 2023 poverty rate differently), by the CLI, once per session."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBENCH = ROOT / "tests" / "data" / "workbench"


def tdkt(*args, ok: bool = True, cwd=None, timeout: int = 600) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "tdkt"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]
    r = subprocess.run(cmd + [str(a) for a in args], cwd=cwd or ROOT, capture_output=True, text=True,
                       timeout=timeout)
    if ok:
        assert r.returncode == 0, f"tdkt {' '.join(map(str, args))}: {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r


@pytest.fixture(scope="session")
def workbench_inbox(tmp_path_factory) -> Path:
    """corpus/ (without the .doc files, which need LibreOffice) plus the workbench reports."""
    box = tmp_path_factory.mktemp("inbox")
    for f in sorted((ROOT / "corpus").iterdir()):
        if f.suffix != ".doc":
            shutil.copy(f, box / f.name)
    for f in sorted(WORKBENCH.iterdir()):
        shutil.copy(f, box / f.name)
    return box


@pytest.fixture(scope="session")
def workbench_db(tmp_path_factory, workbench_inbox) -> Path:
    """A warehouse after `tdkt nightly` on the inbox (read it; copy it to change it)."""
    db = tmp_path_factory.mktemp("wh") / "tdkt.duckdb"
    tdkt("nightly", workbench_inbox, "--db", db)
    return db


@pytest.fixture
def workbench_copy(tmp_path, workbench_db) -> Path:
    """A copy of the session warehouse a test may change."""
    db = tmp_path / "tdkt.duckdb"
    shutil.copy(workbench_db, db)
    return db
