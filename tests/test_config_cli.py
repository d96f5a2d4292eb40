"""Settings for unattended use (pipeline/config.py) and the command line's answers to
mistakes: TDKT_DB and a config file instead of the current directory, absolute stored
paths, exit 2 and one clear line for every bad argument or setting, a log line per file."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from nightly_support import ROOT, inbox, rows, tdkt


def test_tdkt_db_names_the_warehouse_wherever_the_job_starts(tmp_path):
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt",))
    db = tmp_path / "srv" / "tdkt.duckdb"
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    r = tdkt("nightly", "../inbox", "-q", cwd=elsewhere, extra_env={"TDKT_DB": str(db)})
    assert r.returncode == 0, r.stderr
    assert db.exists() and not (elsewhere / "warehouse").exists()
    # the paths stored are absolute, not relative to where cron happened to start
    assert rows(db, "SELECT path FROM documents") == [(str(box / "004_93c9989aa407a5d1.txt"),)]
    assert rows(db, "SELECT path FROM files") == [(str(box / "004_93c9989aa407a5d1.txt"),)]
    assert json.loads(rows(db, "SELECT args FROM runs")[0][0]) == [str(box)]
    r = tdkt("export", "documents", "--out", "-", cwd=elsewhere, extra_env={"TDKT_DB": str(db)})
    assert r.returncode == 0 and "004_93c9989aa407a5d1.txt" in r.stdout


def test_the_readers_are_tdkts_whatever_the_folder_the_job_starts_in(tmp_path):
    """Started in a folder that has a ``pipeline`` package of its own (another checkout of
    tdkt, another project), the installed command and its reader processes still run tdkt's
    code: the files are read, not failed for a worker that could not start."""
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "tdkt"
    if not exe.exists():
        pytest.skip(f"{exe} is not installed (pip install -e .)")
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt",))
    other = tmp_path / "other_project"
    (other / "pipeline").mkdir(parents=True)
    (other / "pipeline" / "__init__.py").write_text("raise ImportError('not tdkt')\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    r = tdkt("ingest", box, "--db", db, "-q", cwd=other, cmd=[str(exe)])
    assert r.returncode == 0, r.stderr
    assert rows(db, "SELECT status, n_facts > 0 FROM documents") == [("ok", True)]


def test_a_config_file_gives_the_warehouse_and_the_limits(tmp_path):
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt", "000_3a864a165f113b92.txt"))
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "config.toml").write_text('db = "../data/w.duckdb"\nwait = 5\n[limits.max_mb]\ntxt = 0.04\n',
                                     encoding="utf-8")
    r = tdkt("nightly", box, "-q", cwd=tmp_path, extra_env={"TDKT_CONFIG": str(etc / "config.toml")})
    assert r.returncode == 0, r.stderr
    db = tmp_path / "data" / "w.duckdb"                      # relative to the config file
    got = dict(rows(db, "SELECT regexp_extract(path, '[^/]+$'), status FROM documents"))
    assert got == {"004_93c9989aa407a5d1.txt": "failed", "000_3a864a165f113b92.txt": "ok"}   # 46 KB, 29 KB
    # --db wins over the file
    other = tmp_path / "other.duckdb"
    assert tdkt("ingest", box, "--db", other, "-q", extra_env={"TDKT_CONFIG": str(etc / "config.toml")}
                ).returncode == 0
    assert other.exists()


@pytest.mark.parametrize("text, says", [
    ("colour = 1\n", "unknown setting 'colour'"),
    ("workers = 0\n", "workers must be between 1 and 64, not 0"),
    ("wait = \"long\"\n", "wait must be a number, not 'long'"),
    ("[limits]\nseconds = -5\n", "seconds must be between 1 and 86400, not -5"),
    ("[limits]\nmemory = 5\n", "unknown setting 'memory'"),
    ("[limits.max_mb]\nxls = 5\n", "unknown setting 'xls'"),
    ("[text]\nmin_report = 2\n", "min_report must be between 0 and 1, not 2"),
    ("keep_previous = 1\n", "keep_previous must be true or false"),
    ("db = [\n", "is not valid TOML"),
])
def test_a_wrong_setting_is_named_with_its_file(tmp_path, text, says):
    cfg = tmp_path / "c.toml"
    cfg.write_text(text, encoding="utf-8")
    r = tdkt("nightly", tmp_path, "--config", cfg, "--db", tmp_path / "w.duckdb")
    assert r.returncode == 2
    assert says in r.stderr and str(cfg) in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("args, says", [
    (["nightly", "{box}", "--workers", "0"], "--workers: workers must be between 1 and 64, not 0"),
    (["nightly", "{box}", "--workers", "two"], "--workers: 'two' is not a number"),
    (["ingest", "{box}", "--wait", "-1"], "--wait: wait must be at least 0, not -1"),
    (["compare", "--limit", "0"], "--limit: must be at least 1, not 0"),
    (["eval", "{box}", "--min-f1", "2"], "--min-f1: must be between 0 and 1, not 2"),
    (["export", "facts", "--format", "docx"], "invalid choice: 'docx'"),
    (["nightly", "{box}", "--config", "{tmp}/none.toml"], "config file {tmp}/none.toml not found"),
    (["nightly", "{tmp}/no_inbox"], "inbox not found: {tmp}/no_inbox"),
    (["eval", "{tmp}/no_gold"], "is not a folder of gold"),
])
def test_bad_arguments_exit_2_with_one_clear_line(tmp_path, args, says):
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("ingest", box, "--db", db, "-q").returncode == 0
    fill = dict(box=box, tmp=tmp_path)
    r = tdkt(*[a.format(**fill) for a in args], "--db", db)
    assert r.returncode == 2, r.stderr
    assert says.format(**fill) in r.stderr
    assert "Traceback" not in r.stderr


def test_a_nightly_run_whose_inbox_is_gone_still_leaves_a_record(tmp_path):
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    shutil.rmtree(box)
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 2
    (tmp_path / "inbox").mkdir()
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    got = rows(db, "SELECT status, exit_status, error FROM runs ORDER BY started_at")
    assert [(s, e) for s, e, _ in got] == [("ok", 0), ("failed", 2), ("ok", 0)]
    assert got[1][2] == f"inbox not found: {box}"
    # the file that went with the inbox is accounted for
    assert rows(db, "SELECT status FROM files") == [("gone",)]


def test_export_into_a_folder_and_to_a_place_it_cannot_write(tmp_path):
    box = inbox(tmp_path / "inbox", names=("004_93c9989aa407a5d1.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("ingest", box, "--db", db, "-q").returncode == 0
    out = tmp_path / "xuat"
    out.mkdir()
    r = tdkt("export", "facts", "--db", db, "--out", out)
    assert r.returncode == 0, r.stderr
    assert (out / "facts.csv").stat().st_size > 0 and f"to {out / 'facts.csv'}" in r.stdout
    (tmp_path / "a_file").write_text("x")
    r = tdkt("export", "facts", "--db", db, "--out", tmp_path / "a_file" / "facts.csv")
    assert r.returncode == 2 and "cannot write to" in r.stderr and "Traceback" not in r.stderr


def test_a_line_per_file_with_the_count_and_the_time_left_when_not_a_terminal(tmp_path):
    box = inbox(tmp_path / "inbox")
    shutil.copyfile(ROOT / "tests" / "data" / "pdf" / "mot_trang_quet.pdf", box / "mot_trang_quet.pdf")
    r = tdkt("nightly", box, "--db", tmp_path / "w.duckdb")
    assert r.returncode in (0, 5), r.stderr
    lines = [x for x in r.stderr.splitlines() if x.startswith("[")]
    assert len(lines) == 4
    for i, line in enumerate(lines, start=1):
        assert re.match(rf"\[{i}/4 {100 * i // 4}% \d+ s elapsed, ETA \d+ (s|min \d\d s)\] loaded +/", line), line
    # partly read files are listed by nightly as by ingest
    assert "1 read in part" in r.stdout and "Trang 3" in r.stdout
    assert r.stdout.startswith("nightly: 4 files in")
