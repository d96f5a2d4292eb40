"""Checks that scale: cross-document conflicts are searched through an index of the
figures, not by comparing every pair of documents (and find exactly the same
pairs), and a night where nothing changed does not compute the findings again."""
from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pipeline.checks.base import FactRow
from pipeline.checks.conflicts import candidate_pairs, looks_restated, same_value

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _brute(by_doc):
    docs = sorted(by_doc)
    out = set()
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if any(looks_restated(x, y, within=False) and not same_value(x, y) for x in by_doc[a] for y in by_doc[b]):
                out.add((a, b))
    return out


def _fact(i, doc, value, raw, unit=None):
    return FactRow(fact_id=f"f{i}", doc_id=doc, metric="award.count", value=value, raw=raw, unit=unit)


def test_the_index_finds_exactly_the_pairs_a_full_comparison_finds():
    rng = random.Random(7)
    for trial in range(60):
        by_doc = {}
        n = 0
        for d in range(rng.randint(2, 25)):
            doc = f"d{d:02d}"
            for _ in range(rng.randint(1, 3)):
                kind = rng.random()
                if kind < 0.4:
                    v = float(rng.choice([12, 21, 120, 121, 1136, 1126, 1163, 5214, 5241, 318, 321, 0, 7, 9]))
                    raw = f"{int(v):,}".replace(",", ".")
                    unit = None
                elif kind < 0.7:
                    v = round(rng.uniform(0, 20), rng.choice([1, 2]))
                    raw = f"{v}".replace(".", ",")
                    unit = "percent"
                else:
                    v = float(rng.randint(1, 3000))
                    raw, unit = str(int(v)), None
                by_doc.setdefault(doc, []).append(_fact(n, doc, v, raw, unit))
                n += 1
        assert set(candidate_pairs(by_doc)) == _brute(by_doc), trial


def test_many_copies_of_one_figure_are_no_candidates():
    by_doc = {f"d{i:04d}": [_fact(i, f"d{i:04d}", 1136.0, "1.136")] for i in range(3000)}
    assert candidate_pairs(by_doc) == []
    by_doc["x"] = [_fact(-1, "x", 1126.0, "1.126")]
    assert len(candidate_pairs(by_doc)) == 3000                # each copy against the one that differs


def _tdkt(*args):
    exe = Path(sys.executable).parent / "tdkt"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]
    return subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True, timeout=600, cwd=ROOT)


def _findings(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT finding_id, message, created_at FROM findings ORDER BY finding_id").fetchall()
    finally:
        con.close()


def test_an_unchanged_night_does_not_compute_the_findings_again(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(p, box / p.name)
    db = tmp_path / "w.duckdb"
    first = _tdkt("nightly", box, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "unchanged since the last check" not in first.stdout
    before = _findings(db)
    assert before
    second = _tdkt("nightly", box, "--db", db)
    assert second.returncode == 0, second.stderr
    assert "unchanged since the last check (nothing to compute)" in second.stdout
    assert _findings(db) == before                            # the same rows, not even rewritten
    check = _tdkt("check", "--db", db)
    assert "unchanged since the last check" in check.stdout and _findings(db) == before
    shutil.copy(sorted(CORPUS.glob("*.txt"))[4], box)          # a new report: computed again
    third = _tdkt("nightly", box, "--db", db)
    assert third.returncode == 0 and "unchanged since the last check" not in third.stdout
    after = _findings(db)
    assert {r[0] for r in before} <= {r[0] for r in after} and after[0][2] > before[0][2]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT findings FROM runs WHERE command = 'nightly' ORDER BY started_at").fetchall() == \
        [(len(before),), (len(before),), (len(after),)]
    con.close()
