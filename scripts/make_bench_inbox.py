#!/usr/bin/env python3
"""Make a benchmark inbox of N distinct files from a folder of reports (default: corpus/).

Each copy has bytes of its own (so none is skipped as a duplicate) and the same
content as its original, read the same way by every reader:

* .txt/.md: blank lines appended (the text reader drops them);
* .pdf: a comment appended after ``%%EOF`` (PDF readers ignore what follows it);
* .docx: a zip archive comment (not part of any member);
* .doc: zero bytes appended after the last sector.

    .venv/bin/python scripts/make_bench_inbox.py OUT [--files 1000] [--from corpus/] [--formats txt,docx,pdf,doc]

Then ``scripts/benchmark.py OUT``.  Nothing is written outside OUT.
"""
from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def variant(src: Path, dst: Path, k: int) -> None:
    ext = src.suffix.lower()
    data = src.read_bytes()
    if ext in (".txt", ".md"):
        dst.write_bytes(data + b"\n" * (k + 1))
    elif ext == ".pdf":
        dst.write_bytes(data + b"\n%bench " + str(k).encode() + b"\n")
    elif ext == ".docx":
        shutil.copyfile(src, dst)
        with zipfile.ZipFile(dst, "a") as z:
            z.comment = f"bench {k}".encode()
    else:
        dst.write_bytes(data + b"\0" * (512 * (k + 1)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--from", dest="src", default=str(ROOT / "corpus"))
    ap.add_argument("--formats", default="txt,docx,pdf,doc", help="comma-separated extensions to use")
    a = ap.parse_args()
    if a.files < 1:
        ap.error("--files must be at least 1")
    exts = {"." + e.strip().lower().lstrip(".") for e in a.formats.split(",") if e.strip()}
    srcs = sorted(p for p in Path(a.src).iterdir() if p.is_file() and p.suffix.lower() in exts)
    if not srcs:
        ap.error(f"no {', '.join(sorted(exts))} files in {a.src}")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for i, src in zip(range(a.files), itertools.cycle(srcs)):
        k = i // len(srcs)
        variant(src, out / f"{src.stem}_{k:04d}{src.suffix}", k)
    print(f"wrote {a.files} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
