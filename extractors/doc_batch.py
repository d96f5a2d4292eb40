"""Converting many .doc files with one LibreOffice process.

Starting LibreOffice costs about a second; converting a file once it runs, a
tenth of that.  :class:`DocBatch` converts all the .doc files of a run with one
``soffice --convert-to docx`` call per chunk of :data:`CHUNK` files (copies with
plain names in a temporary folder of its own; the originals are never touched),
within :data:`PER_FILE_SECONDS` a file.  A file the batch could not convert (a
damaged or password-protected file, a chunk over its time limit) gets no entry,
and its reader converts it alone, with the per-file limit and messages of
:mod:`extractors.doc`.

API::

    with DocBatch() as batch:
        converted = batch.convert(paths)       # {path: Path of its .docx}
        doc = extractors.doc.extract(path, converted=converted.get(path))

    # or each LibreOffice call in a process of the caller's (ingest's bounded workers):
    for job in batch.jobs(paths):
        converted.update(convert_job(job))     # {path: str of its .docx}
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

CHUNK = 100               # files per LibreOffice call
PER_FILE_SECONDS = 30     # time allowed per file in a chunk (the chunk's limit is this times its size)


class DocBatch:
    def __init__(self, workdir: Optional[str] = None):
        self._own = workdir is None
        self.dir = Path(workdir or tempfile.mkdtemp(prefix="tdkt-docs-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.calls = 0                        # LibreOffice processes started

    def __enter__(self) -> "DocBatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._own:
            shutil.rmtree(self.dir, ignore_errors=True)

    def convert(self, paths: Iterable[str]) -> dict[str, Path]:
        """Convert what can be converted; returns the .docx of each file that was."""
        out: dict[str, Path] = {}
        for job in self.jobs(paths):
            out.update({p: Path(f) for p, f in convert_job(job).items()})
            self.calls += 1
        return out

    def jobs(self, paths: Iterable[str]) -> list["Job"]:
        """The LibreOffice calls :meth:`convert` makes, one per chunk, for a caller that runs
        each in a process it can stop (ingest: a bounded worker, :mod:`pipeline.worker`)."""
        from .doc import batchable, soffice_path

        if soffice_path() is None:
            return []
        todo = [p for p in dict.fromkeys(str(p) for p in paths) if batchable(p)]
        return [Job(str(self.dir), todo[i:i + CHUNK], i) for i in range(0, len(todo), CHUNK)]

    def _chunk(self, exe: str, paths: list[str], base: int) -> dict[str, Path]:
        """One LibreOffice call (see :func:`convert_job`)."""
        work = self.dir / f"chunk{base:06d}"
        src, dst, profile = work / "in", work / "out", work / "profile"
        src.mkdir(parents=True)
        dst.mkdir()
        names: dict[str, str] = {}
        for k, p in enumerate(paths):
            name = f"f{base + k:06d}"
            try:
                shutil.copyfile(p, src / f"{name}.doc")
            except OSError:
                continue
            names[name] = p
        if not names:
            return {}
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(dst)] + \
              [str(src / f"{n}.doc") for n in names]
        env = dict(os.environ, HOME=str(work))
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                           env=env, timeout=PER_FILE_SECONDS * len(names))
        except (subprocess.TimeoutExpired, OSError):
            pass                              # what was converted stays; the rest are read one by one
        out = {}
        for name, p in names.items():
            f = dst / f"{name}.docx"
            if f.exists() and f.stat().st_size > 0:
                out[p] = f
        return out


@dataclass(frozen=True)
class Job:
    """One chunk of a batch: where the batch works, the files, the number of the first."""
    workdir: str
    paths: list[str]
    base: int


def convert_job(job: Job) -> dict[str, str]:
    """Convert one chunk with one LibreOffice process: {path: its .docx}.  Picklable both
    ways, so a worker process can run it."""
    from .doc import soffice_path

    exe = soffice_path()
    if exe is None:
        return {}
    return {p: str(f) for p, f in DocBatch(job.workdir)._chunk(exe, job.paths, job.base).items()}
