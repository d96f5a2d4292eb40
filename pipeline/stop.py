"""Stopping a run on SIGTERM / SIGINT / SIGHUP so that its record tells the truth.

:func:`handle_signals` turns those signals into :class:`Interrupted` raised in
the main thread: the ingest loop stops its workers, the run is recorded as
``interrupted`` and what was loaded is published.  Inside :func:`deferred`
(publishing, the last writes of a run record) a signal is remembered and raised
only when the block ends, so a stop never leaves half a publish behind.
"""
from __future__ import annotations

import contextlib
import signal
import threading

SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Interrupted(BaseException):
    """The run was asked to stop (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int):
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(f"stopped by {self.name}")

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


_pending: list[int] = []
_depth = [0]


def _handler(signum, frame):
    if _depth[0]:
        _pending.append(signum)
        return
    raise Interrupted(signum)


def handle_signals() -> None:
    """Install the handlers (main thread only; a no-op elsewhere) and forget any earlier run's state."""
    if threading.current_thread() is not threading.main_thread():
        return
    _depth[0] = 0
    _pending.clear()
    for s in SIGNALS:
        signal.signal(s, _handler)


@contextlib.contextmanager
def deferred():
    """Hold signals until the block ends (nestable)."""
    _depth[0] += 1
    try:
        yield
    finally:
        _depth[0] -= 1
        if not _depth[0] and _pending:
            signum = _pending[0]
            _pending.clear()
            raise Interrupted(signum)


def ignore_further() -> None:
    """Once the work is done or given up: a signal now must not cut the record or the publish
    short (it is remembered, never raised, until :func:`handle_signals` is called again)."""
    _depth[0] += 1
