"""A report is not a file: group the files that are copies of one report.

A province receives the same report as .docx and .pdf, or sent twice: different
bytes (so different ``doc_id``), one report.  Two readable documents are copies
when

* nothing in their metadata contradicts (issuer, type, number, period, date: where
  both have one, they are the same), and
* their texts are nearly the same (word 5-gram Jaccard >= ``TEXT_SIMILAR``), or
  their metadata is the same and complete enough to name one report (issuer,
  type, period and a number with digits or a date), and
* they state the same figures: no figure changed (a key — metric, award,
  recipient, period, subject, status — with values in both and no value in
  common is a revised figure, so a revision is a second report), and most of the
  smaller reading's figures are in the other (a reader that left a table out is
  still a copy).

Candidate pairs come from the same metadata or a MinHash of the text, so the
grouping stays near linear in the number of files.  The primary file of a
report (the reading views and checks use) is the fullest: read without
warnings, then .docx, .txt, .doc, .md, .pdf, then the most figures.

:func:`refresh_reports` rewrites ``report_files`` (migration 020).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from pipeline.checks.units import place_key

TEXT_SIMILAR = 0.9        # word 5-gram Jaccard of two copies' texts
FACTS_CONTAINED = 0.8     # share of the smaller reading's figures the other states too
MINHASH_BANDS, MINHASH_ROWS = 10, 2
FORMAT_RANK = {"docx": 0, "txt": 1, "doc": 2, "md": 3, "pdf": 4}
_PRIME = 4294967311
_rng = np.random.default_rng(20260101)
_A = _rng.integers(1, 1 << 32, size=MINHASH_BANDS * MINHASH_ROWS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=MINHASH_BANDS * MINHASH_ROWS, dtype=np.uint64)


def _fold(s: Optional[str]) -> str:
    return re.sub(r"\s+", "", (s or "").lower())


@dataclass
class DocInfo:
    doc_id: str
    path: str
    format: Optional[str]
    doc_type: Optional[str]
    doc_number: Optional[str]
    issuer: Optional[str]
    period: Optional[str]
    issued_date: Optional[object]
    issued_year: Optional[int]
    warnings: Optional[str]
    text: str = ""
    facts: dict = field(default_factory=dict)        # figure key -> set of values
    n_facts: int = 0
    shingles: set = field(default_factory=set)

    def meta(self) -> dict:
        num = _fold(self.doc_number) if self.doc_number and re.search(r"\d", self.doc_number) else None
        return dict(issuer=place_key(self.issuer) or None, doc_type=self.doc_type, number=num,
                    period=_fold(self.period) or None, date=self.issued_date, year=self.issued_year)

    def strong_key(self) -> Optional[tuple]:
        m = self.meta()
        if m["issuer"] and m["doc_type"] and m["period"] and (m["number"] or m["date"]):
            return (m["issuer"], m["doc_type"], m["number"], m["period"], str(m["date"]))
        return None


def _shingles(text: str) -> set[int]:
    w = re.findall(r"\w+", text.lower())
    return {hash(tuple(w[i:i + 5])) & 0xFFFFFFFF for i in range(max(0, len(w) - 4))} or \
        ({hash(tuple(w)) & 0xFFFFFFFF} if w else set())


def _minhash(sh: set[int]) -> Optional[np.ndarray]:
    if not sh:
        return None
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _contradicts(a: DocInfo, b: DocInfo) -> bool:
    ma, mb = a.meta(), b.meta()
    return any(ma[k] is not None and mb[k] is not None and ma[k] != mb[k] for k in ma)


def same_figures(a: DocInfo, b: DocInfo) -> bool:
    """No figure changed, and the smaller reading's figures are mostly in the other."""
    if not a.n_facts and not b.n_facts:
        return True
    common_keys = a.facts.keys() & b.facts.keys()
    if any(a.facts[k].isdisjoint(b.facts[k]) for k in common_keys):
        return False
    small, big = (a, b) if a.n_facts <= b.n_facts else (b, a)
    shared = sum(len(v & big.facts.get(k, set())) for k, v in small.facts.items())
    n_small = sum(len(v) for v in small.facts.values())
    return n_small == 0 or shared / n_small >= FACTS_CONTAINED


def copies(a: DocInfo, b: DocInfo) -> Optional[str]:
    """Why ``a`` and ``b`` are one report, or None."""
    if a.text and a.text == b.text:
        return "same text"
    if _contradicts(a, b) or not same_figures(a, b):
        return None
    if a.strong_key() is not None and a.strong_key() == b.strong_key():
        return "same metadata and figures"
    if _jaccard(a.shingles, b.shingles) >= TEXT_SIMILAR:
        return "nearly the same text and figures"
    return None


def _load(con) -> list[DocInfo]:
    rows = con.execute(
        "SELECT d.doc_id, d.path, d.format, d.doc_type, d.doc_number, d.issuer, d.period, d.issued_date, "
        "d.issued_year, d.warnings, coalesce(t.text, '') FROM documents d LEFT JOIN document_text t USING (doc_id) "
        "WHERE d.status = 'ok' ORDER BY d.doc_id").fetchall()
    docs = {r[0]: DocInfo(*r[:10], text=r[10]) for r in rows}
    for doc_id, metric, award, recipient, period, subject, status, value in con.execute(
            "SELECT doc_id, metric, award, recipient, period, subject, status, value FROM facts "
            "WHERE value IS NOT NULL AND NOT isnan(value)").fetchall():
        d = docs.get(doc_id)
        if d is None:
            continue
        key = (metric, award, recipient, _fold(period), place_key(subject), status)
        d.facts.setdefault(key, set()).add(round(value, 6))
        d.n_facts += 1
    return list(docs.values())


def _candidates(docs: list[DocInfo]) -> set[tuple[int, int]]:
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        d.shingles = _shingles(d.text)
        buckets[("text", hashlib.sha1(d.text.encode("utf-8")).hexdigest())].append(i)
        if d.strong_key():
            buckets[("meta",) + d.strong_key()].append(i)
        sig = _minhash(d.shingles)
        if sig is not None:
            for band in range(MINHASH_BANDS):
                buckets[("band", band) + tuple(sig[band * MINHASH_ROWS:(band + 1) * MINHASH_ROWS].tolist())].append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) <= 50:
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
        else:                            # a big bucket: each file against the first and its neighbour (linear)
            pairs.update((members[0], b) for b in members[1:])
            pairs.update(zip(members, members[1:]))
    return pairs


def _primary_rank(d: DocInfo) -> tuple:
    return (d.warnings is not None and d.warnings != "", FORMAT_RANK.get(d.format or "", 9), -d.n_facts, d.path or "",
            d.doc_id)


@dataclass
class ReportGroup:
    report_id: str
    primary: DocInfo
    files: list[DocInfo]
    reasons: dict[str, str]


def group(docs: list[DocInfo]) -> list[ReportGroup]:
    parent = list(range(len(docs)))
    reason: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(_candidates(docs)):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        why = copies(docs[a], docs[b])
        if why:
            parent[max(ra, rb)] = min(ra, rb)
            reason.setdefault(b, why)
            reason.setdefault(a, why)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        members[find(i)].append(i)
    out = []
    for idx in members.values():
        files = sorted((docs[i] for i in idx), key=_primary_rank)
        prim = files[0]
        key = prim.strong_key()
        basis = "|".join(map(str, key)) if key else hashlib.sha1(
            re.sub(r"\s+", " ", prim.text).strip().encode("utf-8")).hexdigest()
        rid = "r-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        out.append(ReportGroup(rid, prim, files, {docs[i].doc_id: reason.get(i, "") for i in idx}))
    # two different reports with one strong key (never merged: their figures differ) keep distinct ids
    seen: dict[str, int] = {}
    for g in sorted(out, key=lambda g: g.primary.doc_id):
        n = seen.get(g.report_id, 0)
        seen[g.report_id] = n + 1
        if n:
            g.report_id = f"{g.report_id}-{n}"
    return out


def refresh_reports(con) -> list[ReportGroup]:
    """Group the readable documents into reports and rewrite ``report_files``."""
    groups = group(_load(con))
    rows = [[d.doc_id, g.report_id, d is g.primary, len(g.files), None if d is g.primary else g.reasons.get(d.doc_id)]
            for g in groups for d in g.files]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM report_files")
        if rows:
            con.executemany("INSERT INTO report_files VALUES (?, ?, ?, ?, ?, now())", rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return groups
