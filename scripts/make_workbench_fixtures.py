"""Build the copies of tests/data/workbench/trung_khanh_2023.txt used by the
workbench tests: the same report as .docx (python-docx, one paragraph per line,
headings bold), as .pdf (LibreOffice from the .docx), and sent again as a .txt
with Windows line endings (other bytes, same content).  Run once; the outputs
are committed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "workbench"
SRC = HERE / "trung_khanh_2023.txt"


def main() -> None:
    text = SRC.read_text(encoding="utf-8")
    d = Document()
    for block in text.split("\n\n"):
        p = d.add_paragraph()
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = p.add_run(line)
            run.bold = line.isupper()
            if i < len(lines) - 1:
                run.add_break()
    out = HERE / "trung_khanh_2023_ban_word.docx"
    d.save(out)
    (HERE / "trung_khanh_2023_gui_lai.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(out)], check=True,
                           capture_output=True, timeout=120)
            shutil.copy(Path(tmp) / (out.stem + ".pdf"), HERE / "trung_khanh_2023_ban_in.pdf")


if __name__ == "__main__":
    main()
