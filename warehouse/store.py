"""Writing documents and what was read from them; reading the model back.

One transaction per document: a crash never leaves half a document.  Saving a
document first deletes every row it had, so re-running replaces rather than
duplicates.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

import duckdb

from pipeline.model import (TABLE, Block, Cell, DocMeta, Document, Extraction,
                            Row)
from pipeline.document import page_ranges
from pipeline.normalize import match_form

DOC_TABLES = ("facts", "honorees", "citations", "blocks", "document_text")


@dataclass
class Known:
    """What the warehouse remembers of a document content."""
    doc_id: str
    path: str
    status: str
    reader_version: Optional[str]
    rules_version: Optional[str]


def known(con: duckdb.DuckDBPyConnection, doc_id: str) -> Optional[Known]:
    r = con.execute("SELECT doc_id, path, status, reader_version, rules_version FROM documents "
                    "WHERE doc_id = ?", [doc_id]).fetchone()
    return Known(*r) if r else None


def known_all(con: duckdb.DuckDBPyConnection) -> dict[str, Known]:
    """Every document content the warehouse remembers, by doc_id."""
    return {r[0]: Known(*r) for r in con.execute(
        "SELECT doc_id, path, status, reader_version, rules_version FROM documents").fetchall()}


def touch_path(con: duckdb.DuckDBPyConnection, doc_id: str, path: str) -> None:
    con.execute("UPDATE documents SET path = ? WHERE doc_id = ? AND path IS DISTINCT FROM ?",
                [path, doc_id, path])


def stable_id(*parts) -> str:
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


def assign_fact_ids(doc_id: str, extraction: Extraction) -> None:
    """Give every fact an id that is stable for the same content, and resolve parent
    links from local ids to fact ids.

    The id is the file's content (doc_id), the metric and where the figure is
    (its offsets): a rules upgrade that rereads a figure's award, recipient,
    subject or period keeps its id (and the analysts' reviews of it); a figure
    read as another metric is another fact.  Two facts of one metric at one
    place (rare) are told apart by their order."""
    seen: dict[str, int] = {}
    by_local: dict[int, str] = {}
    for i, f in enumerate(extraction.facts):
        if f.local_id is None:
            f.local_id = i
        base = stable_id(doc_id, f.metric, f.char_start, f.char_end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        f.fact_id = f"{doc_id[:12]}-{base}" + (f"-{n}" if n else "")
        by_local[f.local_id] = f.fact_id
    for f in extraction.facts:
        if f.parent_local_id is not None:
            f.parent_fact_id = by_local.get(f.parent_local_id)


def _date(s: Optional[str]):
    if not s:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def delete_document_rows(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    for t in DOC_TABLES:
        con.execute(f"DELETE FROM {t} WHERE doc_id = ?", [doc_id])


def superseded(con: duckdb.DuckDBPyConnection, doc_id: str, path: str) -> list[str]:
    """Documents last seen at ``path`` with other content: the older versions of a
    file that was changed in place."""
    return [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE path = ? AND doc_id <> ?",
                                      [path, doc_id]).fetchall()]


def drop_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    """Remove a document and everything read from it, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        delete_document_rows(con, doc_id)
        con.execute("DELETE FROM findings WHERE doc_id = ? OR other_doc_id = ?", [doc_id, doc_id])
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def save_failure(con: duckdb.DuckDBPyConnection, *, doc_id: str, path: str, fmt: Optional[str],
                 status: str, error: str, size: Optional[int], run_id: Optional[str],
                 reader_version: Optional[str], extra: Sequence[tuple[str, list]] = ()) -> None:
    """Record a file that could not be read (no other rows).  ``extra`` statements run in
    the same transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        delete_document_rows(con, doc_id)
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        con.execute("INSERT INTO documents (doc_id, path, format, status, error, ingested_at, size_bytes, "
                    "run_id, reader_version) VALUES (?, ?, ?, ?, ?, now(), ?, ?, ?)",
                    [doc_id, path, fmt, status, error, size, run_id, reader_version])
        for sql, params in extra:
            con.execute(sql, params)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _row_ids(doc_id: str, keys: list[tuple]) -> list[str]:
    """Stable ids for a document's rows from what identifies each; repeats get -1, -2 ..."""
    out, seen = [], {}
    for key in keys:
        base = stable_id(doc_id, *key)
        k = seen.get(base, 0)
        seen[base] = k + 1
        out.append(f"{doc_id[:12]}-{base}" + (f"-{k}" if k else ""))
    return out


def _cells_json(b: Block) -> Optional[str]:
    if b.kind != TABLE or not b.rows:
        return None
    return json.dumps([[[c.text, c.start, c.end, c.col, c.colspan] for c in r.cells] for r in b.rows],
                      ensure_ascii=False)


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list]) -> None:
    """One INSERT for all the rows (columns of equal length), through an Arrow table."""
    import pyarrow as pa

    n = len(next(iter(columns.values()), []))
    if not n:
        return
    name = f"_tdkt_{table}_rows"
    con.register(name, pa.table(columns))
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
    finally:
        con.unregister(name)


def _columns(rows: list[tuple], names: tuple[str, ...]) -> dict[str, list]:
    return {name: [r[i] for r in rows] for i, name in enumerate(names)}


BLOCK_COLUMNS = ("doc_id", "block_index", "kind", "level", "page", "char_start", "char_end", "table_index", "bold",
                 "text", "cells_json", "ocr_confidence")
FACT_COLUMNS = ("fact_id", "doc_id", "metric", "value", "of_total", "unit", "award", "recipient", "status", "period",
                "subject", "subject_level", "label", "qualifier", "parent_fact_id", "text", "char_start", "char_end",
                "page", "rule", "block_index", "table_index", "row_index", "col_index", "raw", "bound", "value_low",
                "value_high", "stated_percent", "confidence", "note", "granter", "period_source", "scope",
                "ocr_confidence")
HONOREE_COLUMNS = ("honoree_id", "doc_id", "name", "recipient", "position", "award", "period", "text", "char_start",
                   "char_end", "page", "rule")
CITATION_COLUMNS = ("citation_id", "doc_id", "doc_kind", "number", "issued_date", "issuer", "canonical", "text",
                    "char_start", "char_end", "page", "rule")


def parse_page_ranges(s: Optional[str]) -> list[int]:
    out: list[int] = []
    for part in (s or "").split(","):
        a, _, b = part.strip().partition("-")
        if a.isdigit():
            out.extend(range(int(a), int(b if b.isdigit() else a) + 1))
    return out


def _ocr_summary(doc: Document) -> tuple[Optional[str], Optional[float]]:
    """The pages recognised by OCR and their mean word confidence."""
    return page_ranges(doc.ocr_pages) or None, doc.ocr_confidence if doc.ocr_pages else None


def save_document(con: duckdb.DuckDBPyConnection, *, doc_id: str, path: str, doc: Document,
                  extraction: Extraction, size: Optional[int], run_id: Optional[str],
                  reader_version: str, rules_version: str, seconds: Optional[float],
                  status: str = "ok", error: Optional[str] = None,
                  extra: Sequence[tuple[str, list]] = ()) -> None:
    """Replace everything stored for ``doc_id`` with this reading, in one transaction:
    one bulk insert per table (``extra`` statements included)."""
    assign_fact_ids(doc_id, extraction)
    m: DocMeta = extraction.meta
    ocr_pages, ocr_conf = _ocr_summary(doc)
    blocks = [(doc_id, b.index, b.kind, b.level, b.page, b.start, b.end, b.table_index, b.bold, b.text,
               _cells_json(b), b.ocr) for b in doc.blocks]
    facts = [(f.fact_id, doc_id, f.metric, f.value, f.of_total, f.unit, f.award, f.recipient, f.status, f.period,
              f.subject, f.subject_level, f.label, f.qualifier, f.parent_fact_id, f.text, f.char_start, f.char_end,
              f.page, f.rule, f.block_index, f.table_index, f.row_index, f.col_index, f.raw, f.bound, f.value_low,
              f.value_high, f.stated_percent, f.confidence, f.note, f.granter, f.period_source, f.scope,
              f.ocr_confidence)
             for f in extraction.facts]
    hon_ids = _row_ids(doc_id, [(h.name, h.char_start, h.award) for h in extraction.honorees])
    honorees = [(i, doc_id, h.name, h.recipient, h.position, h.award, h.period, h.text, h.char_start, h.char_end,
                 h.page, h.rule) for i, h in zip(hon_ids, extraction.honorees)]
    cit_ids = _row_ids(doc_id, [(c.doc_kind, c.number, c.char_start) for c in extraction.citations])
    citations = [(i, doc_id, c.doc_kind, c.number, _date(c.issued_date), c.issuer, c.canonical, c.text,
                  c.char_start, c.char_end, c.page, c.rule) for i, c in zip(cit_ids, extraction.citations)]
    con.execute("BEGIN TRANSACTION")
    try:
        delete_document_rows(con, doc_id)
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        con.execute(
            "INSERT INTO documents (doc_id, path, format, status, error, doc_type, doc_number, title, issuer, "
            "place, issued_date, issued_year, period, province, district, signer, ingested_at, size_bytes, pages, "
            "n_blocks, n_facts, reader_version, rules_version, run_id, extract_seconds, warnings, ocr_pages, "
            "ocr_confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc_id, path, doc.format, status, error, m.doc_type, m.doc_number, m.title, m.issuer, m.place,
             _date(m.issued_date), m.issued_year, m.period, m.province, m.district, m.signer, size, doc.pages,
             len(doc.blocks), len(extraction.facts), reader_version, rules_version, run_id, seconds,
             "\n".join(doc.warnings) or None, ocr_pages, ocr_conf])
        con.execute("INSERT INTO document_text VALUES (?, ?)", [doc_id, doc.text])
        bulk_insert(con, "blocks", _columns(blocks, BLOCK_COLUMNS))
        bulk_insert(con, "facts", _columns(facts, FACT_COLUMNS))
        bulk_insert(con, "honorees", _columns(honorees, HONOREE_COLUMNS))
        bulk_insert(con, "citations", _columns(citations, CITATION_COLUMNS))
        for sql, params in extra:
            con.execute(sql, params)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Optional[Document]:
    """Rebuild the Document stored for doc_id (without re-reading the file)."""
    d = con.execute("SELECT d.path, d.format, d.pages, t.text, d.warnings, d.ocr_pages, d.ocr_confidence "
                    "FROM documents d "
                    "JOIN document_text t USING (doc_id) WHERE doc_id = ?", [doc_id]).fetchone()
    if d is None:
        return None
    path, fmt, pages, text, warnings, ocr_pages, ocr_conf = d
    blocks = []
    for (idx, kind, level, page, start, end, tindex, bold, btext, cells, ocr) in con.execute(
            "SELECT block_index, kind, level, page, char_start, char_end, table_index, bold, text, cells_json, "
            "ocr_confidence FROM blocks WHERE doc_id = ? ORDER BY block_index", [doc_id]).fetchall():
        rows = None
        if cells:
            rows = []
            for r in json.loads(cells):
                cs = [Cell(t, s, e, col, span) for t, s, e, col, span in r]
                rows.append(Row(cs, cs[0].start if cs else start, cs[-1].end if cs else start))
        blocks.append(Block(index=idx, kind=kind, text=btext, start=start, end=end, level=level, page=page,
                            rows=rows, table_index=tindex, bold=bool(bold), ocr=ocr))
    return Document(path=path, format=fmt, blocks=blocks, text=text, match_text=match_form(text), pages=pages,
                    warnings=warnings.split("\n") if warnings else [], ocr_pages=parse_page_ranges(ocr_pages),
                    ocr_confidence=ocr_conf)
