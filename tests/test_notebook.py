"""The analyst notebook runs from top to bottom (nbclient, a real kernel) on a
warehouse built from corpus/; a failing cell fails the test."""
from __future__ import annotations

import json
import sys

import nbformat
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "phan_tich_kho_du_lieu.ipynb"


def test_notebook_runs(workbench_db, tmp_path, monkeypatch):
    # a kernel spec that runs this interpreter (the venv's), whatever is on PATH
    spec = tmp_path / "kernels" / "tdkt"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "tdkt", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("TDKT_DB", str(workbench_db))
    monkeypatch.setenv("TDKT_OUT", str(tmp_path / "out"))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, kernel_name="tdkt", timeout=300, resources={"metadata": {"path": str(ROOT / "notebooks")}}
                   ).execute()
    outs = {i: c.get("outputs", []) for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    text = json.dumps([o for v in outs.values() for o in v], ensure_ascii=False)
    assert "Trùng Khánh" in text and "conflict_across_docs" in text
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xlsx")) == ["bang_diem_huyen.xlsx", "phat_hien.xlsx"]
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {})
               for v in outs.values() for o in v), "the charts cell drew nothing"
