"""Versions that decide when a stored document must be read again.

``READER_VERSION`` changes when a reader or the normalization changes: the file
is read again.  ``RULES_VERSION`` changes when a rule or a rules data file
changes: the stored document model is run through the rules again, without
reading the file.  Both are content hashes of the source, so a deploy never
forgets to bump them.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TDKT_VERSION = "0.1.0"


def _hash(globs: list[str]) -> str:
    h = hashlib.sha1()
    for g in globs:
        for p in sorted(ROOT.glob(g)):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.relative_to(ROOT).as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=1)
def reader_version() -> str:
    return _hash(["extractors/*.py", "pipeline/normalize.py", "pipeline/document.py", "pipeline/layout.py",
                  "pipeline/plausible.py",
                  "pipeline/model.py"])


@lru_cache(maxsize=1)
def rules_version() -> str:
    return _hash(["rules/*.py", "rules/*.toml", "rules/data/*.toml"]) + "-" + reader_version()[:4]
