"""Consistency checks over the warehouse: one small module per check family,
each a function ``check(ctx) -> list[Finding]``; :func:`run_checks` runs them
all and rewrites the ``findings`` table.  See docs/CHECKS.md."""
from __future__ import annotations

from .runner import CHECKS, collect, run_checks, write_findings

__all__ = ["CHECKS", "collect", "run_checks", "write_findings"]
