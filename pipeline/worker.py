"""Bounded worker processes: each file is read in a process that can be stopped.

A :class:`Pool` keeps ``n`` worker processes (``python -m pipeline.worker``),
hands each one task at a time and watches it:

* a task running longer than ``Limits.seconds`` or a worker whose resident
  memory passes ``Limits.memory_mb`` is killed (with whatever it started, e.g.
  LibreOffice) and the task comes back as :class:`Stopped`, with the reason;
* a worker that dies by itself (a crash in a C library, the kernel's OOM killer)
  gives a :class:`Stopped` too, and a fresh worker takes the next task;
* workers die with the main process: Linux delivers them SIGKILL when it goes
  (``PR_SET_PDEATHSIG``), each also watches its parent's pid, and a worker never
  holds the main process's files or locks (it is a fresh ``exec``, not a fork).

The job itself (what a worker does with a task) is a function named by
``module:function``, called in the worker and returning a picklable value.
"""
from __future__ import annotations

import ctypes
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator

from .config import Limits

PR_SET_PDEATHSIG = 1
STARTUP_SECONDS = 120.0     # a worker that cannot even start (imports) in this time is broken
POLL = 0.05                 # seconds between memory looks


@dataclass
class Stopped:
    """A task the pool had to stop, or whose worker died."""
    limit: str           # "seconds", "memory_mb" or "crash"
    value: float         # the limit in force (seconds, MB) or the worker's exit status
    message: str         # Vietnamese, for documents.error


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, IndexError, ValueError):
        return 0.0


def _child_setup(memory_mb: int, parent: int) -> None:
    """First thing in a worker: die with the parent, cap the address space."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:          # the parent went before the line above took effect
        os._exit(70)
    try:
        import resource
        # a hard stop against a burst faster than the parent's look at the memory
        cap = (2 * memory_mb + 512) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):  # pragma: no cover
        pass


class _Worker:
    def __init__(self, job: str, limits: Limits):
        self.tmp = tempfile.mkdtemp(prefix="tdkt-worker-")
        r_task, w_task = os.pipe()
        r_res, w_res = os.pipe()
        env = dict(os.environ)
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        debug = bool(os.environ.get("TDKT_DEBUG"))
        self.proc = subprocess.Popen(
            # -P: the current folder is not put on sys.path, so a job started in a folder that has a
            # ``pipeline`` package of its own (another checkout, another project) still runs tdkt's
            [sys.executable, "-P", "-m", "pipeline.worker", str(r_task), str(w_res), job, self.tmp, str(os.getpid()),
             str(limits.memory_mb)],
            pass_fds=(r_task, w_res), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=None if debug else subprocess.DEVNULL, start_new_session=True, env=env)
        os.close(r_task)
        os.close(w_res)
        self.tasks = Connection(w_task, readable=False)
        self.results = Connection(r_res, writable=False)
        self.task: Any = None
        self.started = 0.0
        self.peak_mb = 0.0
        self.ready = False
        self.born = time.monotonic()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def send(self, task: Any) -> None:
        self.task = task
        self.started = time.monotonic()
        self.tasks.send(task)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass
        for c in (self.tasks, self.results):
            try:
                c.close()
            except OSError:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def stop(self) -> None:
        """Ask an idle worker to finish, then make sure it did."""
        try:
            self.tasks.send(None)
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            pass
        self.kill()


class Pool:
    """``n`` bounded workers; :meth:`map` yields ``(task, result or Stopped)`` as tasks finish."""

    def __init__(self, n: int, limits: Limits, job: str = "pipeline.ingest:read_task"):
        self.n = max(1, n)
        self.limits = limits
        self.job = job
        self.workers: list[_Worker] = []
        self.peak_mb = 0.0

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for w in self.workers:
            w.kill() if w.task is not None else w.stop()
        self.workers = []

    def _spawn(self) -> _Worker:
        w = _Worker(self.job, self.limits)
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker) -> None:
        w.kill()
        self.workers.remove(w)

    def map(self, tasks: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Results in the order tasks finish.  A worker gets its next task as soon as it hands
        one back, before the caller deals with the result: reading and saving overlap."""
        queue = list(tasks)
        queue.reverse()
        while queue or self._busy():
            while queue and len(self.workers) < min(self.n, len(queue) + self._busy()):
                self._spawn()
            self._feed(queue)
            yield from self._collect(queue)

    def _busy(self) -> int:
        return sum(1 for w in self.workers if w.task is not None)

    def _feed(self, queue: list) -> None:
        for w in self.workers:
            if w.ready and w.task is None and queue:
                w.send(queue.pop())

    def _collect(self, queue: list) -> Iterator[tuple[Any, Any]]:
        conns = {w.results: w for w in self.workers}
        done = []
        for c in wait(list(conns), timeout=POLL):
            w = conns[c]
            try:
                kind, value = c.recv()
            except (EOFError, OSError):
                done.extend(self._died(w, queue))
                continue
            except Exception as e:          # a result that does not unpickle: that task failed, not the worker
                kind, value = "error", f"{type(e).__name__}: {e}"
            if kind == "ready":
                w.ready = True
            elif kind == "done":
                task, w.task = w.task, None
                done.append((task, value))
            elif kind == "error":
                task, w.task = w.task, None
                done.append((task, Stopped("crash", 0, f"Lỗi không mong đợi khi đọc tệp ({value}).")))
        self._feed(queue)
        yield from done
        yield from self._watch(queue)

    def _died(self, w: _Worker, queue: list) -> Iterator[tuple[Any, Any]]:
        task = w.task
        try:
            status = w.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            status = -9
        self._retire(w)
        if task is None:
            if not w.ready:
                raise RuntimeError(f"a reader process could not start (exit status {status})")
            return
        if status in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS) and w.peak_mb:
            msg = (f"Tiến trình đọc tệp bị dừng đột ngột (tín hiệu {signal.Signals(-status).name}, bộ nhớ đã dùng "
                   f"khoảng {w.peak_mb:.0f} MB): tệp có thể quá lớn hoặc bị hỏng.")
        else:
            msg = f"Tiến trình đọc tệp bị dừng đột ngột (mã thoát {status}): tệp có thể bị hỏng."
        yield task, Stopped("crash", float(status), msg)

    def _watch(self, queue: list) -> Iterator[tuple[Any, Any]]:
        now = time.monotonic()
        for w in list(self.workers):
            if not w.ready:
                if now - w.born > STARTUP_SECONDS:
                    self._retire(w)
                    raise RuntimeError(f"a reader process did not start within {STARTUP_SECONDS:g} s")
                continue
            if w.task is None:
                continue
            rss = _rss_mb(w.pid)
            w.peak_mb = max(w.peak_mb, rss)
            self.peak_mb = max(self.peak_mb, rss)
            task = w.task
            if rss > self.limits.memory_mb:
                self._retire(w)
                yield task, Stopped("memory_mb", self.limits.memory_mb,
                                    f"Đọc tệp cần hơn {self.limits.memory_mb} MB bộ nhớ (giới hạn memory_mb): "
                                    "đã dừng đọc tệp này.")
            elif now - w.started > self.limits.seconds:
                self._retire(w)
                yield task, Stopped("seconds", self.limits.seconds,
                                    f"Đọc tệp mất quá {self.limits.seconds:g} giây (giới hạn seconds): "
                                    "đã dừng đọc tệp này.")


# --- the worker process ------------------------------------------------------------
def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(70)
        time.sleep(1.0)


def _serve(task_fd: int, result_fd: int, job: str, tmp: str, parent: int, memory_mb: int) -> int:
    _child_setup(memory_mb, parent)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)          # the main process decides when a worker stops
    tasks = Connection(task_fd, writable=False)
    results = Connection(result_fd, readable=False)
    mod, _, name = job.partition(":")
    fn = getattr(importlib.import_module(mod), name)
    warm = getattr(importlib.import_module(mod), "warm_up", None)
    if warm is not None:
        warm()
    os.environ["TDKT_WORKER_TMP"] = tmp
    results.send(("ready", os.getpid()))
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            return 0
        if task is None:
            return 0
        try:
            results.send(("done", fn(task)))
        except Exception as e:     # the job broke its promise (to return a picklable value): say so
            results.send(("error", f"{type(e).__name__}: {e}"))


if __name__ == "__main__":
    a = sys.argv[1:]
    sys.exit(_serve(int(a[0]), int(a[1]), a[2], a[3], int(a[4]), int(a[5])))
