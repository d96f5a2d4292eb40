"""The warehouse's own integrity check, run before a writer changes anything and
again before it publishes.

DuckDB checks its blocks as it reads them; what it cannot know is whether the
rows still agree with each other.  :func:`problems` lists, in plain words, every
way they do not: a schema newer than this tdkt or missing a table, rows that
belong to no document, a document whose stored counts of facts and blocks are
not the rows it has, a readable document without its text.  An empty list means
the warehouse is whole.
"""
from __future__ import annotations

from .db import migrations

TABLES = ("documents", "document_text", "blocks", "facts", "honorees", "citations", "findings", "runs", "files",
          "schema_migrations")
CHILDREN = ("document_text", "blocks", "facts", "honorees", "citations")


def _scalar(con, sql: str, params=None) -> int:
    return con.execute(sql, params or []).fetchone()[0]


def problems(con) -> list[str]:
    out: list[str] = []
    have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                      "WHERE table_schema = 'main'").fetchall()}
    missing = [t for t in TABLES if t not in have]
    if missing:
        return [f"missing tables: {', '.join(missing)}"]
    known = {v for v, _, _ in migrations()}
    applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    newer = sorted(applied - known)
    if newer:
        out.append(f"schema migrations {', '.join(f'{v:03d}' for v in newer)} come from a newer tdkt")
    not_applied = sorted(known - applied)
    if not_applied:
        out.append(f"schema migrations {', '.join(f'{v:03d}' for v in not_applied)} were never applied")
    for t in CHILDREN:
        n = _scalar(con, f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        if n:
            out.append(f"{n} rows of {t} belong to no document")
    n = _scalar(con, "SELECT count(*) FROM documents d WHERE status = 'ok' "
                     "AND NOT EXISTS (SELECT 1 FROM document_text t WHERE t.doc_id = d.doc_id)")
    if n:
        out.append(f"{n} readable documents have lost their text")
    for col, table in (("n_facts", "facts"), ("n_blocks", "blocks")):
        rows = con.execute(
            f"SELECT d.path, d.{col}, count(c.doc_id) FROM documents d LEFT JOIN {table} c USING (doc_id) "
            f"WHERE d.status = 'ok' AND d.{col} IS NOT NULL GROUP BY d.doc_id, d.path, d.{col} "
            f"HAVING count(c.doc_id) <> d.{col} ORDER BY d.path").fetchall()
        if rows:
            p, said, has = rows[0]
            out.append(f"{len(rows)} documents do not have the {table} they were stored with "
                       f"(e.g. {p}: {said} stored, {has} left)")
    n = _scalar(con, "SELECT count(*) FROM findings WHERE doc_id IS NOT NULL "
                     "AND doc_id NOT IN (SELECT doc_id FROM documents)")
    if n:
        out.append(f"{n} findings are about documents that are not there")
    n = _scalar(con, "SELECT count(*) FROM facts WHERE parent_fact_id IS NOT NULL "
                     "AND parent_fact_id NOT IN (SELECT fact_id FROM facts)")
    if n:
        out.append(f"{n} facts point at a total that is not there")
    return out
