#!/usr/bin/env python3
"""Measure tdkt's speed and memory against the targets of issue 11.

Builds an inbox of copies of the project's real reports with distinct bytes (by
default 400 .docx, 400 .pdf, 200 .txt, plus 100 .doc measured on their own) in a
folder outside the repository, then runs the CLI (``tdkt``, a fresh process each
time, as the nightly job does) and prints each figure next to its target:

* full ingest with ``--workers 1`` and ``--workers 2`` (files/s, with peak memory:
  the largest sum of the resident sizes of tdkt and all its child processes);
* PDF reading (pages/s, the PDFs alone, 2 workers); .docx end to end (files/s,
  2 workers); .doc (files/s, one LibreOffice process for the batch);
* an unchanged re-run of the whole inbox (``ingest``) and an unchanged ``nightly``;
* ``tdkt check`` on 100 / 300 / 1 000 documents, with the findings (linear?);
* OCR: the scanned seeds at 300 dpi (``tests/data/scanned/dpi300``), pages/s per
  worker and peak memory (Tesseract included).

Nothing is asserted: this is a measurement, run by hand.  ``--repeat 3`` gives the
median of three runs for the timed steps; ``--quick`` uses a tenth of the files.

    .venv/bin/python scripts/benchmark.py [--inbox DIR] [--repeat N] [--quick] [--skip-ocr]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


# --- the inbox ---------------------------------------------------------------------------
def sources() -> dict[str, list[Path]]:
    """Real reports with a text layer (scans are measured apart, in the OCR row)."""
    txt = sorted(ROOT.glob("corpus/*.txt")) + sorted(DATA.glob("*/reports/*.txt"))
    docx = sorted(ROOT.glob("corpus/*.docx")) + sorted((DATA / "docx").glob("*.docx"))
    pdf = sorted(ROOT.glob("corpus/*.pdf")) + [p for p in sorted((DATA / "pdf").glob("*.pdf"))
                                               if p.name != "mot_trang_quet.pdf"]
    return {"txt": txt, "docx": docx, "pdf": pdf, "doc": sorted(ROOT.glob("corpus/*.doc"))}


def distinct_copy(src: Path, dst: Path, n: int) -> None:
    """The same report with other bytes: a .docx gets its own revision number, a .txt a
    trailing blank line count, a PDF or .doc a comment after its end."""
    ext = src.suffix.lower()
    if ext == ".docx":
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "docProps/core.xml":
                    data = data.replace(b"</cp:coreProperties>",
                                        f"<cp:revision>{n}</cp:revision></cp:coreProperties>".encode())
                elif item.filename == "[Content_Types].xml":
                    data += f"<!-- {n} -->".encode()
                zout.writestr(item, data)
        return
    data = src.read_bytes()
    if ext == ".txt":
        dst.write_bytes(data.rstrip(b"\n") + b"\n" * (1 + n % 3) + b" " * (n // 3 + 1) + b"\n")
    elif ext == ".pdf":
        dst.write_bytes(data + f"\n%tdkt benchmark copy {n}\n%%EOF\n".encode())
    else:
        dst.write_bytes(data + f"tdkt benchmark copy {n}".encode().ljust(512, b"\0"))


def build_inbox(root: Path, counts: dict[str, int]) -> dict[str, Path]:
    src = sources()
    dirs = {}
    for fmt, n in counts.items():
        d = root / fmt
        d.mkdir(parents=True, exist_ok=True)
        files = src[fmt]
        for i in range(n):
            s = files[i % len(files)]
            distinct_copy(s, d / f"{i:04d}_{s.stem}.{fmt}", i)
        dirs[fmt] = d
    return dirs


def pdf_pages(folder: Path) -> int:
    import pypdfium2 as pdfium
    n = 0
    for p in folder.rglob("*.pdf"):
        pdf = pdfium.PdfDocument(str(p))
        n += len(pdf)
        pdf.close()
    return n


# --- running the CLI and watching its memory --------------------------------------------
def _tree_rss(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(x) for x in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def tdkt(*args, env=None) -> tuple[float, float, str]:
    """(seconds, peak MB of the process tree, stdout) of one tdkt command."""
    exe = shutil.which("tdkt", path=str(Path(sys.executable).parent)) or shutil.which("tdkt")
    cmd = [exe] if exe else [sys.executable, "-m", "pipeline.cli"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            cwd=ROOT, env=env, text=True)
    peak = [0]

    def watch():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    out, _ = proc.communicate()
    th.join()
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 5):
        raise SystemExit(f"tdkt {' '.join(map(str, args))} failed ({proc.returncode}):\n{out[-2000:]}")
    return secs, peak[0] / 2 ** 20, out


def timed(repeat: int, fn):
    runs = [fn() for _ in range(repeat)]
    secs = statistics.median(r[0] for r in runs)
    return secs, max(r[1] for r in runs), runs[-1][2]


# --- the report -----------------------------------------------------------------------------
ROWS: list[tuple[str, str, str, str]] = []


def row(step: str, figure: str, target: str, ok) -> None:
    mark = "" if ok is None else ("ok" if ok else "MISS")
    ROWS.append((step, figure, target, mark))
    print(f"  {step:<44} {figure:<34} {target:<22} {mark}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inbox", help="where to build the inbox (default: a temporary folder, removed after)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each timed step (median); the issue used 3")
    ap.add_argument("--quick", action="store_true", help="a tenth of the files")
    ap.add_argument("--skip-ocr", action="store_true", help="leave out the OCR row")
    a = ap.parse_args()

    scale = 10 if a.quick else 1
    counts = {"docx": 400 // scale, "pdf": 400 // scale, "txt": 200 // scale}
    n_doc = 100 // scale
    base = Path(a.inbox) if a.inbox else Path(tempfile.mkdtemp(prefix="tdkt-bench-"))
    try:
        t0 = time.perf_counter()
        dirs = build_inbox(base / "inbox", counts)
        doc_dir = build_inbox(base / "docs", {"doc": n_doc})["doc"]
        inbox = base / "inbox"
        n = sum(counts.values())
        pages = pdf_pages(dirs["pdf"])
        print(f"inbox {inbox}: {n} files ({counts['docx']} .docx, {counts['pdf']} .pdf with {pages} pages, "
              f"{counts['txt']} .txt), {n_doc} .doc apart; built in {time.perf_counter() - t0:.1f} s")
        print(f"\n  {'step':<44} {'measured':<34} {'target':<22}")
        work = base / "db"
        work.mkdir(exist_ok=True)

        def fresh(name: str) -> Path:
            db = work / f"{name}.duckdb"
            for p in work.glob(f"{name}.duckdb*"):
                p.unlink()
            return db

        s1, m1, _ = timed(a.repeat, lambda: tdkt("ingest", inbox, "--db", fresh("w1"), "--workers", 1, "-q"))
        row("full ingest, --workers 1", f"{s1:.1f} s ({n / s1:.1f} files/s)", "", None)
        s2, m2, _ = timed(a.repeat, lambda: tdkt("ingest", inbox, "--db", fresh("w2"), "--workers", 2, "-q"))
        row("full ingest, --workers 2", f"{s2:.1f} s ({n / s2:.1f} files/s)", f"under {60 // scale} s",
            s2 < 60 / scale)
        sp, _, _ = timed(a.repeat, lambda: tdkt("ingest", dirs["pdf"], "--db", fresh("pdf"), "--workers", 2, "-q"))
        row("PDF, end to end, 2 workers", f"{pages / sp:.0f} pages/s ({sp:.1f} s)", ">= 60 pages/s",
            pages / sp >= 60)
        sd, _, _ = timed(a.repeat, lambda: tdkt("ingest", dirs["docx"], "--db", fresh("docx"), "--workers", 2, "-q"))
        row(".docx, end to end, 2 workers", f"{counts['docx'] / sd:.1f} files/s ({sd:.1f} s)", ">= 40 files/s",
            counts["docx"] / sd >= 40)
        if shutil.which("soffice") or shutil.which("libreoffice"):
            so, _, _ = timed(a.repeat, lambda: tdkt("ingest", doc_dir, "--db", fresh("doc"), "--workers", 2, "-q"))
            row(".doc, end to end, 2 workers", f"{n_doc / so:.1f} files/s ({so:.1f} s)", ">= 5 files/s",
                n_doc / so >= 5)
        else:
            row(".doc", "not measured (no LibreOffice)", ">= 5 files/s", None)
        db = work / "w2.duckdb"
        sr, _, _ = timed(a.repeat, lambda: tdkt("ingest", inbox, "--db", db, "--workers", 2, "-q"))
        row(f"unchanged re-run of {n} files (ingest)", f"{sr:.2f} s", "keep (1,4 s)", None)
        tdkt("nightly", inbox, "--db", db, "--workers", 2)           # computes the findings once
        sn, mn, _ = timed(a.repeat, lambda: tdkt("nightly", inbox, "--db", db, "--workers", 2))
        row(f"unchanged nightly of {n} files", f"{sn:.2f} s", "under 2 s", sn < 2)

        import duckdb
        ids = [r[0] for r in duckdb.connect(str(db), read_only=True).execute(
            "SELECT doc_id FROM documents WHERE status = 'ok' ORDER BY doc_id").fetchall()]
        per = []
        for k in (100 // scale, 300 // scale, len(ids)):
            sub = work / f"check{k}.duckdb"
            shutil.copy(db, sub)
            con = duckdb.connect(str(sub))
            keep = ids[:k]
            con.execute("CREATE TEMP TABLE keep AS SELECT unnest(?::VARCHAR[]) AS doc_id", [keep])
            for t in ("facts", "honorees", "citations", "blocks", "document_text", "documents"):
                con.execute(f"DELETE FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM keep)")
            con.execute("DELETE FROM findings")
            con.execute("DELETE FROM check_state")
            con.close()
            sc, _, out = timed(a.repeat, lambda: (shutil.copy(sub, work / "c.duckdb"),
                                                  tdkt("check", "--db", work / "c.duckdb"))[1])
            nf = int(out.split(" findings", 1)[0].split()[-1]) if " findings" in out else 0
            per.append((k, sc, nf))
        figure = " / ".join(f"{s:.2f}" for _, s, _ in per) + " s; findings " + " / ".join(str(f) for *_, f in per)
        ratio = (per[-1][1] / per[-1][0]) / (per[0][1] / per[0][0]) if per[0][1] else 0
        row(f"tdkt check, {' / '.join(str(k) for k, _, _ in per)} documents", figure,
            "linear in documents", None)
        row("  time per document, largest / smallest set", f"{ratio:.2f}x", "about 1x (linear)", ratio < 1.6)
        row(f"peak memory, {n} files", f"{m1:.0f} MB (1 worker), {m2:.0f} MB (2)", "under 500 MB",
            max(m1, m2) < 500)

        if not a.skip_ocr:
            from extractors.ocr import engine
            if engine() is None:
                row("OCR", "not measured (no Tesseract with vie)", "", None)
            else:
                scans = DATA / "scanned" / "dpi300"
                sp_ = pdf_pages(scans)
                for w in (1, 2):
                    so, mo, _ = timed(1, lambda: tdkt("ingest", scans, "--db", fresh(f"ocr{w}"), "--workers", w,
                                                      "-q"))
                    row(f"OCR, scanned seeds 300 dpi, {w} worker{'s' if w > 1 else ''}",
                        f"{sp_ / so / w:.2f} pages/s per worker, {mo:.0f} MB", "", None)
        misses = [r for r in ROWS if r[3] == "MISS"]
        print(f"\n{len(misses)} target(s) missed" + (": " + "; ".join(r[0] for r in misses) if misses else ""))
    finally:
        if not a.inbox:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
