"""The rule vocabularies under ``rules/`` (``awards.toml``, ``metrics.toml``,
``tables.toml``), each parsed once per process and shared by the modules that
read it.  Callers must not change the returned dicts."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


def pattern(source: str) -> str:
    """A pattern written in one of these files, ready to compile: its lexicon references
    (``{village}``, ``{NUM}``) expanded and its tone marks in the match form's placement."""
    from pipeline.normalize import canonical_tones

    from .lexicon import X
    return canonical_tones(X(source))
