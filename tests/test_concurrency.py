"""Analysts and the nightly run on one warehouse (docs/CONCURRENCY.md): a read-only
connection never blocks the run and is never blocked by it; a connection opened for
writing is waited for and named; every run, refused ones included, leaves a runs row;
a lock left by a dead run is recognised; a damaged warehouse stops the run unchanged."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import duckdb

from nightly_support import CORPUS, ROOT, env, inbox, rows, start, tdkt

ANALYST = textwrap.dedent("""
    import duckdb, sys, time, json
    db, stop = sys.argv[1], sys.argv[2]
    con = duckdb.connect(db, read_only=True)
    log = []
    print("open", flush=True)
    import os
    while not os.path.exists(stop):
        t = time.time()
        try:
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            f = con.execute("SELECT count(*) FROM v_facts").fetchone()[0]
            log.append([t, time.time(), n, f, None])
        except Exception as e:
            log.append([t, time.time(), None, None, str(e)])
        time.sleep(0.05)
    con.close()
    con = duckdb.connect(db, read_only=True)
    after = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(json.dumps(dict(log=log, after=after)), flush=True)
""")


def test_nightly_runs_while_an_analyst_queries_read_only(tmp_path):
    box = inbox(tmp_path / "inbox", names=("000_3a864a165f113b92.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    stop = tmp_path / "stop"
    analyst = subprocess.Popen([sys.executable, "-c", ANALYST, str(db), str(stop)], stdout=subprocess.PIPE,
                               text=True, env=env())
    assert analyst.stdout.readline().strip() == "open"
    for name in ("001_03026f8b928707b4.txt", "002_0e22d76ab771f56c.txt", "004_93c9989aa407a5d1.docx",
                 "003_30d1184c9269a7e2.pdf"):
        shutil.copyfile(CORPUS / name, box / name)
    t0 = time.time()
    r = tdkt("nightly", box, "--db", db, "--wait", "0")     # no waiting: the reader must not be in its way
    t1 = time.time()
    stop.touch()
    out, _ = analyst.communicate(timeout=60)
    assert r.returncode == 0, r.stderr
    res = json.loads(out)
    during = [x for x in res["log"] if t0 <= x[0] and x[1] <= t1]
    assert [x for x in res["log"] if x[4]] == []                     # not one query failed
    assert len(during) >= 10                                          # the analyst kept querying
    assert {x[2] for x in during} == {1}                              # ... the evening's snapshot
    assert res["after"] == 5                                          # reconnecting shows the night's
    assert rows(db, "SELECT command, status, files_loaded, exit_status FROM runs ORDER BY started_at") == [
        ("nightly", "ok", 1, 0), ("nightly", "ok", 4, 0)]
    assert (tmp_path / "w.duckdb.prev").exists()                      # the replaced warehouse, kept once


HOLD_RW = textwrap.dedent("""
    import duckdb, sys, time
    con = duckdb.connect(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    con.close()
""")


def test_a_writer_left_open_is_waited_for_then_named_and_the_refusal_recorded(tmp_path):
    box = inbox(tmp_path / "inbox", names=("000_3a864a165f113b92.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD_RW, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env())
    assert holder.stdout.readline().strip() == "open"
    t0 = time.monotonic()
    r = tdkt("nightly", box, "--db", db, "--wait", "1.5")
    waited = time.monotonic() - t0
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=30)
    assert r.returncode == 4, r.stderr
    assert f"pid {holder.pid}" in r.stderr and "open it read-only" in r.stderr
    assert waited >= 1.5
    journal = [json.loads(x) for x in (tmp_path / "w.duckdb.runs.jsonl").read_text().splitlines()]
    assert [(j["status"], j["exit_status"]) for j in journal] == [("refused", 4)]
    # the next run brings the refusal into runs, then forgets the journal
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    got = rows(db, "SELECT status, exit_status, error FROM runs ORDER BY started_at")
    assert [(s, e) for s, e, _ in got] == [("ok", 0), ("refused", 4), ("ok", 0)]
    assert f"pid {holder.pid}" in got[1][2]
    assert not (tmp_path / "w.duckdb.runs.jsonl").exists()


def test_a_second_run_waits_then_is_refused_with_a_row(tmp_path):
    from warehouse.session import Holder, Lock

    box = inbox(tmp_path / "inbox", names=("000_3a864a165f113b92.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    lock = Lock(db)
    lock.acquire(0, Holder(pid=os.getpid(), run_id="r-holding", command="nightly", started_at="now"), None)
    try:
        r = tdkt("ingest", box, "--db", db, "--wait", "0.5")
    finally:
        lock.release()
    assert r.returncode == 4
    assert "another tdkt run holds" in r.stderr and "run r-holding" in r.stderr and f"pid {os.getpid()}" in r.stderr
    assert tdkt("check", "--db", db).returncode == 0
    assert [s for s, in rows(db, "SELECT status FROM runs ORDER BY started_at")] == ["ok", "refused", "ok"]


def test_a_lock_left_by_a_dead_run_is_recognised_and_that_run_recorded_killed(tmp_path):
    box = inbox(tmp_path / "inbox", names=("000_3a864a165f113b92.txt",))
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "w.duckdb.lock").write_text(json.dumps(dict(
        pid=dead.pid, run_id="deadbeef0001", command="nightly", args=[str(box)], started_at="2024-01-01 01:30:00")))
    r = tdkt("nightly", box, "--db", db, "--wait", "0", "-q")
    assert r.returncode == 0, r.stderr
    got = rows(db, "SELECT run_id, status, error FROM runs WHERE status <> 'ok'")
    assert len(got) == 1 and got[0][:2] == ("deadbeef0001", "killed")
    assert f"pid {dead.pid}" in got[0][2]
    assert (tmp_path / "w.duckdb.lock").read_text() == ""             # let go cleanly this time


def test_a_damaged_warehouse_stops_the_run_and_keeps_its_findings(tmp_path):
    box = inbox(tmp_path / "inbox")
    db = tmp_path / "w.duckdb"
    for _ in range(2):      # the second run keeps the first one's warehouse as w.duckdb.prev
        assert tdkt("nightly", box, "--db", db, "-q").returncode in (0, 5)
    con = duckdb.connect(str(db))
    n_findings = con.execute("SELECT count(*) FROM findings").fetchone()[0]
    doc = con.execute("SELECT doc_id FROM documents ORDER BY n_facts DESC LIMIT 1").fetchone()[0]
    con.execute("DELETE FROM facts WHERE doc_id = ? AND fact_id NOT IN (SELECT unnest(fact_ids) FROM findings) "
                "AND parent_fact_id IS NULL AND fact_id NOT IN (SELECT parent_fact_id FROM facts "
                "WHERE parent_fact_id IS NOT NULL)", [doc])
    con.close()
    before = rows(db, "SELECT finding_id FROM findings ORDER BY 1")
    r = tdkt("nightly", box, "--db", db)
    assert r.returncode == 6, r.stderr
    assert "fails its integrity check" in r.stderr and "facts they were stored with" in r.stderr
    assert "Nothing was changed" in r.stderr
    assert rows(db, "SELECT finding_id FROM findings ORDER BY 1") == before and len(before) == n_findings
    journal = [json.loads(x) for x in (tmp_path / "w.duckdb.runs.jsonl").read_text().splitlines()]
    assert [j["status"] for j in journal] == ["damaged"]
    assert not (tmp_path / "w.duckdb.work").exists()
    # the copy kept from the run before is whole: put it back and the night goes on
    shutil.copyfile(tmp_path / "w.duckdb.prev", db)
    r = tdkt("nightly", box, "--db", db, "-q")
    assert r.returncode in (0, 5), r.stderr
    assert rows(db, "SELECT status FROM runs WHERE status = 'damaged'") == [("damaged",)]


def test_nightly_twice_at_once_runs_one_after_the_other(tmp_path):
    box = inbox(tmp_path / "inbox")
    db = tmp_path / "w.duckdb"
    a = start("nightly", box, "--db", db, "-q")
    b = start("nightly", box, "--db", db, "-q")
    outs = [p.communicate(timeout=300) for p in (a, b)]
    assert [p.returncode for p in (a, b)] in ([0, 0], [5, 5]), outs
    got = rows(db, "SELECT status, started_at, finished_at FROM runs ORDER BY started_at")
    assert len(got) == 2 and got[0][2] <= got[1][1] + (got[1][2] - got[1][1])
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]
    assert "waiting for another tdkt run" in outs[0][1] + outs[1][1]


def test_read_commands_never_block_a_run_nor_create_a_warehouse(tmp_path):
    db = tmp_path / "nope" / "w.duckdb"
    for args in (["export", "facts"], ["compare"], ["check"], ["eval", ROOT / "tests" / "data" / "gold_seeds"],
                 ["review"], ["review", "list"], ["review", "mark", "f-1", "confirmed"]):
        r = tdkt(*args, "--db", db, cwd=tmp_path)
        assert r.returncode == 2, (args, r.stderr)
        assert f"no warehouse at {db}" in r.stderr and "Traceback" not in r.stderr
    assert not db.exists() and not db.parent.exists()
