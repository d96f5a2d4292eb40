"""Incremental checks: the findings are computed again only when what they are
computed from has changed.

The fingerprint hashes the checks' own code (``pipeline/checks/*.py``), the rules'
version (the data files the checks read, such as quotas and legal documents, are
rules data), for every document with status ``ok`` its ``doc_id`` (its
content) and ``rules_version`` (how its facts were read), and the analysts'
reviews (a correction changes what the checks read).  Any new, changed,
removed or re-read document, or a new deploy of the checks, changes it.  It is
stored in ``check_state`` (migration 041) with the findings it gave, in the same
transaction as the findings.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

NAME = "all"


@lru_cache(maxsize=1)
def code_version() -> str:
    h = hashlib.sha1()
    for p in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def fingerprint(con) -> str:
    from pipeline.versions import rules_version

    h = hashlib.sha1(f"{code_version()}\x1f{rules_version()}".encode())
    for doc_id, rv in con.execute("SELECT doc_id, rules_version FROM documents WHERE status = 'ok' "
                                  "ORDER BY doc_id").fetchall():
        h.update(f"{doc_id}\x1f{rv}\x1e".encode())
    h.update(repr(_reviews(con)).encode())
    return h.hexdigest()


def _reviews(con) -> tuple:
    """The analysts' reviews (append-only): a correction changes the facts the checks read."""
    try:
        return tuple(con.execute("SELECT count(*), max(created_at), max(review_id) FROM reviews").fetchone())
    except Exception:               # a warehouse without the reviews table
        return ()


def stored(con) -> Optional[tuple[str, int]]:
    r = con.execute("SELECT fingerprint, findings FROM check_state WHERE name = ?", [NAME]).fetchone()
    return (r[0], r[1]) if r else None


def unchanged(con, fp: str) -> bool:
    """The findings in the warehouse were computed from exactly this state."""
    s = stored(con)
    if s is None or s[0] != fp:
        return False
    return con.execute("SELECT count(*) FROM findings").fetchone()[0] == s[1]


def save(con, fp: str, findings: int) -> None:
    """Record the state (call inside the transaction that wrote the findings)."""
    con.execute("DELETE FROM check_state WHERE name = ?", [NAME])
    con.execute("INSERT INTO check_state VALUES (?, ?, ?, now())", [NAME, fp, findings])
