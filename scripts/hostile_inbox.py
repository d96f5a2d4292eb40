#!/usr/bin/env python3
"""The hostile inbox of issue 10 at full size, run through `tdkt nightly` as a timer would.

Builds, in a temporary folder: the sample corpus, ten more reports (tests/data), and
a 290 MB-XML .docx, a 200 MB .txt, a 2 000-page PDF, symbolic-link loops, a folder
nobody may read, duplicate bytes, a VNI text, a FIFO, a name that is not UTF-8 and an
English README.  Runs `tdkt nightly` on it with the default limits (as an ordinary
user would, even when this runs as root), and prints the wall time, the peak memory
of the whole process tree (the main process and its readers, sampled every 50 ms),
and every path with its status.  Nothing is asserted: the in-suite version with
small sizes is tests/test_hostile.py.

    .venv/bin/python scripts/hostile_inbox.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile_support as h  # noqa: E402

TEN_MORE = ["genre/reports/g02_bacgiang_tanthanh_2023h1.txt", "genre/reports/g05_langson_caoloc_2021.txt",
            "genre/reports/g11_nghean_yenthanh_ntm_2021_2025.txt", "holdout/reports/h01_soctrang_mytu_2023.txt",
            "holdout/reports/h02_travinh_ninhthoi_2024h1.txt", "holdout/reports/h03_daklak_krongpac_2020_2025.txt",
            "holdout/reports/h10_bentre_hoinongdan_2024.txt", "planted/reports/p10_angiang_vinhtrach_2021.txt",
            "docx/hai_cot.docx", "pdf/mot_trang_quet.pdf"]


def build(box: Path) -> None:
    box.mkdir(parents=True)
    for p in sorted((ROOT / "corpus").iterdir()):
        shutil.copyfile(p, box / p.name)
    more = box / "them"
    more.mkdir()
    for rel in TEN_MORE:
        shutil.copyfile(ROOT / "tests" / "data" / rel, more / Path(rel).name)
    hostile = box / "doc_hai"
    hostile.mkdir()
    t = time.monotonic()
    h.big_xml_docx(hostile / "bom_xml_290MB.docx", xml_mb=290)
    h.big_txt(hostile / "van_ban_200MB.txt", mb=200)
    h.many_page_pdf(hostile / "2000_trang.pdf", pages=2000)
    h.symlink_loops(hostile / "lien_ket")
    h.unreadable_folder(hostile / "khong_duoc_doc", ROOT / "corpus" / "002_0e22d76ab771f56c.txt")
    shutil.copyfile(ROOT / "corpus" / "000_3a864a165f113b92.txt", hostile / "ban_gui_lai.txt")
    h.vni_txt(hostile / "vni_bao_cao.txt")
    h.fifo(hostile / "ong_dan.txt")
    h.odd_name(hostile, ROOT / "corpus" / "004_93c9989aa407a5d1.txt")
    (hostile / "README.md").write_text(h.README_EN, encoding="utf-8")
    print(f"built the inbox in {time.monotonic() - t:.1f} s: "
          f"{sum(1 for _ in box.rglob('*') if not _.is_dir() or _.is_symlink())} paths")


def tree_rss_mb(pid: int) -> float:
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(x) for x in fh.read().split())
        except OSError:
            continue
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", help="build in this folder and keep it (default: a temporary folder)")
    a = ap.parse_args()
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tdkt-hostile-"))
    box, db = tmp / "inbox", tmp / "w.duckdb"
    try:
        build(box)
        cmd = h.as_unprivileged([sys.executable, "-m", "pipeline.cli", "nightly", str(box), "--db", str(db)])
        env = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
        env["PYTHONPATH"] = str(ROOT)
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = [0.0]

        def sample():
            while p.poll() is None:
                peak[0] = max(peak[0], tree_rss_mb(p.pid))
                time.sleep(0.05)

        threading.Thread(target=sample, daemon=True).start()
        out, err = p.communicate()
        wall = time.monotonic() - t0
        print(out)
        print(f"exit status {p.returncode}; {wall:.1f} s; peak memory of tdkt and its readers {peak[0]:.0f} MB")
        import duckdb
        con = duckdb.connect(str(db), read_only=True)
        for path, kind, status, reason in con.execute(
                "SELECT path, kind, status, reason FROM files ORDER BY path").fetchall():
            print(f"  {status:<14} {kind:<7} {os.path.relpath(path, box)}" + (f": {reason}" if reason else ""))
        print(con.execute("SELECT status, count(*) FROM files GROUP BY 1 ORDER BY 2 DESC").fetchall())
        con.close()
    finally:
        ro = box / "doc_hai" / "khong_duoc_doc"
        if ro.exists():
            os.chmod(ro, 0o755)
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
