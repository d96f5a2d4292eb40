"""Ingest: files -> readers -> rules -> warehouse, idempotently.

For each file: hash its bytes (the doc_id); when the warehouse already holds
that content read by the same reader and rules, only its path is refreshed;
when only the rules changed, the stored document model is run through the rules
again without reading the file; otherwise the file is read.  A file that cannot
be read is recorded with a status and a reason and the run goes on.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .model import FAILED, OK, UNSUPPORTED, Document, Extraction, ExtractError
from .versions import reader_version, rules_version

JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
JUNK_SUFFIXES = {".duckdb", ".wal", ".lock", ".tmp", ".part", ".crdownload", ".pyc", ".json", ".py", ".sh"}


@dataclass
class FileResult:
    path: str
    doc_id: str
    action: str                 # loaded, rerun, skipped, failed
    status: str                 # documents.status
    error: Optional[str] = None
    n_facts: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)   # read in part: what was left out


@dataclass
class IngestSummary:
    run_id: str
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    reviews: dict = field(default_factory=dict)          # reviews per state after the run (ok, moved, orphaned)

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status != OK and r.action != "skipped"]


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every candidate file under the paths, recursively, in a stable order.

    Hidden files, Office lock files (``~$x.docx``) and the project's own
    artefacts (DuckDB files, JSON, scripts) are left out; any other file is
    returned, so an unknown format gets a documents row saying so.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            cands = sorted(x for x in p.rglob("*") if x.is_file())
        else:
            cands = [p]  # given explicitly: even when missing, it gets a row
        for c in cands:
            rel = c.relative_to(p) if p.is_dir() else Path(c.name)
            if p.is_dir() and (any(part.startswith(".") for part in rel.parts) or c.name.startswith("~$")
                               or c.name.lower() in JUNK_NAMES or c.suffix.lower() in JUNK_SUFFIXES):
                continue
            key = c.resolve() if c.exists() else c.absolute()
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def file_id(path: Path) -> tuple[Optional[str], Optional[int], Optional[str]]:
    """(sha256 of the bytes, size, error) without raising."""
    try:
        h = hashlib.sha256()
        size = 0
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                size += len(chunk)
        return h.hexdigest(), size, None
    except FileNotFoundError:
        return None, None, "Không tìm thấy tệp: tệp đã bị xóa hoặc di chuyển trong lúc xử lý."
    except PermissionError:
        return None, None, "Không có quyền đọc tệp."
    except OSError as e:
        return None, None, f"Không đọc được tệp: {e.strerror or e}."


def missing_id(path: Path) -> str:
    return hashlib.sha256(("missing:" + str(path.absolute())).encode("utf-8")).hexdigest()


# --- work done per file (in a worker process when --workers > 1) ----------
@dataclass
class Outcome:
    path: str
    doc_id: str
    fmt: Optional[str]
    size: Optional[int]
    status: str
    error: Optional[str]
    doc: Optional[Document]
    extraction: Optional[Extraction]
    seconds: float


def read_file(path: str, doc_id: str, size: Optional[int], converted: Optional[str] = None) -> Outcome:
    """Read a file and run the rules; never raises.  ``converted``: the .docx a batch
    conversion made of a .doc (see :mod:`extractors.doc_batch`)."""
    from extractors import extract, format_of

    t0 = time.perf_counter()
    fmt = format_of(path)
    try:
        doc = extract(path, converted)
    except ExtractError as e:
        return Outcome(path, doc_id, fmt, size, e.status, e.message, None, None, time.perf_counter() - t0)
    except Exception as e:  # a reader bug must not stop the run
        return Outcome(path, doc_id, fmt, size, FAILED,
                       f"Lỗi không mong đợi khi đọc tệp ({type(e).__name__}: {e}).", None, None,
                       time.perf_counter() - t0)
    return run_rules(doc, path, doc_id, fmt, size, t0)


def run_rules(doc: Document, path: str, doc_id: str, fmt: Optional[str], size: Optional[int],
              t0: Optional[float] = None) -> Outcome:
    import rules

    from .ocr_facts import mark

    t0 = t0 if t0 is not None else time.perf_counter()
    try:
        ex = rules.read(doc)
        mark(doc, ex)
    except Exception as e:
        if os.environ.get("TDKT_DEBUG"):
            raise
        return Outcome(path, doc_id, fmt, size, FAILED,
                       f"Lỗi trong bộ quy tắc trích xuất ({type(e).__name__}: {e}).", doc, None,
                       time.perf_counter() - t0)
    return Outcome(path, doc_id, fmt or doc.format, size, OK, None, doc, ex, time.perf_counter() - t0)


def _read_file_star(args):
    return read_file(*args)


# --- the run ----------------------------------------------------------------
ProgressFn = Callable[[int, int, FileResult], None]


def ingest(paths: Iterable[str | Path], con, *, workers: int = 1, force: bool = False,
           progress: Optional[ProgressFn] = None, command: str = "ingest") -> IngestSummary:
    """Ingest every file under ``paths`` into the open warehouse ``con``."""
    from warehouse import store
    from warehouse.runs import finish_run, start_run

    t_start = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    start_run(con, run_id, command, [str(p) for p in paths])
    summary = IngestSummary(run_id=run_id)
    rv, uv = reader_version(), rules_version()
    files = discover(paths)
    total = len(files)
    done = 0

    def report(r: FileResult):
        nonlocal done
        done += 1
        summary.results.append(r)
        if progress:
            progress(done, total, r)

    todo: list[tuple[str, str, Optional[int]]] = []
    seen_before = store.known_all(con)      # one query, not one per file
    queued: set[str] = set()
    moved = False
    try:
        from extractors import format_of
        for path in files:
            spath = str(path)
            doc_id, size, err = file_id(path)
            if doc_id is None:
                mid = missing_id(path)
                store.save_failure(con, doc_id=mid, path=spath, fmt=format_of(spath), status=FAILED, error=err,
                                   size=None, run_id=run_id, reader_version=rv)
                report(FileResult(spath, mid, "failed", FAILED, err))
                continue
            if format_of(spath) is None:
                msg = (f"Định dạng '{path.suffix or '(không có đuôi)'}' chưa được hỗ trợ; "
                       "các định dạng đọc được: .doc, .docx, .md, .pdf, .txt.")
                k = seen_before.get(doc_id)
                if k and k.status == UNSUPPORTED and not force:
                    moved |= _touch(con, k, spath)
                    report(FileResult(spath, doc_id, "skipped", UNSUPPORTED, msg))
                    continue
                store.save_failure(con, doc_id=doc_id, path=spath, fmt=path.suffix.lstrip(".").lower() or None,
                                   status=UNSUPPORTED, error=msg, size=size, run_id=run_id, reader_version=rv)
                report(FileResult(spath, doc_id, "failed", UNSUPPORTED, msg))
                continue
            k = seen_before.get(doc_id)
            if k and not force and k.reader_version == rv:
                if k.status != OK or k.rules_version == uv:
                    moved |= _touch(con, k, spath)
                    report(FileResult(spath, doc_id, "skipped", k.status))
                    continue
                doc = store.load_document(con, doc_id)
                if doc is not None:
                    out = run_rules(doc, spath, doc_id, doc.format, size)
                    _save(con, out, run_id, rv, uv)
                    report(_result(out, "rerun"))
                    continue
            if doc_id in queued:
                continue  # the same content twice in this run: read once
            queued.add(doc_id)
            todo.append((spath, doc_id, size))

        with _doc_batch(todo) as jobs:
            if workers > 1 and len(jobs) > 1:
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    for out in pool.map(_read_file_star, jobs, chunksize=1):
                        _save(con, out, run_id, rv, uv)
                        report(_result(out, "loaded" if out.status == OK else "failed"))
            else:
                for args in jobs:
                    out = read_file(*args)
                    _save(con, out, run_id, rv, uv)
                    report(_result(out, "loaded" if out.status == OK else "failed"))
    except BaseException as e:
        summary.seconds = time.perf_counter() - t_start
        finish_run(con, run_id, summary, status="failed", error=f"{type(e).__name__}: {e}")
        raise
    summary.seconds = time.perf_counter() - t_start
    changed = moved or any(r.action != "skipped" for r in summary.results)
    summary.reviews = _regroup(con, changed)
    finish_run(con, run_id, summary, status="ok")
    return summary


@contextlib.contextmanager
def _doc_batch(todo: list[tuple[str, str, Optional[int]]]):
    """The jobs with the .docx of every .doc converted by one LibreOffice process."""
    docs = [t[0] for t in todo if t[0].lower().endswith(".doc")]
    if len(docs) < 2:
        yield [(*t, None) for t in todo]
        return
    from extractors.doc_batch import DocBatch
    with DocBatch() as batch:
        converted = batch.convert(docs)
        yield [(*t, str(converted[t[0]]) if t[0] in converted else None) for t in todo]


def _regroup(con, changed: bool = True) -> dict:
    """Copies of one report are one report; reviews follow their facts (pipeline/reports.py, reviews.py).
    A run that changed no document and no path leaves the reports as they were."""
    from .reports import refresh_reports
    from .reviews import resolve
    if changed:
        refresh_reports(con)
    return resolve(con)


def _touch(con, k, path: str) -> bool:
    """Record where an unchanged file is now; True when it moved."""
    from warehouse import store
    if k.path == path:
        return False
    store.touch_path(con, k.doc_id, path)
    return True


def _result(out: Outcome, action: str) -> FileResult:
    n = len(out.extraction.facts) if out.extraction else 0
    return FileResult(out.path, out.doc_id, action, out.status, out.error, n, out.seconds,
                      list(out.doc.warnings) if out.doc is not None else [])


def _save(con, out: Outcome, run_id: str, rv: str, uv: str) -> None:
    from warehouse import store
    if out.status == OK:
        # a file changed in place replaces what its older content gave (a new version that
        # cannot be read leaves the last good reading in place)
        for old in store.superseded(con, out.doc_id, out.path):
            store.drop_document(con, old)
    if out.status == OK and out.doc is not None and out.extraction is not None:
        store.save_document(con, doc_id=out.doc_id, path=out.path, doc=out.doc, extraction=out.extraction,
                            size=out.size, run_id=run_id, reader_version=rv, rules_version=uv,
                            seconds=out.seconds)
    else:
        store.save_failure(con, doc_id=out.doc_id, path=out.path, fmt=out.fmt, status=out.status,
                           error=out.error or "Không rõ lỗi.", size=out.size, run_id=run_id, reader_version=rv)
