"""docs/DEPLOY.md is what an office copies: its systemd units pass `systemd-analyze
verify` without a warning, its config file is accepted and matches the defaults, and
its cron line is valid and, run the way cron runs it, does the night's work."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nightly_support import ROOT, inbox, rows

DOC = ROOT / "docs" / "DEPLOY.md"
TDKT_EXE = Path(sys.executable).parent / "tdkt"


def blocks(kind: str) -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(
        rf"<!-- {kind}: (\S+) -->\s*```\w*\n(.*?)```", text, flags=re.S)}


def here(text: str, **paths) -> str:
    exe = str(TDKT_EXE) if TDKT_EXE.exists() else f"{sys.executable} -m pipeline.cli"
    text = text.replace("/opt/tdkt/.venv/bin/tdkt", exe).replace("/opt/tdkt", str(ROOT))
    for old, new in paths.items():
        text = text.replace(old, str(new))
    return text


def test_the_units_pass_systemd_analyze_verify(tmp_path):
    units = blocks("unit")
    assert set(units) == {"tdkt-nightly.service", "tdkt-nightly.timer"}
    exe = shutil.which("systemd-analyze")
    if exe is None:
        pytest.skip("systemd-analyze is not installed here (the units are checked where systemd is)")
    if not TDKT_EXE.exists():
        pytest.skip(f"{TDKT_EXE} is not installed (pip install -e .)")
    for name, text in units.items():
        (tmp_path / name).write_text(here(text), encoding="utf-8")
    p = subprocess.run([exe, "verify", *(str(tmp_path / n) for n in units)], capture_output=True, text=True,
                       timeout=120)
    mine = [x for x in (p.stdout + p.stderr).splitlines() if str(tmp_path) in x]
    assert p.returncode == 0 and mine == [], p.stdout + p.stderr
    service = units["tdkt-nightly.service"]
    assert "TDKT_CONFIG=/etc/tdkt/config.toml" in service and "KillMode=mixed" in service
    timer = subprocess.run([exe, "calendar", re.search(r"OnCalendar=(.+)", units["tdkt-nightly.timer"]).group(1)],
                           capture_output=True, text=True, timeout=60)
    assert timer.returncode == 0 and "Next elapse" in timer.stdout


def test_the_config_file_is_accepted_and_documents_the_defaults():
    import tomllib

    from pipeline.config import Limits, TextChecks, parse

    [(name, text)] = blocks("config").items()
    assert name == "/etc/tdkt/config.toml"
    got = parse(tomllib.loads(text), name, Path("/etc/tdkt"))
    assert got["db"] == Path("/srv/tdkt/tdkt.duckdb")
    assert got["limits"] == Limits() and got["text"] == TextChecks()


_FIELDS = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def _field_ok(f: str, lo: int, hi: int) -> bool:
    for part in f.split(","):
        base, _, step = part.partition("/")
        if step and not step.isdigit():
            return False
        if base == "*":
            continue
        a, _, b = base.partition("-")
        if not a.isdigit() or (b and not b.isdigit()):
            return False
        if not lo <= int(a) <= hi or (b and not int(a) <= int(b) <= hi):
            return False
    return True


def test_the_cron_line_is_valid_and_does_the_nights_work(tmp_path):
    [(name, text)] = blocks("cron").items()
    assert name == "/etc/cron.d/tdkt"
    [line] = [x for x in text.splitlines() if x.strip() and not x.startswith("#")]
    fields = line.split(None, 6)
    assert all(_field_ok(f, lo, hi) for f, (lo, hi) in zip(fields[:5], _FIELDS)), fields[:5]
    assert fields[5] == "tdkt"                      # /etc/cron.d lines name the user
    inbox(tmp_path / "srv" / "inbox")
    cfg = tmp_path / "etc" / "config.toml"
    cfg.parent.mkdir()
    [config] = blocks("config").values()
    cfg.write_text(config.replace("/srv/tdkt", str(tmp_path / "srv")), encoding="utf-8")
    home = tmp_path / "home"                        # cron starts in the user's home, with almost no environment
    home.mkdir()
    command = here(fields[6], **{"/etc/tdkt/config.toml": cfg, "/srv/tdkt": tmp_path / "srv"})
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh", "LOGNAME": "tdkt",
           "PYTHONPATH": str(ROOT)}
    p = subprocess.run(["/bin/sh", "-c", command], cwd=home, env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, (command, p.stderr)
    log = (tmp_path / "srv" / "nightly.log").read_text(encoding="utf-8")
    assert re.search(r"^\[3/3 100% .*\] loaded +/", log, flags=re.M) and "nightly: 3 files" in log
    db = tmp_path / "srv" / "tdkt.duckdb"
    assert rows(db, "SELECT command, status FROM runs") == [("nightly", "ok")]
    assert os.listdir(home) == []                   # nothing written where the job happened to start
