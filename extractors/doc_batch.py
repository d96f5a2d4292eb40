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
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
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
        from .doc import batchable, soffice_path

        exe = soffice_path()
        todo = [p for p in dict.fromkeys(str(p) for p in paths) if batchable(p)]
        out: dict[str, Path] = {}
        if exe is None or not todo:
            return out
        for i in range(0, len(todo), CHUNK):
            out.update(self._chunk(exe, todo[i:i + CHUNK], i))
        return out

    def _chunk(self, exe: str, paths: list[str], base: int) -> dict[str, Path]:
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
        self.calls += 1
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
