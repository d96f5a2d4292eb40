"""The files table over several nights: a content keeps its path when a copy turns up,
moves to a copy when its file goes, a file that went is marked gone, and a file that
has not changed is not even hashed again."""
from __future__ import annotations

import os
import shutil

import pipeline.ingest as ingest_mod
from nightly_support import CORPUS
from pipeline.ingest import ingest
from warehouse import connect

REPORT = CORPUS / "004_93c9989aa407a5d1.txt"


def _state(con):
    files = {p.rsplit("/", 1)[-1]: (s, d and d.rsplit("/", 1)[-1]) for p, s, d in con.execute(
        "SELECT path, status, duplicate_of FROM files").fetchall()}
    docs = [p.rsplit("/", 1)[-1] for (p,) in con.execute("SELECT path FROM documents").fetchall()]
    return files, docs


def test_a_content_keeps_its_path_then_follows_its_copies(tmp_path):
    box = tmp_path / "inbox"
    box.mkdir()
    shutil.copyfile(REPORT, box / "b_ban_dau.txt")
    con = connect(tmp_path / "w.duckdb")
    ingest([box], con)
    assert _state(con) == ({"b_ban_dau.txt": ("ok", None)}, ["b_ban_dau.txt"])
    # a copy that sorts first arrives: the stored path does not flip to it
    shutil.copyfile(REPORT, box / "a_gui_lai.txt")
    s = ingest([box], con)
    assert sorted(r.action for r in s.results) == ["duplicate", "skipped"]   # nothing read
    assert _state(con) == ({"a_gui_lai.txt": ("duplicate", "b_ban_dau.txt"), "b_ban_dau.txt": ("ok", None)},
                           ["b_ban_dau.txt"])
    # the first file goes: the content moves to the copy, the file is marked gone
    (box / "b_ban_dau.txt").unlink()
    ingest([box], con)
    assert _state(con) == ({"a_gui_lai.txt": ("ok", None), "b_ban_dau.txt": ("gone", None)}, ["a_gui_lai.txt"])
    reason = con.execute("SELECT reason FROM files WHERE status = 'gone'").fetchone()[0]
    assert "Không còn thấy tệp" in reason
    # changed in place: the new content replaces the old, no copy holds the old one any more
    (box / "a_gui_lai.txt").write_text(REPORT.read_text(encoding="utf-8").replace("945 hộ", "954 hộ"),
                                       encoding="utf-8")
    ingest([box], con)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM facts WHERE value = 954").fetchone()[0] == 1
    con.close()


def test_an_unchanged_file_is_not_hashed_again_and_a_touched_one_is(tmp_path, monkeypatch):
    box = tmp_path / "inbox"
    box.mkdir()
    for n in ("000_3a864a165f113b92.txt", "004_93c9989aa407a5d1.txt"):
        shutil.copyfile(CORPUS / n, box / n)
    con = connect(tmp_path / "w.duckdb")
    ingest([box], con)
    hashed = []
    real = ingest_mod.file_id

    def counting(path):
        hashed.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(ingest_mod, "file_id", counting)
    s = ingest([box], con)
    assert s.count("skipped") == 2 and hashed == []
    os.utime(box / "004_93c9989aa407a5d1.txt")            # touched, same bytes
    s = ingest([box], con)
    assert s.count("skipped") == 2 and hashed == ["004_93c9989aa407a5d1.txt"]
    s = ingest([box], con, force=True)                      # --force hashes and reads everything
    assert s.count("loaded") == 2 and len(hashed) == 3
    con.close()
