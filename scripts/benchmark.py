#!/usr/bin/env python3
"""Measure tdkt's speed and memory on a folder of reports (default: corpus/).

Prints, per format: files, seconds, files/s, pages/s (PDF), facts, and the
reading and rule time per document; then a re-run of the same ingest
(unchanged files are skipped), `tdkt check`, `tdkt review` (the review
site), and the peak memory of the process.  For a large inbox,
``scripts/make_copies.py`` writes N copies of the corpus with distinct bytes.  Nothing is asserted: this is a measurement, run by hand or nightly.

    .venv/bin/python scripts/benchmark.py [FOLDER] [--workers N] [--repeat K]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import extract, format_of  # noqa: E402
from pipeline.ingest import discover, ingest  # noqa: E402
from warehouse import connect  # noqa: E402

import rules  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "corpus"))
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="timing repeats for the per-document split (median)")
    a = ap.parse_args()

    files = [p for p in discover([a.folder]) if format_of(p)]
    by_fmt: dict[str, list[Path]] = defaultdict(list)
    for p in files:
        by_fmt[format_of(p)].append(p)

    print(f"{len(files)} files under {a.folder}\n")
    print(f"{'format':<6} {'files':>5} {'read s/doc':>11} {'rules s/doc':>12} {'pages':>6} {'pages/s':>8} {'facts':>6}")
    for fmt, paths in sorted(by_fmt.items()):
        read_t, rule_t, pages, facts = [], [], 0, 0
        for p in paths:
            rt, ut = [], []
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                doc = extract(str(p))
                t1 = time.perf_counter()
                ex = rules.read(doc)
                t2 = time.perf_counter()
                rt.append(t1 - t0)
                ut.append(t2 - t1)
            read_t.append(statistics.median(rt))
            rule_t.append(statistics.median(ut))
            pages += doc.pages or 0
            facts += len(ex.facts)
        pps = f"{pages / sum(read_t):8.1f}" if pages else f"{'':>8}"
        print(f"{fmt:<6} {len(paths):>5} {statistics.mean(read_t):>11.3f} {statistics.mean(rule_t):>12.3f} "
              f"{pages or '':>6} {pps} {facts:>6}")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        con = connect(db)
        t0 = time.perf_counter()
        s1 = ingest([a.folder], con, workers=a.workers)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        ingest([a.folder], con, workers=a.workers)
        second = time.perf_counter() - t0
        con.close()
        print(f"\ningest (workers={a.workers}): {len(s1.results)} files in {first:.2f} s "
              f"= {len(s1.results) / first:.1f} files/s; re-run of unchanged files {second:.2f} s "
              f"({second / first:.0%} of the first)")
        try:
            from pipeline.checks import run_checks  # noqa: F401
            import subprocess
            t0 = time.perf_counter()
            subprocess.run([shutil.which("tdkt") or str(ROOT / ".venv/bin/tdkt"), "check", "--db", str(db)],
                           check=True, capture_output=True)
            print(f"tdkt check: {time.perf_counter() - t0:.2f} s (a fresh process, opening the warehouse included)")
        except Exception as e:  # pragma: no cover - checks not installed
            print(f"tdkt check: not measured ({e})")
        t0 = time.perf_counter()
        subprocess.run([shutil.which("tdkt") or str(ROOT / ".venv/bin/tdkt"), "review", "--db", str(db), "--out",
                        str(Path(tmp) / "site")], check=True, capture_output=True)
        pages = len(list((Path(tmp) / "site" / "docs").glob("*.html")))
        print(f"tdkt review: {time.perf_counter() - t0:.2f} s for {pages} document pages (a fresh process)")
    print(f"peak memory of this process: {peak_mb():.0f} MB")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of a child process (reader workers, LibreOffice, tdkt check): {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
