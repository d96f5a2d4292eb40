#!/usr/bin/env python3
"""Write N copies of the corpus's .txt reports (and the workbench reports), each
with distinct bytes (a numbered line at the end), into a folder outside the
repository: a large inbox for scripts/benchmark.py and `tdkt review` timings.

    .venv/bin/python scripts/make_copies.py OUT_DIR [--n 1000]
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=1000)
    a = ap.parse_args()
    src = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "workbench").glob("*.txt"))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(a.n):
        s = src[i % len(src)]
        (out / f"{i:04d}_{s.name}").write_text(s.read_text(encoding="utf-8") + f"\n\nBản lưu số {i}.\n",
                                               encoding="utf-8")
    print(f"wrote {a.n} files to {out}")


if __name__ == "__main__":
    main()
