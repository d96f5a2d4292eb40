"""Opening the DuckDB warehouse and applying numbered schema migrations.

Migrations are the files ``warehouse/migrations/NNN_name.sql``; each is applied
once, inside a transaction, and recorded in ``schema_migrations``.  Views live in
``warehouse/views/*.sql`` and are (re)created on every open, since they hold no
data and change with the code.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
MIGRATIONS = HERE / "migrations"
VIEWS = HERE / "views"
DEFAULT_DB = Path("warehouse") / "tdkt.duckdb"


class WarehouseError(Exception):
    """The warehouse could not be opened or migrated (a message for a person)."""


def migrations() -> list[tuple[int, str, Path]]:
    out = []
    for p in sorted(MIGRATIONS.glob("*.sql")):
        m = re.match(r"^(\d+)_(.+)\.sql$", p.name)
        if m:
            out.append((int(m.group(1)), m.group(2), p))
    return out


def split_sql(sql: str) -> list[str]:
    """Split a script into statements on ';' at line ends (our files keep one per line end)."""
    stmts, cur = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") and not cur:
            continue
        cur.append(line)
        if line.rstrip().endswith(";"):
            stmt = "\n".join(cur).strip()
            if stmt.strip(";").strip():
                stmts.append(stmt)
            cur = []
    rest = "\n".join(cur).strip()
    if rest and not all(x.strip().startswith("--") or not x.strip() for x in cur):
        stmts.append(rest)
    return stmts


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations; returns the versions applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, path in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in split_sql(path.read_text(encoding="utf-8")):
                con.execute(stmt)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
            con.execute("COMMIT")
        except Exception as e:
            con.execute("ROLLBACK")
            raise WarehouseError(f"schema migration {version:03d}_{name} failed: {e}") from e
        applied.append(version)
    return applied


def pending_migrations(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The migrations this tdkt has that the warehouse (open read-only, say) lacks."""
    try:
        done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    except duckdb.CatalogException:
        done = set()
    return [v for v, _, _ in migrations() if v not in done]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    if not VIEWS.exists():
        return
    for path in sorted(VIEWS.glob("*.sql")):
        for stmt in split_sql(path.read_text(encoding="utf-8")):
            con.execute(stmt)


def connect(path: str | Path | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating when needed) the warehouse at ``path`` and bring its schema up to date."""
    path = Path(path) if path else DEFAULT_DB
    if read_only:
        if not path.exists():
            raise WarehouseError(f"no warehouse at {path}: run 'tdkt ingest' first")
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.Error as e:
            raise WarehouseError(f"cannot open {path}: {e}") from e
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise WarehouseError(f"{path} is in use by another tdkt process; wait for it to finish") from e
        raise WarehouseError(f"cannot open {path}: {e}") from e
    except duckdb.Error as e:
        raise WarehouseError(f"cannot open {path}: {e}") from e
    migrate(con)
    create_views(con)
    return con
