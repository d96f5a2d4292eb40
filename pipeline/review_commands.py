"""What ``tdkt review ...`` does (``pipeline/cli.py`` only parses arguments)."""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

from .reviews import ReviewError

VERDICT_VN = {"confirmed": "xác nhận là lỗi", "false_alarm": "báo động giả", "comment": "ghi chú"}


def _con(db: str):
    from warehouse import connect
    return connect(db)


def _fail(e: Exception, err: TextIO) -> int:
    err.write(f"tdkt review: {e}\n")
    return 2


def mark_command(db: str, finding_id: str, verdict: str, note: Optional[str], out: TextIO = sys.stdout,
                 err: TextIO = sys.stderr) -> int:
    from .reviews import mark
    con = _con(db)
    try:
        r = mark(con, finding_id, verdict, note)
    except ReviewError as e:
        return _fail(e, err)
    finally:
        con.close()
    out.write(f"đã ghi: phát hiện {r.target_id} — {VERDICT_VN.get(r.action, r.action)}"
              f"{' (' + note + ')' if note else ''} [đánh giá {r.review_id}]\n")
    return 0


def correct_command(db: str, fact_id: str, *, reject: bool = False, note: Optional[str] = None,
                    out: TextIO = sys.stdout, err: TextIO = sys.stderr, **fields) -> int:
    from . import reviews
    con = _con(db)
    try:
        if reject:
            r = reviews.reject(con, fact_id, note)
        else:
            r = reviews.correct(con, fact_id, note=note, **fields)
        row = con.execute("SELECT value, original_value, period, award, recipient, subject FROM v_facts_reviewed "
                          "WHERE fact_id = (SELECT current_id FROM v_reviews WHERE review_id = ?)",
                          [r.review_id]).fetchone()
    except ReviewError as e:
        return _fail(e, err)
    finally:
        con.close()
    if reject:
        out.write(f"đã loại số liệu {r.target_id}: không còn tính trong các bảng tổng hợp và kiểm tra "
                  f"[đánh giá {r.review_id}]\n")
    else:
        what = ", ".join(f"{k} = {v}" for k, v in zip(("value", "period", "award", "recipient", "subject"),
                                                      (r.value, r.period, r.award, r.recipient, r.subject))
                         if v is not None)
        before = f" (đọc được: {row[1]:g})" if row and row[1] is not None and r.value is not None else ""
        out.write(f"đã sửa số liệu {r.target_id}: {what}{before} [đánh giá {r.review_id}]\n")
    return 0


def import_command(db: str, path: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from pathlib import Path

    from .reviews import import_sheet
    if not Path(path).is_file():
        return _fail(ReviewError(f"không tìm thấy tệp {path}"), err)
    con = _con(db)
    try:
        res = import_sheet(con, path)
    except ReviewError as e:
        return _fail(e, err)
    finally:
        con.close()
    out.write(f"{path}: {res.added} đánh giá mới, {res.unchanged} không đổi\n")
    for e in res.errors:
        out.write(f"  không ghi được {e}\n")
    if res.unknown:
        out.write(f"  {len(res.unknown)} phát hiện không còn trong kho dữ liệu (vẫn được giữ, trạng thái orphaned "
                  f"nếu không tìm lại được): {', '.join(res.unknown[:5])}{' …' if len(res.unknown) > 5 else ''}\n")
    if res.states.get("orphaned"):
        out.write(f"  {res.states['orphaned']} đánh giá không còn khớp số liệu/phát hiện nào: "
                  f"tdkt review list --orphaned\n")
    return 1 if res.errors else 0


def list_command(db: str, orphaned: bool, out: TextIO = sys.stdout) -> int:
    from warehouse import connect

    from .reviews import list_reviews
    con = connect(db)
    try:
        rows = list_reviews(con, orphaned)
    finally:
        con.close()
    if not rows:
        out.write("không có đánh giá nào" + (" bị mồ côi (orphaned)" if orphaned else "") + "\n")
        return 0
    for r in rows:
        what = VERDICT_VN.get(r["action"], r["action"])
        fields = ", ".join(f"{k}={r[k]}" for k in ("value", "period", "award", "recipient", "subject")
                           if r[k] is not None)
        moved = f" -> {r['current_id']}" if r["state"] == "moved" else ""
        out.write(f"{r['created_at']:%Y-%m-%d %H:%M}  {r['state']:<8} {r['target_kind']:<7} {r['target_id']}{moved}  "
                  f"{what}{' ' + fields if fields else ''}{'  “' + r['note'] + '”' if r['note'] else ''}"
                  f"{'  (' + r['link_detail'] + ')' if r['state'] == 'orphaned' and r['link_detail'] else ''}\n")
    return 0


def site_command(db: str, out_dir: str, out: TextIO = sys.stdout) -> int:
    from warehouse import connect

    from .site import build_site
    from pathlib import Path

    from warehouse.db import WarehouseError
    if not Path(db).exists():
        raise WarehouseError(f"no warehouse at {db}: run 'tdkt nightly INBOX' first")
    t0 = time.perf_counter()
    try:
        con = connect(db)                    # brings an older warehouse's schema up to date
    except WarehouseError:
        con = connect(db, read_only=True)    # another run holds it: read what is there
    try:
        res = build_site(con, out_dir)
    finally:
        con.close()
    out.write(f"trang duyệt: {res.index} ({res.documents} văn bản, {res.facts} số liệu, {res.findings} phát hiện) "
              f"trong {time.perf_counter() - t0:.1f} s — mở bằng trình duyệt, không cần mạng\n")
    return 0
