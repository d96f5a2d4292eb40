"""The ingest loop and the CLI as a subprocess: idempotent re-runs, files changed
in place, rules re-run from the stored model, parallel workers, exports, eval."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from rules_support import CORPUS, DATA, ROOT

TDKT = [sys.executable, "-m", "pipeline.cli"]


def run(*args, cwd=None, ok=True):
    p = subprocess.run([*TDKT, *map(str, args)], cwd=cwd or ROOT, capture_output=True, text=True)
    if ok:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture
def inbox(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copy(p, d / p.name)
    return d


def facts_of(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT fact_id, doc_id, metric, value, char_start FROM facts ORDER BY fact_id").fetchall()
    finally:
        con.close()


def test_rerun_is_idempotent_and_skips_unchanged_files(inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    first = run("ingest", inbox, "--db", db)
    assert "5 read" in first.stdout and "0 not readable" in first.stdout
    before = facts_of(db)
    assert len(before) > 300
    second = run("ingest", inbox, "--db", db)
    assert "5 unchanged" in second.stdout and "0 read" in second.stdout
    assert facts_of(db) == before           # same rows, same ids
    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT command, status, files_loaded, files_skipped FROM runs ORDER BY started_at").fetchall()
    con.close()
    assert runs == [("ingest", "ok", 5, 0), ("ingest", "ok", 0, 5)]


def test_a_file_changed_in_place_replaces_its_rows(inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    run("ingest", inbox, "--db", db)
    f = inbox / "004_93c9989aa407a5d1.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("945 hộ nghèo", "954 hộ nghèo"), encoding="utf-8")
    out = run("ingest", inbox, "--db", db)
    assert "1 read" in out.stdout and "4 unchanged" in out.stdout
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT count(*) FROM documents WHERE path LIKE '%004_93c9989aa407a5d1.txt'").fetchone()[0]
    poor = con.execute("SELECT value FROM facts WHERE metric = 'poverty.poor_households'").fetchall()
    orphans = con.execute("SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
    con.close()
    assert rows == 1 and orphans == 0
    assert sorted(v for (v,) in poor) == [954, 5858]


def test_new_rules_rerun_from_the_stored_model_without_reading_files(inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    run("ingest", inbox, "--db", db)
    before = facts_of(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET rules_version = 'older'")
    con.close()
    out = run("ingest", inbox, "--db", db)
    assert "5 re-run through new rules" in out.stdout and "0 read" in out.stdout
    assert facts_of(db) == before


def test_rerun_uses_the_stored_model_not_the_reader(inbox, tmp_path, monkeypatch):
    from pipeline import ingest as ing
    from warehouse import connect

    con = connect(tmp_path / "w.duckdb")
    ing.ingest([inbox], con)
    con.execute("UPDATE documents SET rules_version = 'older'")

    def no_reading(*a, **k):
        raise AssertionError("a file was read again")

    monkeypatch.setattr(ing, "read_file", no_reading)
    summary = ing.ingest([inbox], con)
    con.close()
    assert summary.count("rerun") == 5


def test_parallel_workers_give_the_same_facts(inbox, tmp_path):
    run("ingest", inbox, "--db", tmp_path / "a.duckdb")
    run("ingest", inbox, "--db", tmp_path / "b.duckdb", "--workers", "2")
    assert facts_of(tmp_path / "a.duckdb") == facts_of(tmp_path / "b.duckdb")


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl", "xlsx"])
def test_export_every_format(inbox, tmp_path, fmt):
    db = tmp_path / "w.duckdb"
    run("ingest", inbox, "--db", db)
    out = tmp_path / f"facts.{fmt}"
    r = run("export", "facts", "--db", db, "--format", fmt, "--out", out)
    n = len(facts_of(db))
    assert f"wrote {n} rows" in r.stdout and out.stat().st_size > 0
    if fmt == "csv":
        import pandas as pd
        assert len(pd.read_csv(out)) == n
    elif fmt == "parquet":
        assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == n
    elif fmt == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == n and "metric" in json.loads(lines[0])
    else:
        import pandas as pd
        assert len(pd.read_excel(out)) == n


def test_export_errors_are_clear(inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    run("ingest", inbox, "--db", db)
    r = run("export", "no_such_table", "--db", db, ok=False)
    assert r.returncode == 2 and "no table or view named 'no_such_table'" in r.stderr


def test_eval_prints_the_scores_and_the_misses(inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    run("ingest", inbox, "--db", db)
    r = run("eval", DATA / "gold_seeds", "--db", db, "--json", tmp_path / "score.json", "--min-f1", "0.97")
    assert "F1 1.000" in r.stdout and "metadata 1.0" in r.stdout
    s = json.loads((tmp_path / "score.json").read_text(encoding="utf-8"))["summary"]
    assert s["f1"] == 1.0 and s["families"]["award"]["tp"] == 56
    # a gold the warehouse cannot meet: exit 1, and the miss is printed
    g = tmp_path / "gold"
    g.mkdir()
    gold = json.loads((DATA / "gold_seeds" / "001_03026f8b928707b4.json").read_text(encoding="utf-8"))
    gold["facts"].append({"metric": "award.count", "award": "anh_hung_lao_dong", "recipient": "ca_nhan", "value": 7})
    (g / "001_03026f8b928707b4.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    r = run("eval", g, "--db", db, "--min-f1", "0.999", ok=False)
    assert r.returncode == 1 and "missed    metric=award.count, award=anh_hung_lao_dong" in r.stdout


def test_a_pdf_read_in_part_says_so_and_keeps_saying_so(tmp_path):
    """Page 3 of mot_trang_quet.pdf is a scan: the document is `ok` (pages 1-2 were
    read), the summary and documents.warnings name the page, and a rules-only re-run
    (which never opens the file) keeps the warning."""
    box = tmp_path / "inbox"
    box.mkdir()
    shutil.copy(DATA / "pdf" / "mot_trang_quet.pdf", box / "mot_trang_quet.pdf")
    db = tmp_path / "w.duckdb"
    out = run("ingest", box, "--db", db)
    assert "1 read in part" in out.stdout and "Trang 3" in out.stdout
    con = duckdb.connect(str(db))
    status, warnings = con.execute("SELECT status, warnings FROM documents").fetchone()
    assert status == "ok" and warnings.startswith("Trang 3 ") and "OCR" in warnings
    con.execute("UPDATE documents SET rules_version = 'older'")
    con.close()
    out = run("ingest", box, "--db", db)
    assert "1 re-run through new rules" in out.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT warnings FROM documents").fetchone()[0] == warnings
    con.close()
