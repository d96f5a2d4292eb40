"""``tdkt export``: hand a table or view to other tools, and to Excel.

For Excel (the analysts' tool):

* CSV starts with a UTF-8 byte order mark, so Excel opens ``Trùng Khánh`` as
  written (standard output gets no mark: it goes to other programs);
* lists are readable text (``a; b``), in CSV and xlsx alike;
* .xlsx has a frozen, bold header row, a filter on every column, widths sized to
  the content, real dates (``dd/mm/yyyy``), and where a text is longer than
  Excel's cell limit (32 767 characters) the cell ends with a marker saying how
  much was cut, and :class:`Export` ``.warnings`` says which cells (the CLI prints
  it; the full text is in the CSV or parquet export).

``findings`` exports as the review sheet: each finding with its file, its
source sentences and the columns ``verdict`` and ``ghi_chu`` that ``tdkt review
import`` reads back.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

FORMATS = ("csv", "parquet", "jsonl", "xlsx")
EXCEL_CELL_LIMIT = 32767
LIST_SEP = "; "
MAX_WIDTH, MIN_WIDTH = 60, 6
CUT_MARKER = " …[ĐÃ CẮT {n} ký tự: vượt giới hạn 32.767 ký tự/ô của Excel — bản đầy đủ: --format csv]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# the review sheet: what an analyst needs to judge a finding, then the ids
FINDINGS_SHEET = """
SELECT finding_id, check_code, severity, verdict, ghi_chu, message, path, other_path, district, province_2025,
       period, source_texts, pages, expected, observed, fact_ids, report_id, other_report_id, doc_id, other_doc_id,
       rule, reviewed_at
FROM v_findings
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, path, check_code, finding_id
"""
REVIEW_COLUMNS = ("verdict", "ghi_chu")


class ExportError(Exception):
    pass


@dataclass
class Export:
    where: str
    rows: int
    warnings: list[str] = field(default_factory=list)


def relations(con) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = 'main' ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def _select(con, table: str) -> str:
    """The query that exports ``table``: lists joined into text."""
    if table == "findings":
        base = FINDINGS_SHEET
    else:
        base = f'SELECT * FROM "{table}"'
    cols = con.execute(f"DESCRIBE ({base})").fetchall()
    parts = []
    for name, typ, *_ in cols:
        q = '"' + name.replace('"', '""') + '"'
        if typ.endswith("[]"):
            parts.append(f"array_to_string(CAST({q} AS VARCHAR[]), '{LIST_SEP}') AS {q}")
        elif typ.upper().startswith(("STRUCT", "MAP", "UNION")):
            parts.append(f"CAST({q} AS VARCHAR) AS {q}")
        else:
            parts.append(q)
    return f"SELECT {', '.join(parts)} FROM ({base})"


def export(con, table: str, fmt: str = "csv", out: Optional[str] = None) -> Export:
    """Write ``table`` (a table or view) to ``out``.

    ``out`` defaults to ``<table>.<fmt>`` in the current directory; ``-`` writes
    csv or jsonl to standard output.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    names = relations(con)
    if table not in names:
        raise ExportError(f"no table or view named {table!r}; available: {', '.join(names)}")
    sql = _select(con, table) if fmt != "parquet" else (FINDINGS_SHEET if table == "findings"
                                                         else f'SELECT * FROM "{table}"')
    n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    if out == "-":
        if fmt not in ("csv", "jsonl"):
            raise ExportError("only csv and jsonl can be written to standard output")
        df = con.execute(sql).df()
        if fmt == "csv":
            df.to_csv(sys.stdout, index=False)
        else:
            df.to_json(sys.stdout, orient="records", lines=True, force_ascii=False, date_format="iso")
        return Export("stdout", n)
    target = Path(out) if out else Path(f"{table}.{fmt}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        _csv_with_bom(con, sql, target)
    elif fmt in ("parquet", "jsonl"):
        sql_path = str(target).replace("'", "''")
        con.execute(f"COPY ({sql}) TO '{sql_path}' (FORMAT {'parquet' if fmt == 'parquet' else 'json'})")
    else:
        return Export(str(target), n, write_xlsx(con.execute(sql).df(), target, sheet=table[:31],
                                                review=table == "findings"))
    return Export(str(target), n)


def _csv_with_bom(con, sql: str, target: Path) -> None:
    """DuckDB writes the CSV (fast, streaming); the file starts with a UTF-8 BOM for Excel."""
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        part = Path(tmp) / "part.csv"
        con.execute(f"COPY ({sql}) TO '{str(part).replace(chr(39), chr(39) * 2)}' (HEADER, DELIMITER ',')")
        with open(target, "wb") as out, open(part, "rb") as src:
            out.write(b"\xef\xbb\xbf")
            shutil.copyfileobj(src, out, 1 << 20)


def _excel_value(v):
    """A value Excel holds: naive datetimes, text without control characters."""
    import math

    import pandas as pd
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT or v is pd.NA:
        return None
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, dt.datetime) and v.tzinfo is not None:
        v = v.astimezone().replace(tzinfo=None)
    if hasattr(v, "tolist") and getattr(v, "ndim", 0):      # a list column read into pandas (numpy array)
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        v = LIST_SEP.join("" if x is None else str(x) for x in v)
    if isinstance(v, str):
        v = _ILLEGAL.sub(" ", v)
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):   # numpy scalars
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    return v


def _cut(v: str) -> tuple[str, int]:
    """Text over Excel's limit, cut with a marker saying how much was left out."""
    keep = EXCEL_CELL_LIMIT - len(CUT_MARKER.format(n=len(v)))
    for _ in range(3):          # the marker's own length depends on the number it states
        keep = EXCEL_CELL_LIMIT - len(CUT_MARKER.format(n=len(v) - keep))
    return v[:keep] + CUT_MARKER.format(n=len(v) - keep), len(v) - keep


def write_xlsx(df, target: Path, *, sheet: str = "data", review: bool = False) -> list[str]:
    """Write a DataFrame as an analyst-ready sheet; returns warnings (cells cut)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "_", sheet) or "data"
    cols = [str(c) for c in df.columns]
    ws.append(cols)
    widths = [max(MIN_WIDTH, len(c) + 2) for c in cols]
    cut: list[tuple[str, int, int]] = []
    date_cols = {i for i, c in enumerate(df.columns) if str(df[c].dtype).startswith("datetime")}
    for r_i, row in enumerate(df.itertuples(index=False, name=None), start=2):
        vals = []
        for c_i, v in enumerate(row):
            v = _excel_value(v)
            if isinstance(v, dt.date):
                date_cols.add(c_i)
            if isinstance(v, str) and len(v) > EXCEL_CELL_LIMIT:
                v, lost = _cut(v)
                cut.append((cols[c_i], r_i, lost))
            vals.append(v)
            if r_i < 2000 and v is not None:
                widths[c_i] = max(widths[c_i], min(MAX_WIDTH, len(str(v)) + 2))
        ws.append(vals)
    bold = Font(bold=True)
    for c_i in range(len(cols)):
        cell = ws.cell(row=1, column=c_i + 1)
        cell.font = bold
        ws.column_dimensions[get_column_letter(c_i + 1)].width = widths[c_i]
    for c_i in date_cols:
        has_time = any(isinstance(ws.cell(row=r, column=c_i + 1).value, dt.datetime)
                       and ws.cell(row=r, column=c_i + 1).value.time() != dt.time(0)
                       for r in range(2, min(ws.max_row, 200) + 1))
        for r in range(2, ws.max_row + 1):
            ws.cell(row=r, column=c_i + 1).number_format = "dd/mm/yyyy hh:mm" if has_time else "dd/mm/yyyy"
    wrap = Alignment(wrap_text=True, vertical="top")
    for c_i, name in enumerate(cols):
        if widths[c_i] >= MAX_WIDTH:
            for r in range(2, min(ws.max_row, 5000) + 1):
                ws.cell(row=r, column=c_i + 1).alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(cols)))}{max(1, ws.max_row)}"
    if review and "verdict" in cols:
        letter = get_column_letter(cols.index("verdict") + 1)
        dv = DataValidation(type="list", formula1='"confirmed,false_alarm"', allow_blank=True,
                            error="Ghi confirmed (xác nhận) hoặc false_alarm (báo động giả)",
                            errorTitle="Kết luận không hợp lệ", showErrorMessage=False)
        dv.add(f"{letter}2:{letter}{max(2, ws.max_row)}")
        ws.add_data_validation(dv)
        fill = PatternFill("solid", fgColor="FFF2CC")
        for name in REVIEW_COLUMNS:
            if name in cols:
                ws.cell(row=1, column=cols.index(name) + 1).fill = fill
    warnings = []
    if cut:
        places = ", ".join(f"cột {c} dòng {r}" for c, r, _ in cut[:10]) + (" …" if len(cut) > 10 else "")
        warnings.append(f"cảnh báo: {len(cut)} ô dài hơn giới hạn {EXCEL_CELL_LIMIT:,} ký tự của Excel đã bị cắt "
                        f"và đánh dấu “[ĐÃ CẮT …]” ({places}); bản đầy đủ: tdkt export … --format csv hoặc parquet"
                        .replace(",", "."))
        note = wb.create_sheet("canh_bao")
        note.append(["cột", "dòng", "số ký tự bị cắt"])
        for c, r, lost in cut:
            note.append([c, r, lost])
    wb.save(target)
    return warnings
