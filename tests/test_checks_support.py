"""Helpers shared by the checks tests: build real DuckDB warehouses through
``warehouse.connect`` + ``warehouse.store.save_document`` from Documents made by
``DocumentBuilder`` and hand-built Extractions that mirror the seeds.

Imported by the other ``test_checks_*`` / ``test_views`` / ``test_cli_check``
modules (pytest puts this folder on ``sys.path``)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from pipeline.document import DocumentBuilder
from pipeline.model import Citation, DocMeta, Document, Extraction, Fact


@dataclass
class Doc:
    """A document under construction: blocks, then facts pointing into its text."""
    name: str
    meta: DocMeta
    items: list = field(default_factory=list)        # ("paragraph", text) or ("table", rows)
    facts: list[Fact] = field(default_factory=list)
    citations: Optional[list[Citation]] = None
    _doc: Optional[Document] = None

    # Appending blocks never moves the text before them, so facts made earlier keep
    # their offsets: the document is simply rebuilt.
    def para(self, text: str, kind: str = "paragraph") -> "Doc":
        self.items.append((kind, text))
        self._doc = None
        return self

    def table(self, rows: Sequence[Sequence[str]]) -> "Doc":
        self.items.append(("table", rows))
        self._doc = None
        return self

    @property
    def doc(self) -> Document:
        if self._doc is None:
            b = DocumentBuilder(self.name, "txt")
            for kind, x in self.items:
                if kind == "table":
                    b.add_table(x)
                else:
                    b.add(kind, x)
            self._doc = b.build()
        return self._doc

    @property
    def doc_id(self) -> str:
        return hashlib.sha256((self.name + self.doc.text).encode("utf-8")).hexdigest()

    def fact(self, needle: str, metric: str, value: float, *, after: str = "", nth: int = 0, **kw) -> Fact:
        """A fact for the figure ``needle`` (first occurrence after ``after``); ``text``
        is its paragraph unless given."""
        text = self.doc.text
        pos = text.index(after) if after else 0
        start = pos
        for _ in range(nth + 1):
            start = text.index(needle, start if start == pos else start + 1)
        block = self.doc.block_at(start)
        kw.setdefault("text", block.text if block else needle)
        kw.setdefault("raw", needle)
        f = Fact(metric=metric, value=float(value), char_start=start, char_end=start + len(needle),
                 rule=kw.pop("rule", "test"), block_index=block.index if block else None,
                 local_id=len(self.facts), **kw)
        self.facts.append(f)
        return f

    def cell_fact(self, table_index: int, row: int, col: int, metric: str, value: float, **kw) -> Fact:
        t = self.doc.tables[table_index]
        r = t.rows[row]
        cell = next(c for c in r.cells if c.col == col)
        label = next((c.text for c in r.cells if c.col == 1), None)
        kw.setdefault("label", label)
        kw.setdefault("raw", cell.text)
        f = Fact(metric=metric, value=float(value), char_start=cell.start, char_end=cell.end,
                 text=self.doc.text[r.start:r.end], rule=kw.pop("rule", "test.table"), block_index=t.index,
                 table_index=table_index, row_index=row, col_index=col, local_id=len(self.facts), **kw)
        self.facts.append(f)
        return f

    def part_of(self, part: Fact, total: Fact) -> Fact:
        part.parent_local_id = total.local_id
        return part


def save(con, d: Doc) -> str:
    from warehouse.store import save_document
    from rules.citations import extract_citations
    cits = d.citations if d.citations is not None else extract_citations(d.doc, d.meta)
    ex = Extraction(meta=d.meta, facts=list(d.facts), citations=cits)
    save_document(con, doc_id=d.doc_id, path=f"/in/{d.name}", doc=d.doc, extraction=ex, size=len(d.doc.text),
                  run_id="test", reader_version="test", rules_version="test", seconds=0.0)
    return d.doc_id


def warehouse(tmp_path, *docs: Doc, name: str = "w.duckdb"):
    from warehouse import connect
    con = connect(tmp_path / name)
    for d in docs:
        save(con, d)
    return con


def findings(con, code: Optional[str] = None) -> list[dict]:
    from pipeline.checks import run_checks
    run_checks(con)
    cur = con.execute("SELECT finding_id, check_code, severity, doc_id, other_doc_id, fact_ids, expected, observed, "
                      "message FROM findings" + (" WHERE check_code = ?" if code else "") + " ORDER BY finding_id",
                      [code] if code else [])
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def serious(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["severity"] != "info"]


def meta(**kw) -> DocMeta:
    kw.setdefault("doc_type", "bao_cao")
    return DocMeta(**kw)


def vn_float(s: str) -> float:
    """``4.235,04`` -> 4235.04 (for building facts from quoted seed text)."""
    s = s.strip().replace(" ", "")
    if "," in s:
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        return float(s.replace(".", ""))
    return float(s)


def test_support_builds_a_warehouse(tmp_path):
    d = Doc("x.txt", meta(period="2022")).para("Có 03/19 xã đạt 19 tiêu chí, chiếm 15,8%.")
    d.fact("03/19", "ntm.communes_standard", 3, of_total=19, stated_percent=15.8)
    con = warehouse(tmp_path, d)
    assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == 1
    assert findings(con) == []
