"""``tdkt export``: hand a table or view to other tools."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

FORMATS = ("csv", "parquet", "jsonl", "xlsx")


class ExportError(Exception):
    pass


def relations(con) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = 'main' ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def export(con, table: str, fmt: str = "csv", out: Optional[str] = None) -> tuple[str, int]:
    """Write ``table`` (a table or view) to ``out``; returns (where, rows).

    ``out`` defaults to ``<table>.<fmt>`` in the current directory (or in ``out``
    when it is a folder); ``-`` writes csv or jsonl to standard output.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    names = relations(con)
    if table not in names:
        raise ExportError(f"no table or view named {table!r}; available: {', '.join(names)}")
    n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    ext = {"jsonl": "jsonl"}.get(fmt, fmt)
    if out == "-":
        if fmt not in ("csv", "jsonl"):
            raise ExportError("only csv and jsonl can be written to standard output")
        df = con.execute(f'SELECT * FROM "{table}"').df()
        if fmt == "csv":
            df.to_csv(sys.stdout, index=False)
        else:
            df.to_json(sys.stdout, orient="records", lines=True, force_ascii=False, date_format="iso")
        return "stdout", n
    target = Path(out) if out else Path(f"{table}.{ext}")
    if target.is_dir():
        target = target / f"{table}.{ext}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"cannot write to {target}: {e.strerror or e}") from e
    sql_path = str(target).replace("'", "''")
    if fmt == "csv":
        con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{sql_path}' (HEADER, DELIMITER ',')")
    elif fmt == "parquet":
        con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{sql_path}' (FORMAT parquet)")
    elif fmt == "jsonl":
        con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{sql_path}' (FORMAT json)")
    else:
        df = con.execute(f'SELECT * FROM "{table}"').df()
        for col in df.columns:  # Excel cannot hold lists or tz-aware datetimes
            if df[col].dtype == object:
                df[col] = df[col].map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        df.to_excel(target, index=False, sheet_name=table[:31])
    return str(target), n
