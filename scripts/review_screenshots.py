"""Screenshots of the review site for docs/: builds a warehouse from corpus/ plus
tests/data/workbench/ in a temporary folder, writes the site, and has headless
Chromium photograph the index and the 2023 Trùng Khánh report's page
(docs/review_index.png, docs/review_document.png)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import duckdb
    from pipeline.checks.commands import run_and_record
    from pipeline.ingest import ingest
    from pipeline.site import build_site
    from warehouse import connect

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "in"
        box.mkdir()
        for f in list((ROOT / "corpus").iterdir()) + list((ROOT / "tests" / "data" / "workbench").iterdir()):
            if f.suffix != ".doc":
                shutil.copy(f, box / f.name)
        db = Path(tmp) / "w.duckdb"
        con = connect(db)
        ingest([box], con)
        run_and_record(con, "check", [])
        con.close()
        ro = duckdb.connect(str(db), read_only=True)
        build_site(ro, Path(tmp) / "site")
        doc = ro.execute("SELECT doc_id FROM v_files WHERE is_primary AND path LIKE '%trung_khanh_2023%'").fetchone()[0]
        fact = ro.execute("SELECT fact_id FROM facts WHERE doc_id = ? AND value = 45", [doc]).fetchone()[0]
        ro.close()
        for name, page, size in (("review_index.png", "index.html", "1400,900"),
                                 ("review_document.png", f"docs/{doc[:16]}.html?fact={fact}", "1400,900")):
            url = (Path(tmp) / "site" / page.split("?")[0]).as_uri() + ("?" + page.split("?")[1] if "?" in page else "")
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={size}",
                            f"--screenshot={ROOT / 'docs' / name}", url], check=True, capture_output=True, timeout=120)
            print("wrote", ROOT / "docs" / name)


if __name__ == "__main__":
    main()
