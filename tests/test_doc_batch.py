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
    real = DocBatch.convert

    def spy(self, ps):
        out = real(self, ps)
        calls.append((len(list(ps)), self.calls, len(out)))
        return out

    monkeypatch.setattr(DocBatch, "convert", spy)
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
