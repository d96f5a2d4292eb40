"""The check, nightly and compare commands as an operator runs them."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb

from test_checks_support import Doc, meta, warehouse

TDKT = [sys.executable, "-m", "pipeline.cli"]
ROOT = Path(__file__).resolve().parents[1]

REPORT = """Số: /BC-UBND

Trùng Khánh, ngày 10 tháng 12 năm 2022

BÁO CÁO

Tổng kết công tác thi đua, khen thưởng năm 2022

Hội đồng thi đua, khen thưởng huyện gồm 17 thành viên, gồm 01 Chủ tịch, 02 Phó Chủ tịch và 14 ủy viên.

Có 03/19 xã đạt 19 tiêu chí, chiếm 15,8%; 10/19 xã đạt từ 10 - 14 tiêu chí chiếm 52,6%.

Công tác khen thưởng thực hiện theo Nghị định số 91/2017/NĐ-CP ngày 30/7/2017 của Chính phủ và Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nông Văn Bộ
"""


def run(*args, timeout=300):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(TDKT + list(args), capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def planted(tmp_path):
    d = Doc("001.txt", meta(issuer="UBND huyện Trùng Khánh", district="Trùng Khánh", province="Cao Bằng",
                            period="2022", issued_year=2022))
    d.para("Có 03/19 xã đạt 19 tiêu chí, chiếm 18,5% (gồm các xã Phong Châu, Cao Chương, Ngọc Côn).")
    d.fact("03/19", "ntm.communes_standard", 3, of_total=19, stated_percent=18.5, unit="commune")
    con = warehouse(tmp_path, d)
    con.close()
    return tmp_path / "w.duckdb"


def test_check_prints_a_summary_and_records_a_run(tmp_path):
    db = planted(tmp_path)
    r = run("check", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "1 findings" in r.stdout and "percent_mismatch" in r.stdout and " s" in r.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT check_code, observed FROM findings").fetchall() == [("percent_mismatch", 18.5)]
    assert con.execute("SELECT command, status, findings FROM runs WHERE command = 'check'").fetchall() == [
        ("check", "ok", 1)]
    con.close()


def test_check_is_deterministic(tmp_path):
    db = planted(tmp_path)
    ids = []
    for _ in range(2):
        assert run("check", "--db", str(db)).returncode == 0
        con = duckdb.connect(str(db), read_only=True)
        ids.append(con.execute("SELECT finding_id, message FROM findings ORDER BY 1").fetchall())
        con.close()
    assert ids[0] == ids[1] and ids[0]


def inbox(tmp_path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "trung_khanh_2022.txt").write_text(REPORT, encoding="utf-8")
    (box / "ha_quang_2022.txt").write_text(REPORT.replace("Trùng Khánh", "Hà Quảng"), encoding="utf-8")
    return box


def test_nightly_twice_at_once(tmp_path):
    box, db = inbox(tmp_path), tmp_path / "n.duckdb"
    results = [None, None]

    def go(i):
        results[i] = run("nightly", str(box), "--db", str(db), "--wait", "240")

    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT command, status, files_seen, findings FROM runs ORDER BY started_at").fetchall()
    assert [(c, s, n) for c, s, n, _ in runs] == [("nightly", "ok", 2), ("nightly", "ok", 2)]
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    codes = {r[0] for r in con.execute("SELECT check_code FROM findings").fetchall()}
    assert "citation_mismatch" in codes
    con.close()


def test_nightly_gives_up_when_the_warehouse_stays_locked(tmp_path):
    from pipeline.checks.commands import db_lock
    box, db = inbox(tmp_path), tmp_path / "n.duckdb"
    with db_lock(db, wait=0):
        r = run("nightly", str(box), "--db", str(db), "--wait", "0.5")
    assert r.returncode == 4
    assert "another tdkt run" in r.stderr and "n.duckdb.lock" in r.stderr
    assert not db.exists()


def test_compare_prints_a_ranking(tmp_path):
    box, db = inbox(tmp_path), tmp_path / "n.duckdb"
    assert run("nightly", str(box), "--db", str(db)).returncode == 0
    r = run("compare", "--db", str(db), "--metric", "poverty")
    assert r.returncode == 0, r.stderr
    assert "poverty_rate" in r.stdout


def test_check_piped_into_a_reader_that_stops_early(tmp_path):
    """`tdkt check | head -1`: no traceback, the findings are still stored."""
    db = planted(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.Popen(TDKT + ["check", "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, cwd=ROOT)
    p.stdout.close()                         # the reader is gone before tdkt writes anything
    err = p.stderr.read().decode()
    p.wait(timeout=300)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert p.returncode in (0, 141)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM findings WHERE check_code = 'percent_mismatch'").fetchone()[0] == 1
    con.close()
