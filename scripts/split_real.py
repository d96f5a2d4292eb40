#!/usr/bin/env python3
"""Split the real-text corpus once into dev/ and test/ (a third), by a hash of each stem.

The rule is fixed before anything is scored: a document goes to test/ when the
SHA-1 of its stem, read as an integer, is divisible by 3.  Reports (kind
"report" in their gold) and passages are split by the same rule.

usage: scripts/split_real.py POOL_DIR REAL_DIR [--dry-run]
   moves POOL_DIR/*/reports/<stem>.* and POOL_DIR/*/gold/<stem>.json to
   REAL_DIR/{dev,test}/{reports,gold}/ (sources_docx/ stays in the pool)
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path


def is_test(stem: str) -> bool:
    return int(hashlib.sha1(stem.encode("utf-8")).hexdigest(), 16) % 3 == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pool", type=Path)
    ap.add_argument("real", type=Path)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args(argv)
    counts = {"dev": 0, "test": 0}
    for gold in sorted(a.pool.glob("*/gold/*.json")):
        stem = gold.stem
        split = "test" if is_test(stem) else "dev"
        docs = sorted(p for p in (gold.parent.parent / "reports").glob(stem + ".*"))
        if not docs:
            print(f"no report for {gold}", file=sys.stderr)
            continue
        counts[split] += 1
        if a.dry_run:
            continue
        for sub, files in (("gold", [gold]), ("reports", docs)):
            dest = a.real / split / sub
            dest.mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.move(str(f), dest / f.name)
    print(f"dev {counts['dev']}, test {counts['test']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
