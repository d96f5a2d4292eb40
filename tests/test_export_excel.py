"""The Excel handoff: CSV Excel opens as written (UTF-8 BOM), and an .xlsx an
analyst can work in: frozen header, filter, widths, real dates, lists as text,
and a clear warning and a marker where a text is over Excel's cell limit."""
from __future__ import annotations

import datetime as dt

import duckdb

from conftest import tdkt

LONG = 40000


def make_db(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (district VARCHAR, ngay DATE, luc TIMESTAMP, tags VARCHAR[], so DOUBLE, "
                "van_ban VARCHAR)")
    con.execute("INSERT INTO t VALUES ('Trùng Khánh', DATE '2022-12-09', TIMESTAMP '2023-01-02 08:30:00', "
                "['bang_khen', 'giay_khen'], 33.59, ?), ('Hà Quảng', NULL, NULL, [], NULL, 'ngắn')",
                ["Báo cáo. " * (LONG // 9)])
    con.close()


def test_csv_has_a_bom_and_lists_as_text(tmp_path):
    db = tmp_path / "w.duckdb"
    make_db(db)
    out = tmp_path / "t.csv"
    tdkt("export", "t", "--db", db, "--format", "csv", "--out", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[1].startswith("Trùng Khánh,2022-12-09,")
    assert "bang_khen; giay_khen" in text and "[" not in text.splitlines()[1]
    # standard output (for other programs) gets no BOM
    r = tdkt("export", "t", "--db", db, "--format", "csv", "--out", "-")
    assert r.stdout.startswith("district,")


def test_xlsx_is_ready_for_an_analyst(tmp_path):
    from openpyxl import load_workbook
    db = tmp_path / "w.duckdb"
    make_db(db)
    out = tmp_path / "t.xlsx"
    r = tdkt("export", "t", "--db", db, "--format", "xlsx", "--out", out)
    assert "1 ô dài hơn giới hạn 32.767 ký tự của Excel đã bị cắt" in r.stderr and "cột van_ban dòng 2" in r.stderr
    wb = load_workbook(out)
    ws = wb["t"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:F3"
    assert [c.value for c in ws[1]] == ["district", "ngay", "luc", "tags", "so", "van_ban"]
    assert ws["B2"].value == dt.datetime(2022, 12, 9) and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["C2"].value == dt.datetime(2023, 1, 2, 8, 30) and ws["C2"].number_format == "dd/mm/yyyy hh:mm"
    assert ws["D2"].value == "bang_khen; giay_khen" and ws["E2"].value == 33.59
    cell = ws["F2"].value
    assert len(cell) == 32767 and "[ĐÃ CẮT" in cell[-200:] and cell.startswith("Báo cáo. Báo cáo.")
    assert ws.column_dimensions["A"].width >= len("Trùng Khánh") and ws.column_dimensions["F"].width == 60
    assert ws["A1"].font.bold
    note = wb["canh_bao"]
    kept = cell.index(" …[ĐÃ CẮT")
    assert [c.value for c in note[2]] == ["van_ban", 2, len("Báo cáo. " * (LONG // 9)) - kept]
    assert f"ĐÃ CẮT {len('Báo cáo. ' * (LONG // 9)) - kept} ký tự" in cell
