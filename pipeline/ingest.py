"""Ingest: files -> readers -> rules -> warehouse, idempotently.

For each file: hash its bytes (the doc_id) — unless the ``files`` table shows it
unchanged since it was last hashed; when the warehouse already holds that
content read by the same reader and rules, nothing is done; when only the rules
changed, the stored document model is run through the rules again without
reading the file; otherwise the file is read.  Reading and rules run in bounded
worker processes (:mod:`pipeline.worker`, limits in :mod:`pipeline.config`);
a worker reads a private snapshot of the file and hashes the bytes it read, so a
file replaced while being read is stored under the content actually read.  A
file that cannot be read, or is over a limit, is recorded with a status and a
reason and the run goes on.  Every path seen gets a ``files`` row
(:mod:`warehouse.files`), identical copies included.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from extractors.common import file_errors

from . import caps, inbox
from .config import Limits, Settings, TextChecks
from .model import FAILED, OK, UNSUPPORTED, Document, Extraction, ExtractError
from .versions import reader_version, rules_version



@dataclass
class FileResult:
    path: str
    doc_id: str
    action: str                 # loaded, rerun, skipped, failed, duplicate
    status: str                 # documents.status
    error: Optional[str] = None
    n_facts: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)   # read in part: what was left out


@dataclass
class IngestSummary:
    run_id: str
    results: list[FileResult] = field(default_factory=list)
    others: list[inbox.Entry] = field(default_factory=list)   # folders, links, ignored files
    seconds: float = 0.0
    total: int = 0
    reviews: dict = field(default_factory=dict)          # reviews per state after the run (ok, moved, orphaned)

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status != OK and r.action not in ("skipped", "duplicate")]


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the paths that will be read, recursively, in a stable order
    (see :func:`pipeline.inbox.walk` for what is left out, and accounted for)."""
    return [Path(e.path) for e in inbox.walk(paths).files]


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


def missing_id(path: Path | str) -> str:
    return hashlib.sha256(("missing:" + inbox.shown(os.path.abspath(str(path)))).encode("utf-8")).hexdigest()


# --- work done per file, in a worker process ------------------------------------
@dataclass
class Task:
    path: str                       # what to open
    shown: str                      # what to store
    doc_id: str                     # the hash the main process saw
    size: Optional[int]
    fmt: Optional[str]
    limits: Limits
    text: TextChecks                # the thresholds of pipeline.plausible
    doc: Optional[Document] = None  # set: only run the rules over this stored model
    converted: Optional[str] = None  # a .doc's .docx from the run's batch conversion


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
    limit: Optional[str] = None                 # documents.limit_hit
    scores: tuple[Optional[float], Optional[float]] = (None, None)


def warm_up() -> None:
    """Import the readers and rules once, before a worker takes its first file."""
    import extractors.doc  # noqa: F401
    import extractors.docx  # noqa: F401
    import extractors.pdf  # noqa: F401
    import extractors.txt  # noqa: F401
    import rules.citations  # noqa: F401
    import rules.facts  # noqa: F401
    import rules.metadata  # noqa: F401


def snapshot(path: str, folder: str, suffix: str) -> tuple[str, str, int]:
    """Copy ``path`` into ``folder`` while hashing it: (copy, sha256, size) of the bytes read."""
    h = hashlib.sha256()
    size = 0
    dst = os.path.join(folder, "snapshot" + suffix.lower())
    with file_errors(), open(path, "rb") as src, open(dst, "wb") as out:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            h.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return dst, h.hexdigest(), size


def read_task(t: Task) -> Outcome:
    """What a worker does with a task; never raises."""
    return plain(_read_task(t))


def plain(out: Outcome) -> Outcome:
    """The outcome with every value the rules tagged (a ``str`` subclass such as
    rules.context.Period) made a plain ``str``, so it crosses to the main process as
    the warehouse stores it."""
    from dataclasses import fields as dc_fields

    ex = out.extraction
    if ex is None:
        return out
    for obj in [ex.meta, *ex.facts, *ex.honorees, *ex.citations]:
        for f in dc_fields(obj):
            v = getattr(obj, f.name)
            if isinstance(v, str) and type(v) is not str:
                setattr(obj, f.name, str(v))
    return out


def _read_task(t: Task) -> Outcome:
    if t.doc is not None:
        return judge(run_rules(t.doc, t.shown, t.doc_id, t.doc.format, t.size), t)
    t0 = time.perf_counter()
    folder = os.environ.get("TDKT_WORKER_TMP") or "."
    doc_id, size, snap = t.doc_id, t.size, None
    try:
        snap, doc_id, size = snapshot(t.path, folder, Path(t.path).suffix)
        # the batch converted the bytes the main process hashed: used only if these are those
        converted = t.converted if doc_id == t.doc_id else None
        return judge(read_file(snap, doc_id, size, shown=t.shown, limits=t.limits, t0=t0, converted=converted), t)
    except ExtractError as e:
        return Outcome(t.shown, doc_id, t.fmt, size, e.status, e.message, None, None, time.perf_counter() - t0)
    finally:
        if snap:
            try:
                os.unlink(snap)
            except OSError:
                pass


def read_file(path: str, doc_id: str, size: Optional[int], *, shown: Optional[str] = None,
              limits: Optional[Limits] = None, t0: Optional[float] = None,
              converted: Optional[str] = None) -> Outcome:
    """Read a file (the caps that need it opened first) and run the rules; never raises.
    ``converted``: the .docx a batch conversion made of a .doc (see :mod:`extractors.doc_batch`)."""
    from extractors import extract, format_of

    t0 = t0 if t0 is not None else time.perf_counter()
    shown = shown or path
    fmt = format_of(path)
    try:
        if limits is not None:
            caps.check_opened(path, fmt, limits)
        doc = extract(path, converted)
        doc.path = shown
    except caps.LimitExceeded as e:
        return Outcome(shown, doc_id, fmt, size, e.status, e.message, None, None, time.perf_counter() - t0,
                       limit=e.limit)
    except ExtractError as e:
        return Outcome(shown, doc_id, fmt, size, e.status, e.message, None, None, time.perf_counter() - t0)
    except MemoryError:
        return Outcome(shown, doc_id, fmt, size, FAILED, "Đọc tệp cần nhiều bộ nhớ hơn giới hạn (memory_mb); "
                       + caps.RETRY_HINT, None, None, time.perf_counter() - t0,
                       limit=f"memory_mb={limits.memory_mb}" if limits else None)
    except Exception as e:  # a reader bug must not stop the run
        return Outcome(shown, doc_id, fmt, size, FAILED,
                       f"Lỗi không mong đợi khi đọc tệp ({type(e).__name__}: {e}).", None, None,
                       time.perf_counter() - t0)
    return run_rules(doc, shown, doc_id, fmt, size, t0)


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


def judge(out: Outcome, t: Task) -> Outcome:
    """Apply the plausibility verdict (pipeline/plausible.py) to a reading."""
    from .plausible import verdict

    if out.status != OK or out.doc is None or out.extraction is None:
        return out
    v = verdict(out.doc, out.extraction, t.text)
    out.scores = (v.vietnamese, v.report)
    if v.status:
        return replace(out, status=v.status, error=v.message, extraction=None, limit=v.limit)
    if v.warning and v.warning not in out.doc.warnings:
        out.doc.warnings.append(v.warning)
    return out


# --- the run ----------------------------------------------------------------------
ProgressFn = Callable[[int, int, FileResult], None]


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def ingest(paths: Iterable[str | Path], con, *, workers: int = 1, force: bool = False,
           progress: Optional[ProgressFn] = None, command: str = "ingest",
           settings: Optional[Settings] = None, run_id: Optional[str] = None,
           summary: Optional[IngestSummary] = None) -> IngestSummary:
    """Ingest every file under ``paths`` into the open warehouse ``con``.

    With ``run_id`` the caller has started the ``runs`` row and finishes it (and may
    pass the ``summary`` to fill, to report what was done if the run is stopped);
    otherwise this records a run of its own.
    """
    from warehouse.runs import finish_run, start_run

    from .stop import Interrupted, deferred

    paths = list(paths)
    settings = settings or Settings()
    t_start = time.perf_counter()
    own = run_id is None
    run_id = run_id or new_run_id()
    if own:
        start_run(con, run_id, command, [inbox.shown(str(p)) for p in paths])
    run = _Run(con, run_id, settings, workers, force, progress, summary)
    try:
        run.go(paths)
    except BaseException as e:
        run.summary.seconds = time.perf_counter() - t_start
        run.close(complete=False)
        if own:
            status = "interrupted" if isinstance(e, (Interrupted, KeyboardInterrupt)) else "failed"
            finish_run(con, run_id, run.summary, status=status, error=describe(e, run.summary))
        raise
    run.summary.seconds = time.perf_counter() - t_start
    changed = run.book.moved or any(r.action not in ("skipped", "duplicate") for r in run.summary.results)
    with deferred():                    # the grouping is rewritten whole or not at all
        run.summary.reviews = _regroup(con, changed)
    if own:
        finish_run(con, run_id, run.summary, status="ok")
    return run.summary


def describe(e: BaseException, summary: IngestSummary) -> str:
    done = f"after {len(summary.results)} of {summary.total} files"
    if isinstance(e, KeyboardInterrupt):
        return f"stopped by SIGINT {done}"
    from .stop import Interrupted
    if isinstance(e, Interrupted):
        return f"{e} {done}"
    return f"{type(e).__name__}: {e} ({done})"


class _Run:
    """One ingest: the listing, the decisions, the workers, the saving."""

    def __init__(self, con, run_id: str, settings: Settings, workers: int, force: bool,
                 progress: Optional[ProgressFn], summary: Optional[IngestSummary] = None):
        from warehouse.files import Book

        self.con, self.run_id, self.settings, self.force = con, run_id, settings, force
        self.workers = workers
        self.progress = progress
        self.summary = summary if summary is not None else IngestSummary(run_id=run_id)
        self.rv, self.uv = reader_version(), rules_version()
        self.book = Book.open(con, run_id)
        self.known = _known(con)
        self.listing: Optional[inbox.Listing] = None
        self.scheduled: set[str] = set()

    # -- driving -------------------------------------------------------------------
    def go(self, paths: list) -> None:
        from .worker import Pool, Stopped

        self.listing = inbox.walk(paths)
        self.summary.others = list(self.listing.others)
        self.summary.total = len(self.listing.files)
        for e in self.listing.others:
            self.book.see(e, status=e.status, reason=e.reason, hashed=False)
        tasks, entries = [], {}
        for e in self.listing.files:
            t = self.plan(e)
            if t is not None:
                tasks.append(t)
                entries[t.shown] = e
        if not tasks:
            self.close(complete=True)
            return
        with _doc_batch(tasks, self.settings.limits) as tasks, Pool(self.workers, self.settings.limits) as pool:
            for t, res in pool.map(tasks):
                if isinstance(res, Stopped):
                    res = stopped_outcome(t, res)
                self.done(entries[t.shown], t, res)
        self.close(complete=True)

    def close(self, complete: bool) -> None:
        if self.listing is not None:
            self.book.finish(self.listing.roots, self.listing.blind, complete=complete)

    def report(self, r: FileResult) -> None:
        self.summary.results.append(r)
        if self.progress:
            self.progress(len(self.summary.results), self.summary.total, r)

    # -- deciding ------------------------------------------------------------------
    def plan(self, e: inbox.Entry) -> Optional[Task]:
        """Handle a file that needs no reading at once; return the task for one that does."""
        from extractors import format_of

        s = self.settings
        fmt = format_of(e.path)
        doc_id = None if self.force else self.book.unchanged(e.shown, e.stat_key)
        size = e.st.st_size if e.st is not None else None
        if doc_id is None:
            doc_id, size, err = file_id(Path(e.path))
            if doc_id is None:
                mid = missing_id(e.path)
                self.fail(e, mid, fmt, FAILED, err, None)
                return None
        if doc_id in self.scheduled:
            self.book.see(e, doc_id=doc_id)
            self.report(FileResult(e.shown, doc_id, "duplicate", self.known[doc_id][0]
                                   if doc_id in self.known else OK))
            return None
        self.scheduled.add(doc_id)
        k = self.known.get(doc_id)
        if fmt is None:
            return self.unsupported(e, doc_id, size, k)
        if k is not None and not self.force and self.keep(k):
            status, rv, uv = k[0], k[1], k[2]
            if status == OK and rv == self.rv and uv != self.uv:
                return self.rerun(e, doc_id, size)
            self.book.see(e, doc_id=doc_id)
            self.report(FileResult(e.shown, doc_id, "skipped", status))
            return None
        try:
            caps.check_size(fmt, size, s.limits)
        except caps.LimitExceeded as x:
            self.save(e, Outcome(e.shown, doc_id, fmt, size, x.status, x.message, None, None, 0.0, limit=x.limit),
                      "failed")
            return None
        return Task(e.path, e.shown, doc_id, size, fmt, s.limits, s.text)

    def keep(self, k: tuple) -> bool:
        """Is what the warehouse holds for this content still good (no reading needed)?  A file
        stopped at a size, time or memory limit is not read again until that limit is raised; one
        judged not Vietnamese or not a report, until the threshold is lowered or the reader changes."""
        status, rv, uv, limit = k
        if limit:
            t = self.settings.text
            if caps.more_permissive(limit, self.settings.limits, t.min_vietnamese, t.min_report):
                return False
            return rv == self.rv or not limit.startswith("min_")
        return rv == self.rv

    def unsupported(self, e: inbox.Entry, doc_id: str, size, k) -> None:
        msg = (f"Định dạng '{Path(e.path).suffix or '(không có đuôi)'}' chưa được hỗ trợ; "
               "các định dạng đọc được: .doc, .docx, .md, .pdf, .txt.")
        if k and k[0] == UNSUPPORTED and not self.force:
            self.book.see(e, doc_id=doc_id)
            self.report(FileResult(e.shown, doc_id, "skipped", UNSUPPORTED, msg))
            return None
        self.fail(e, doc_id, Path(e.path).suffix.lstrip(".").lower() or None, UNSUPPORTED, msg, size)
        return None

    def rerun(self, e: inbox.Entry, doc_id: str, size) -> Optional[Task]:
        from warehouse import store

        doc = store.load_document(self.con, doc_id)
        if doc is None:
            return self.task(e, doc_id, size)
        s = self.settings
        return Task(e.path, e.shown, doc_id, size, doc.format, s.limits, s.text, doc=doc)

    def task(self, e, doc_id, size) -> Task:
        from extractors import format_of
        s = self.settings
        return Task(e.path, e.shown, doc_id, size, format_of(e.path), s.limits, s.text)

    # -- recording -----------------------------------------------------------------
    def fail(self, e: inbox.Entry, doc_id: str, fmt, status: str, error: str, size) -> None:
        self.save(e, Outcome(e.shown, doc_id, fmt, size, status, error, None, None, 0.0), "failed")

    def done(self, e: inbox.Entry, t: Task, out: Outcome) -> None:
        if out.doc_id != t.doc_id and out.doc_id in self.scheduled and out.doc_id in self.known:
            # replaced while waiting by bytes this run already has: nothing more to store
            self.book.see(e, doc_id=out.doc_id, hashed=False)
            self.report(FileResult(e.shown, out.doc_id, "duplicate", self.known[out.doc_id][0]))
            return
        action = "rerun" if t.doc is not None else ("loaded" if out.status == OK else "failed")
        self.save(e, out, action, hashed=out.doc_id == t.doc_id)

    def save(self, e: inbox.Entry, out: Outcome, action: str, hashed: bool = True) -> None:
        _save(self.con, out, self.run_id, self.rv, self.uv)
        self.known[out.doc_id] = (out.status, self.rv, self.uv if out.status == OK else None, out.limit)
        self.scheduled.add(out.doc_id)
        self.book.see(e, doc_id=out.doc_id, hashed=hashed)
        self.report(_result(out, action))


def stopped_outcome(t: Task, s) -> Outcome:
    """A task the pool stopped (a limit) or whose worker died, as a failure to record."""
    if s.limit == "crash":
        return Outcome(t.shown, t.doc_id, t.fmt, t.size, FAILED, f"{s.message} {caps.CRASH_HINT}", None, None, 0.0)
    return Outcome(t.shown, t.doc_id, t.fmt, t.size, FAILED, f"{s.message} {caps.RETRY_HINT.capitalize()}", None,
                   None, s.value if s.limit == "seconds" else 0.0, limit=f"{s.limit}={s.value:g}")


def _known(con) -> dict[str, tuple]:
    """doc_id -> (status, reader_version, rules_version, limit_hit) for every document."""
    return {r[0]: tuple(r[1:]) for r in con.execute(
        "SELECT doc_id, status, reader_version, rules_version, limit_hit FROM documents").fetchall()}


@contextlib.contextmanager
def _doc_batch(tasks: list[Task], limits: Limits):
    """The tasks with the .docx of every .doc converted by one LibreOffice process (the
    batch's folder lives until the workers are done)."""
    docs = [t.path for t in tasks if t.doc is None and t.fmt == "doc"]
    if len(docs) < 2:
        yield tasks
        return
    from extractors.doc_batch import DocBatch
    with DocBatch() as batch:
        converted = convert_docs(batch, docs, limits)
        yield [replace(t, converted=converted[t.path]) if t.path in converted and t.doc is None
               else t for t in tasks]


def convert_docs(batch, docs: list[str], limits: Limits) -> dict[str, str]:
    """The batch's LibreOffice calls, each in a bounded worker (:mod:`pipeline.worker`): a
    call past the time or memory limit of one file is stopped, LibreOffice with it, and its
    files are then read one by one, each within the limits — a .doc that hangs LibreOffice
    holds the night up for ``seconds``, not for the batch's own allowance."""
    from .worker import Pool, Stopped

    jobs = batch.jobs(docs)
    out: dict[str, str] = {}
    if not jobs:
        return out
    with Pool(1, limits, job="extractors.doc_batch:convert_job") as pool:
        for _, res in pool.map(jobs):
            batch.calls += 1
            if not isinstance(res, Stopped):
                out.update(res)
    return out


def _regroup(con, changed: bool = True) -> dict:
    """Copies of one report are one report; reviews follow their facts (pipeline/reports.py, reviews.py).
    A run that changed no document and no path leaves the reports as they were."""
    from .reports import refresh_reports
    from .reviews import resolve
    if changed:
        refresh_reports(con)
    return resolve(con)


def _result(out: Outcome, action: str) -> FileResult:
    n = len(out.extraction.facts) if out.extraction else 0
    return FileResult(out.path, out.doc_id, action, out.status, out.error, n, out.seconds,
                      list(out.doc.warnings) if out.doc is not None and out.status == OK else [])


def _extra(out: Outcome) -> list[tuple[str, list]]:
    vi, rep = out.scores
    return [("UPDATE documents SET vietnamese_score = ?, report_score = ?, limit_hit = ? WHERE doc_id = ?",
             [vi, rep, out.limit, out.doc_id])]


def _save(con, out: Outcome, run_id: str, rv: str, uv: str) -> None:
    from warehouse import store
    if out.status == OK:
        # a file changed in place replaces what its older content gave (a new version that
        # cannot be read leaves the last good reading in place) -- unless another path still
        # holds the older content
        for old in store.superseded(con, out.doc_id, out.path):
            if not _held_elsewhere(con, old, out.path):
                store.drop_document(con, old)
    if out.status == OK and out.doc is not None and out.extraction is not None:
        store.save_document(con, doc_id=out.doc_id, path=out.path, doc=out.doc, extraction=out.extraction,
                            size=out.size, run_id=run_id, reader_version=rv, rules_version=uv,
                            seconds=out.seconds, extra=_extra(out))
    else:
        store.save_failure(con, doc_id=out.doc_id, path=out.path, fmt=out.fmt, status=out.status,
                           error=out.error or "Không rõ lỗi.", size=out.size, run_id=run_id, reader_version=rv,
                           extra=_extra(out))


def _held_elsewhere(con, doc_id: str, path: str) -> bool:
    return con.execute("SELECT count(*) FROM files WHERE doc_id = ? AND path <> ? AND status IS DISTINCT FROM 'gone'",
                       [doc_id, path]).fetchone()[0] > 0
