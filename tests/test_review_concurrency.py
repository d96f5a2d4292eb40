"""An analyst's review and the nightly run on one warehouse: `tdkt review mark` is a
writing run like `nightly` (warehouse.session), so while a nightly run holds the
warehouse it waits its turn or, past --wait, gives up with the contention message
and a `refused` row — it never fails on DuckDB's lock, never writes behind the
night's back, and is kept once the night has published.  Reading the reviews
(`tdkt review list`) goes on during the run."""
from __future__ import annotations

import json
import os
import signal

from nightly_support import inbox, rows, start, tdkt, wait_for


def _holder(db) -> dict:
    try:
        return json.loads((db.parent / (db.name + ".lock")).read_text() or "{}")
    except (OSError, ValueError):
        return {}


def test_a_review_during_a_nightly_run_waits_or_is_refused_then_is_kept(tmp_path):
    box = inbox(tmp_path / "inbox")
    db = tmp_path / "w.duckdb"
    assert tdkt("nightly", box, "--db", db, "-q").returncode in (0, 5)
    (fid,), = rows(db, "SELECT finding_id FROM findings WHERE severity <> 'info' ORDER BY finding_id LIMIT 1")

    night = start("nightly", box, "--db", db, "--force", "-q")
    try:
        assert wait_for(lambda: _holder(db).get("command") == "nightly", timeout=60)
        os.kill(night.pid, signal.SIGSTOP)              # the night holds the warehouse for as long as we like
        # past --wait: the contention message, exit 4, nothing written, the refusal kept
        r = tdkt("review", "mark", fid, "false_alarm", "--db", db, "--wait", "0.5")
        assert r.returncode == 4, r.stderr
        assert "another tdkt run holds" in r.stderr and f"tdkt nightly (pid {night.pid}" in r.stderr
        assert "Traceback" not in r.stderr and "đã ghi" not in r.stdout
        # reading goes on
        r = tdkt("review", "list", "--db", db)
        assert r.returncode == 0 and "không có đánh giá nào" in r.stdout
        # within --wait: it says it waits, then carries on once the night has published
        mark = start("review", "mark", fid, "false_alarm", "--note", "đã rà soát", "--db", db, "--wait", "120")
        assert "waiting for another tdkt run to finish (tdkt nightly" in mark.stderr.readline()
        assert rows(db, "SELECT count(*) FROM reviews") == [(0,)]
        os.kill(night.pid, signal.SIGCONT)
        n_out, n_err = night.communicate(timeout=300)
        m_out, m_err = mark.communicate(timeout=300)
    finally:
        if night.poll() is None:
            os.kill(night.pid, signal.SIGCONT)
            night.kill()
    assert night.returncode in (0, 5), n_err
    assert mark.returncode == 0, m_err
    assert f"đã ghi: phát hiện {fid}" in m_out
    # the verdict is in the published warehouse, on top of the night's work, and is used by check
    assert rows(db, "SELECT target_id, action, note FROM reviews") == [(fid, "false_alarm", "đã rà soát")]
    assert rows(db, "SELECT verdict FROM v_finding_reviews WHERE finding_id = ?", [fid]) == [("false_alarm",)]
    got = rows(db, "SELECT command, status, exit_status FROM runs ORDER BY started_at")
    night_row = ("nightly", "ok" if night.returncode == 0 else "failed", night.returncode)
    assert sorted(got[1:]) == sorted([night_row, ("review mark", "refused", 4), ("review mark", "ok", 0)])
    assert got[-1] == ("review mark", "ok", 0)
    r = tdkt("check", "--db", db)
    assert "1 phát hiện đã được đánh dấu báo động giả" in r.stdout
