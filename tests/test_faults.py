"""Faults an unattended run meets: kill -9 at any moment, SIGTERM from systemd, the main
process dying under its reader workers.  Each is followed by the next night's run, and
the warehouse must end as a clean run leaves it, with records that say what happened."""
from __future__ import annotations

import random
import shutil
import signal
import threading
import time

from nightly_support import CORPUS, ROOT, alive, children, content, inbox, rows, start, tdkt, wait_for

from hostile_support import slow_txt

KILLS = 20


def _small_inbox(folder):
    box = inbox(folder, names=("003_30d1184c9269a7e2.txt", "004_93c9989aa407a5d1.txt"))
    shutil.copyfile(CORPUS / "004_93c9989aa407a5d1.txt", box / "004_gui_lai.txt")     # the same bytes again
    shutil.copyfile(ROOT / "tests" / "data" / "bad" / "ghi_chu.xyz", box / "ghi_chu.xyz")
    return box


def _chain(box, db, seed: int, kills: int, seconds: tuple[float, float], log: list) -> None:
    """``seconds``: how long a run on a new warehouse and an unchanged run take (the kill
    falls somewhere within the run)."""
    rng = random.Random(seed)
    for i in range(kills):
        mode = i % 3
        if mode == 0:
            for p in db.parent.glob(db.name + "*"):
                p.unlink()
        args = ["nightly", box, "--db", db, "-q"] + (["--force"] if mode == 1 else [])
        p = start(*args)
        # the kill falls within the first seven tenths of a run as long as the measured one: a run in a chain,
        # beside another chain (or on a loaded machine), may go quicker than the measured one and finish first
        time.sleep(rng.uniform(0.05, 0.7 * (seconds[1] if mode == 2 else seconds[0])))
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=60)
        r = tdkt("nightly", box, "--db", db, "-q", "--wait", "30")
        killed = rows(db, "SELECT count(*) FROM runs WHERE status = 'killed'")[0][0]
        log.append((seed, i, mode, p.returncode, r.returncode, r.stderr[-500:], killed))


def test_kill_9_anywhere_then_the_next_run_gives_the_clean_warehouse(tmp_path):
    box = _small_inbox(tmp_path / "inbox")
    clean = tmp_path / "clean" / "w.duckdb"
    clean.parent.mkdir()
    t0 = time.monotonic()
    assert tdkt("nightly", box, "--db", clean, "-q").returncode == 0
    t1 = time.monotonic()
    assert tdkt("nightly", box, "--db", clean, "-q").returncode == 0
    seconds = (t1 - t0, time.monotonic() - t1)
    want = content(clean)
    assert len(want["documents"]) == 3 and len(want["files"]) == 4 and want["findings"]
    dbs = [tmp_path / f"chain{k}" / "w.duckdb" for k in range(2)]
    for d in dbs:
        d.parent.mkdir()
    log: list = []
    threads = [threading.Thread(target=_chain, args=(box, d, 1000 + k, KILLS // 2, seconds, log))
               for k, d in enumerate(dbs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(log) == KILLS
    assert [x for x in log if x[4] != 0] == [], log                     # every next run went through
    assert sum(x[3] == -signal.SIGKILL for x in log) >= KILLS // 2, log   # (a quick run may finish first)
    # a run killed after it took the lock is on record as killed from the next run on
    found = sum(1 for k in range(len(log)) if log[k][6] > (log[k - 1][6] if k and log[k][2] != 0 else 0))
    assert found >= KILLS // 4, log
    for d in dbs:
        assert content(d) == want
        statuses = rows(d, "SELECT status, count(*) FROM runs GROUP BY 1 ORDER BY 1")
        assert "running" not in dict(statuses), statuses
        assert not (d.parent / "w.duckdb.work").exists()


def test_sigterm_stops_the_run_keeps_what_was_loaded_and_says_interrupted(tmp_path):
    box = inbox(tmp_path / "inbox")
    slow_txt(box / "zz_cham.txt", kb=300)            # read last, and slow enough to be caught in it
    db = tmp_path / "w.duckdb"
    p = start("nightly", box, "--db", db)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(p.stderr.readline, "")), daemon=True)
    reader.start()
    assert wait_for(lambda: sum("] loaded" in x for x in lines) >= 3, timeout=120), lines
    workers = children(p.pid)
    assert workers
    t0 = time.monotonic()
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=60)
    stopped = time.monotonic() - t0
    reader.join(timeout=10)
    assert p.returncode == 128 + signal.SIGTERM
    assert stopped < 20
    assert any("stopped by SIGTERM" in x for x in lines)
    assert wait_for(lambda: not any(alive(w) for w in workers), timeout=10)
    [(status, error, code, loaded)] = rows(db, "SELECT status, error, exit_status, files_loaded FROM runs")
    assert (status, code, loaded) == ("interrupted", 143, 3)
    assert error == "stopped by SIGTERM after 3 of 4 files"
    # what was loaded is published; the file being read is not marked as failed
    assert rows(db, "SELECT count(*) FROM documents WHERE status = 'ok'") == [(3,)]
    assert rows(db, "SELECT count(*) FROM documents WHERE path LIKE '%zz_cham.txt'") == [(0,)]
    assert (tmp_path / "w.duckdb.lock").read_text() == ""


def test_workers_die_with_the_main_process_and_hold_nothing(tmp_path):
    box = inbox(tmp_path / "inbox", names=())
    for k in range(2):
        slow_txt(box / f"cham_{k}.txt", kb=300 + k)
    db = tmp_path / "w.duckdb"
    cfg = tmp_path / "tdkt.toml"
    cfg.write_text("[limits]\nseconds = 2\n", encoding="utf-8")
    p = start("nightly", box, "--db", db, "--workers", "2", "--config", cfg)
    assert wait_for(lambda: len([c for c in children(p.pid) if alive(c)]) >= 2, timeout=60)
    time.sleep(1.0)                                           # both busy reading
    workers = children(p.pid)
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=30)
    assert wait_for(lambda: not any(alive(w) for w in workers), timeout=5), [w for w in workers if alive(w)]
    t0 = time.monotonic()
    r = tdkt("nightly", box, "--db", db, "--wait", "0", "--config", cfg, "-q")
    assert r.returncode == 0, r.stderr                       # no lock left behind, not even for a moment
    assert time.monotonic() - t0 < 60
    got = rows(db, "SELECT status, error FROM runs ORDER BY started_at")
    assert [s for s, _ in got] == ["killed", "ok"]
    assert f"pid {p.pid}" in got[0][1]
    # the two slow files were stopped at the time limit, with the reason, and are not tried again
    failed = rows(db, "SELECT status, limit_hit, error FROM documents ORDER BY path")
    assert [(s, lim) for s, lim, _ in failed] == [("failed", "seconds=2")] * 2
    assert all("quá 2 giây" in e for _, _, e in failed)
    again = tdkt("nightly", box, "--db", db, "--config", cfg, "-q")
    assert again.returncode == 0
    assert rows(db, "SELECT files_skipped, files_loaded FROM runs ORDER BY started_at DESC LIMIT 1") == [(2, 0)]
