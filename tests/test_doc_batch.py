"""Many .doc files, one LibreOffice process (extractors.doc_batch): the batch gives
the same documents as converting each file alone, a file it cannot convert is left
to the reader (same status and message as without the batch), and ingest uses it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractors import doc as doc_reader
from extractors import extract
from extractors.doc_batch import DocBatch
from pipeline import ingest as ingest_mod
from pipeline.ingest import ingest
from pipeline.model import ExtractError
from test_reader_support import CORPUS, sha256
from warehouse import connect

needs_soffice = pytest.mark.skipif(not doc_reader.soffice_path(), reason="LibreOffice is not installed")


def _inbox(tmp_path, n: int):
    box = tmp_path / "in"
    box.mkdir()
    srcs = sorted(CORPUS.glob("*.doc"))
    paths = []
    for i in range(n):
        p = box / f"{i:02d} {srcs[i % len(srcs)].name}"
        shutil.copyfile(srcs[i % len(srcs)], p)
        paths.append(str(p))
    return box, paths


@needs_soffice
def test_one_process_converts_every_file_as_a_single_conversion_would(tmp_path):
    box, paths = _inbox(tmp_path, 6)
    broken = box / "hong.doc"
    broken.write_bytes(open(paths[0], "rb").read()[:3000])           # an OLE header, then nothing
    before = {p: sha256(Path(p)) for p in paths}
    with DocBatch() as batch:
        converted = batch.convert(paths + [str(broken)])
        assert batch.calls == 1
        assert set(converted) == set(paths)                          # the broken file is left to its reader
        for p in paths:
            via_batch = extract(p, converted[p])
            alone = extract(p)
            assert via_batch.text == alone.text and via_batch.path == p and via_batch.format == "doc"
            assert [(b.kind, b.level) for b in via_batch.blocks] == [(b.kind, b.level) for b in alone.blocks]
        workdir = batch.dir
    assert not workdir.exists()                                       # its temporary copies are gone
    assert {p: sha256(Path(p)) for p in paths} == before                   # originals untouched
    with pytest.raises(ExtractError) as e:
        extract(str(broken), converted.get(str(broken)))
    assert e.value.status == "failed" and "LibreOffice" in e.value.message


@needs_soffice
def test_ingest_converts_the_runs_doc_files_in_one_batch(tmp_path, monkeypatch):
    box, paths = _inbox(tmp_path, 5)
    calls = []
    real = ingest_mod.convert_docs

    def spy(batch, ps, limits):
        out = real(batch, ps, limits)
        calls.append((len(list(ps)), batch.calls, len(out)))
        return out

    monkeypatch.setattr(ingest_mod, "convert_docs", spy)
    con = connect(tmp_path / "w.duckdb")
    try:
        summary = ingest([box], con, workers=2)
        assert [r.status for r in summary.results] == ["ok"] * 5
        assert calls == [(5, 1, 5)]
        texts = dict(con.execute("SELECT d.path, t.text FROM documents d JOIN document_text t USING (doc_id)")
                     .fetchall())
        for p in paths:
            assert texts[p] == extract(str(CORPUS / p.split(" ", 1)[1].replace(".doc", ".txt"))).text
    finally:
        con.close()


def _processes_under(folder: Path) -> list[str]:
    """Command lines of the running processes that name ``folder`` (LibreOffice's profile and
    copies live there)."""
    import os
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(folder) in cmd:
            found.append(cmd)
    return found


@needs_soffice
def test_the_batch_runs_within_the_limits_of_one_file(tmp_path, monkeypatch):
    """LibreOffice's batch call is made in a bounded worker: past the time limit (here far below
    what LibreOffice needs to start) it is stopped with its LibreOffice, nothing is converted,
    and each file is then read alone within the same limit — recorded failed with the limit,
    never holding the run for the batch's own allowance (30 s a file)."""
    import tempfile
    import time
    from dataclasses import replace

    from pipeline.config import Limits, Settings

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))              # the workers' and LibreOffice's copies
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # the batch's folder, made in this process
    box, paths = _inbox(tmp_path, 4)
    calls = []
    real = ingest_mod.convert_docs

    def spy(batch, ps, limits):
        out = real(batch, ps, limits)
        calls.append((len(list(ps)), batch.calls, len(out)))
        return out

    monkeypatch.setattr(ingest_mod, "convert_docs", spy)
    settings = replace(Settings(), limits=Limits(seconds=0.3))
    con = connect(tmp_path / "w.duckdb")
    try:
        t0 = time.monotonic()
        summary = ingest([box], con, workers=2, settings=settings)
        seconds = time.monotonic() - t0
        rows = con.execute("SELECT status, limit_hit FROM documents ORDER BY path").fetchall()
    finally:
        con.close()
    assert calls == [(4, 1, 0)]                         # one call, stopped: nothing converted
    assert rows == [("failed", "seconds=0.3")] * 4 and len(summary.failed) == 4
    assert all("giới hạn seconds" in r.error for r in summary.failed)
    assert seconds < 30                                 # the batch's own allowance alone is 4 x 30 s
    assert _processes_under(tmp) == []                  # no LibreOffice left running
