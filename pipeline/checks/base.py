"""What every check needs: the warehouse rows it reads, loaded once, and helpers
to write a :class:`~pipeline.model.Finding` (stable id, Vietnamese numbers and
quotes).

A check is a function ``check(ctx: Context) -> list[Finding]``.  It never writes
to the warehouse; :func:`pipeline.checks.runner.run_checks` collects the
findings of every check and rewrites the ``findings`` table.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property
from typing import Iterable, Optional

from pipeline.model import Finding
from rules.lexicon import M

ERROR, WARNING, INFO = "error", "warning", "info"


# --- rows ------------------------------------------------------------------------
@dataclass
class FactRow:
    fact_id: str
    doc_id: str
    metric: Optional[str] = None
    value: Optional[float] = None
    of_total: Optional[float] = None
    unit: Optional[str] = None
    award: Optional[str] = None
    recipient: Optional[str] = None
    status: Optional[str] = None
    period: Optional[str] = None
    subject: Optional[str] = None
    subject_level: Optional[str] = None
    label: Optional[str] = None
    qualifier: Optional[str] = None
    parent_fact_id: Optional[str] = None
    text: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None
    page: Optional[int] = None
    rule: Optional[str] = None
    block_index: Optional[int] = None
    table_index: Optional[int] = None
    row_index: Optional[int] = None
    col_index: Optional[int] = None
    raw: Optional[str] = None
    bound: Optional[str] = None
    value_low: Optional[float] = None
    value_high: Optional[float] = None
    stated_percent: Optional[float] = None
    confidence: Optional[float] = None
    note: Optional[str] = None
    granter: Optional[str] = None       # who granted the award, as written (migration 002), when known
    period_source: Optional[str] = None  # where the period came from (migration 011)
    scope: Optional[str] = None         # the part of the population it is about (migration 011)
    ocr_confidence: Optional[float] = None  # read by OCR: the factor its confidence was lowered by (migration 040)

    @property
    def family(self) -> str:
        return (self.metric or "").split(".")[0]

    @property
    def is_exact(self) -> bool:
        return self.bound in (None, "", "=")

    @property
    def ambiguous(self) -> bool:
        """The number reader had to choose a reading (OCR alone does not make a figure ambiguous)."""
        if self.confidence is None:
            return False
        return self.confidence / (self.ocr_confidence or 1.0) < 1 - 1e-6


@dataclass
class DocRow:
    doc_id: str
    path: Optional[str] = None
    format: Optional[str] = None
    status: Optional[str] = None
    doc_type: Optional[str] = None
    doc_number: Optional[str] = None
    title: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    issued_date: Optional[date] = None
    issued_year: Optional[int] = None
    period: Optional[str] = None
    province: Optional[str] = None
    district: Optional[str] = None
    signer: Optional[str] = None

    @property
    def name(self) -> str:
        """How a message names the document: its number and path's file name."""
        file = (self.path or self.doc_id[:12]).replace("\\", "/").rsplit("/", 1)[-1]
        num = self.doc_number if self.doc_number and not self.doc_number.startswith("/") else None
        return f"{file} (số {num})" if num else file

    @property
    def year(self) -> Optional[int]:
        if self.issued_date:
            return self.issued_date.year
        return self.issued_year


@dataclass
class CitationRow:
    citation_id: str
    doc_id: str
    doc_kind: Optional[str] = None
    number: Optional[str] = None
    issued_date: Optional[date] = None
    issuer: Optional[str] = None
    canonical: Optional[str] = None
    text: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None
    page: Optional[int] = None
    rule: Optional[str] = None


def _load(con, table: str, cls, where: str = "", order: str = "") -> list:
    have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    names = [f.name for f in fields(cls) if f.name in have]
    sql = f"SELECT {', '.join(names)} FROM {table} {where} {order}"
    return [cls(**dict(zip(names, r))) for r in con.execute(sql).fetchall()]


class Context:
    """The warehouse rows the checks read, loaded once per run."""

    def __init__(self, con):
        self.con = con
        # one file per report (its primary file), its facts as the analysts corrected them
        docs = _load(con, "v_check_documents", DocRow, "WHERE status = 'ok'", "ORDER BY doc_id")
        self.docs: dict[str, DocRow] = {d.doc_id: d for d in docs}
        self.facts: list[FactRow] = [f for f in _load(con, "v_facts_reviewed", FactRow, "",
                                                          "ORDER BY doc_id, char_start, fact_id")
                                     if f.doc_id in self.docs and f.value is not None
                                     and not (isinstance(f.value, float) and math.isnan(f.value))]
        self.citations: list[CitationRow] = [c for c in _load(con, "citations", CitationRow, "",
                                                              "ORDER BY doc_id, char_start, citation_id")
                                             if c.doc_id in self.docs]
        self.by_id: dict[str, FactRow] = {f.fact_id: f for f in self.facts}
        self.by_doc: dict[str, list[FactRow]] = {}
        for f in self.facts:
            self.by_doc.setdefault(f.doc_id, []).append(f)
        self._text: dict[str, str] = {}
        self._tables: dict[tuple[str, int], list[list[str]]] = {}

    @cached_property
    def children(self) -> dict[str, list[FactRow]]:
        out: dict[str, list[FactRow]] = {}
        for f in self.facts:
            if f.parent_fact_id and f.parent_fact_id in self.by_id:
                out.setdefault(f.parent_fact_id, []).append(f)
        return out

    def text(self, doc_id: str) -> str:
        if doc_id not in self._text:
            r = self.con.execute("SELECT text FROM document_text WHERE doc_id = ?", [doc_id]).fetchone()
            self._text[doc_id] = (r[0] if r else "") or ""
        return self._text[doc_id]

    def table(self, doc_id: str, table_index: int) -> list[list[str]]:
        """The rows of a stored table as lists of cell texts (grid columns kept)."""
        key = (doc_id, table_index)
        if key not in self._tables:
            r = self.con.execute("SELECT cells_json FROM blocks WHERE doc_id = ? AND table_index = ? "
                                 "AND kind = 'table'", [doc_id, table_index]).fetchone()
            rows: list[list[str]] = []
            if r and r[0]:
                for row in json.loads(r[0]):
                    cells: list[str] = []
                    for text, _s, _e, col, span in row:
                        while len(cells) < col:
                            cells.append("")
                        cells.append(text)
                        cells.extend([""] * (max(1, span) - 1))
                    rows.append(cells)
            self._tables[key] = rows
        return self._tables[key]


# --- findings --------------------------------------------------------------------
def finding(code: str, severity: str, doc_id: str, message: str, *, fact_ids: Iterable[str] = (),
            other_doc_id: Optional[str] = None, expected: Optional[float] = None,
            observed: Optional[float] = None, rule: Optional[str] = None, key: str = "") -> Finding:
    ids = list(dict.fromkeys(x for x in fact_ids if x))
    h = hashlib.sha1("\x1f".join([code, doc_id, other_doc_id or "", ",".join(sorted(ids)), rule or "", key])
                     .encode("utf-8")).hexdigest()[:16]
    return Finding(check_code=code, severity=severity, doc_id=doc_id, message=message, fact_ids=ids,
                   other_doc_id=other_doc_id, expected=None if expected is None else round(float(expected), 6),
                   observed=None if observed is None else round(float(observed), 6), rule=rule,
                   finding_id=f"{code[:4]}-{h}")


AWARD_VN = M("award_name")
RECIPIENT_VN = M("recipient_name")
METRIC_VN = M("metric_name")
_RANK = M("rank_name")


def award_vn(code: Optional[str]) -> str:
    """``huan_chuong_lao_dong_3`` -> ``Huân chương Lao động hạng Ba``."""
    if not code:
        return ""
    if code in AWARD_VN:
        return AWARD_VN[code]
    m = re.match(r"^(.*)_([123])$", code)
    if m and m.group(1) in AWARD_VN:
        return f"{AWARD_VN[m.group(1)]} hạng {_RANK[m.group(2)]}"
    return code


def what(f: "FactRow") -> str:
    """What a fact counts, in words: ``Bằng khen cấp bộ, ngành, tỉnh, tập thể``."""
    if f.metric == "award.count":
        parts = [award_vn(f.award) or "khen thưởng"]
    elif f.metric and f.metric.startswith("award.") and f.award:
        parts = [METRIC_VN.get(f.metric, f.metric), award_vn(f.award)]
    else:
        parts = [f.label or METRIC_VN.get(f.metric or "", f.metric or "")]
    if f.recipient:
        parts.append(RECIPIENT_VN.get(f.recipient, f.recipient))
    return ", ".join(p for p in parts if p)


def vn(x: Optional[float], decimals: Optional[int] = None) -> str:
    """A number the Vietnamese way: ``4.235,04``, ``203,3``, ``1.015``."""
    if x is None:
        return "?"
    if decimals is None:
        decimals = 0 if abs(x - round(x)) < 1e-9 else (1 if abs(x * 10 - round(x * 10)) < 1e-6 else 2)
    s = f"{abs(x):,.{decimals}f}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if x < 0 else "") + s


def quote(text: Optional[str], limit: int = 180) -> str:
    t = re.sub(r"\s+", " ", (text or "").replace(" | ", " | ")).strip()
    if len(t) > limit:
        t = t[: limit - 1].rstrip() + "…"
    return f"“{t}”"


def excerpt(ctx: "Context", f: FactRow, limit: int = 200) -> str:
    """The fact's sentence, quoted; a long sentence is cut to the part around the figure."""
    sent = f.text or ""
    if len(sent) <= limit or f.char_start is None:
        return quote(sent, limit)
    text = ctx.text(f.doc_id)
    s0 = text.rfind(sent[:40], max(0, f.char_start - len(sent)), f.char_start + 1)
    if s0 < 0:
        return quote(sent, limit)
    e0 = s0 + len(sent)
    half = max(40, (limit - (f.char_end - f.char_start)) // 2)
    a, b = max(s0, f.char_start - half), min(e0, (f.char_end or f.char_start) + half)
    t = re.sub(r"\s+", " ", text[a:b]).strip()
    return "“" + ("…" if a > s0 else "") + t + ("…" if b < e0 else "") + "”"


def where(f: FactRow) -> str:
    """Where a fact is, for a message: table and row, else page."""
    parts = []
    if f.table_index is not None:
        parts.append(f"bảng {f.table_index + 1}")
        if f.label:
            parts.append(f"dòng “{f.label}”")
        elif f.row_index is not None:
            parts.append(f"dòng {f.row_index + 1}")
    if f.page:
        parts.append(f"trang {f.page}")
    return ", ".join(parts)


def period_years(period: Optional[str]) -> tuple[Optional[int], Optional[int]]:
    """``2022`` -> (2022, 2022); ``2015-2020`` -> (2015, 2020); ``2023-H1`` -> (2023, 2023)."""
    if not period:
        return None, None
    m = re.match(r"^\s*(\d{4})(?:\s*-\s*(\d{4}))?", str(period))
    if not m:
        return None, None
    a = int(m.group(1))
    return a, int(m.group(2)) if m.group(2) else a
