"""What ``tdkt review ...`` does (``pipeline/cli.py`` only parses arguments).

``mark``, ``correct``, ``reject`` and ``import`` write the warehouse, so they are
writing runs like ``nightly`` (:func:`write_reviews`; docs/CONCURRENCY.md);
``list`` and the review site only read it, on a read-only connection.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, Optional, TextIO

from .config import Settings
from .reviews import ReviewError

VERDICT_VN = {"confirmed": "xác nhận là lỗi", "false_alarm": "báo động giả", "comment": "ghi chú"}


def _fail(e: Exception, err: TextIO) -> int:
    err.write(f"tdkt review: {e}\n")
    return 2


def _missing(settings: Settings, err: TextIO) -> bool:
    from .jobs import missing_warehouse
    if settings.db.is_file():
        return False
    err.write(f"tdkt review: {missing_warehouse(settings)}\n")
    return True


def write_reviews(settings: Settings, command: str, args: list, action: Callable, err: TextIO = sys.stderr):
    """Run ``action(con)`` as a writing run (:func:`pipeline.jobs.run_job`: the writers' lock,
    a work copy published by rename, a ``runs`` row), so a review made during a nightly run
    waits its turn (up to ``wait``) instead of failing, and never keeps the nightly run
    waiting.  Returns (exit status, what ``action`` returned); a :class:`ReviewError` is
    said on ``err`` and exits 2 (and the run is recorded
    ``failed`` with it)."""
    from .jobs import JobResult, run_job

    done: dict = {}

    def body(con, state) -> JobResult:
        try:
            done["result"] = action(con)
        except ReviewError as e:      # raised before anything is written
            done["error"] = e
            return JobResult(exit_status=2, status="failed", error=str(e))
        return JobResult()

    state = run_job(f"review {command}", args, settings, body, err=err)
    if "error" in done:
        _fail(done["error"], err)
    return state.exit_status, done.get("result")


def mark_command(settings: Settings, finding_id: str, verdict: str, note: Optional[str],
                 out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from .reviews import mark
    if _missing(settings, err):
        return 2
    code, r = write_reviews(settings, "mark", [finding_id, verdict], lambda con: mark(con, finding_id, verdict, note),
                            err)
    if code == 0:
        out.write(f"đã ghi: phát hiện {r.target_id} — {VERDICT_VN.get(r.action, r.action)}"
                  f"{' (' + note + ')' if note else ''} [đánh giá {r.review_id}]\n")
    return code


def correct_command(settings: Settings, fact_id: str, *, reject: bool = False, note: Optional[str] = None,
                    out: TextIO = sys.stdout, err: TextIO = sys.stderr, **fields) -> int:
    from . import reviews
    if _missing(settings, err):
        return 2

    def action(con):
        if reject:
            r = reviews.reject(con, fact_id, note)
        else:
            r = reviews.correct(con, fact_id, note=note, **fields)
        row = con.execute("SELECT value, original_value, period, award, recipient, subject FROM v_facts_reviewed "
                          "WHERE fact_id = (SELECT current_id FROM v_reviews WHERE review_id = ?)",
                          [r.review_id]).fetchone()
        return r, row

    given = [f"--{k}={v}" for k, v in fields.items() if v is not None]
    code, done = write_reviews(settings, "reject" if reject else "correct", [fact_id] + given, action, err)
    if code != 0:
        return code
    r, row = done
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


def import_command(settings: Settings, path: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from pathlib import Path

    from .reviews import import_sheet
    if not Path(path).is_file():
        return _fail(ReviewError(f"không tìm thấy tệp {path}"), err)
    if _missing(settings, err):
        return 2
    code, res = write_reviews(settings, "import", [str(Path(path).resolve())], lambda con: import_sheet(con, path),
                              err)
    if code != 0:
        return code
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


def _reader(settings: Settings, err: TextIO):
    """The published warehouse, read-only (None when there is none)."""
    from warehouse import connect
    if _missing(settings, err):
        return None
    return connect(settings.db, read_only=True)


def list_command(settings: Settings, orphaned: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from .reviews import list_reviews
    con = _reader(settings, err)
    if con is None:
        return 2
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


def site_command(settings: Settings, out_dir: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """The review site, read from the published warehouse on a read-only connection (a
    nightly run neither waits for it nor stops it).  A warehouse written by an older tdkt
    is first brought up to date by a writing run of its own."""
    from warehouse.db import pending_migrations

    from .jobs import JobResult, run_job
    from .site import build_site
    t0 = time.perf_counter()
    con = _reader(settings, err)
    if con is None:
        return 2
    if pending_migrations(con):
        con.close()
        code = run_job("review site", ["--out", str(out_dir)], settings, lambda c, s: JobResult(), err=err).exit_status
        if code != 0:
            return code
        con = _reader(settings, err)
    try:
        res = build_site(con, out_dir)
    finally:
        con.close()
    out.write(f"trang duyệt: {res.index} ({res.documents} văn bản, {res.facts} số liệu, {res.findings} phát hiện) "
              f"trong {time.perf_counter() - t0:.1f} s — mở bằng trình duyệt, không cần mạng\n")
    return 0
