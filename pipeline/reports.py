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

Candidate pairs come from the same metadata or a MinHash of the text (kept in
``doc_signatures``, made once per text), so the grouping stays near linear in the
number of files; the signatures estimate the texts' similarity, and only an
estimate near the threshold reads the two texts.  The primary file of a
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
MINHASH_BANDS, MINHASH_ROWS = 16, 4
SURE_SAME, SURE_DIFFERENT = 0.97, 0.75   # MinHash estimates outside this range are taken as they are
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
    text_sha: str = ""
    minhash: Optional[np.ndarray] = None
    facts: dict = field(default_factory=dict)        # figure key -> set of values
    n_facts: int = 0
    con: object = None

    def text(self) -> str:
        r = self.con.execute("SELECT text FROM document_text WHERE doc_id = ?", [self.doc_id]).fetchone()
        return (r[0] if r else "") or ""

    def meta(self) -> dict:
        num = _fold(self.doc_number) if self.doc_number and re.search(r"\d", self.doc_number) else None
        return dict(issuer=place_key(self.issuer) or None, doc_type=self.doc_type, number=num,
                    period=_fold(self.period) or None, date=self.issued_date, year=self.issued_year)

    def strong_key(self) -> Optional[tuple]:
        m = self.meta()
        if m["issuer"] and m["doc_type"] and m["period"] and (m["number"] or m["date"]):
            return (m["issuer"], m["doc_type"], m["number"], m["period"], str(m["date"]))
        return None


_NON_WORD = re.compile(r"[^\w]+")


def _shingles(text: str) -> np.ndarray:
    """The text's word 5-grams as sorted unique 32-bit hashes (numpy, so thousands of
    reports group in seconds)."""
    words = _NON_WORD.sub(" ", text.lower()).split()
    if not words:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter((hash(x) & 0xFFFFFFFF for x in words), dtype=np.uint64, count=len(words))
    if len(w) >= 5:
        h = w[:-4].copy()
        for k in range(1, 5):
            h = h * np.uint64(1000003) + w[k:len(w) - 4 + k]
    else:
        h = w[:1].copy()
    return np.unique(h & np.uint64(0xFFFFFFFF))


def _minhash(sh: np.ndarray) -> Optional[np.ndarray]:
    if not len(sh):
        return None
    return ((np.outer(_A, sh) + _B[:, None]) % _PRIME).min(axis=1)


def similarity(a: "DocInfo", b: "DocInfo") -> float:
    """Word 5-gram Jaccard of two texts: the MinHash estimate, read exactly near the threshold."""
    if a.minhash is None or b.minhash is None:
        return 0.0
    est = float(np.mean(a.minhash == b.minhash))
    if est >= SURE_SAME or est < SURE_DIFFERENT:
        return est
    return _jaccard(_shingles(a.text()), _shingles(b.text()))


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


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
    if a.text_sha and a.text_sha == b.text_sha:
        return "same text"
    if _contradicts(a, b) or not same_figures(a, b):
        return None
    if a.strong_key() is not None and a.strong_key() == b.strong_key():
        return "same metadata and figures"
    if similarity(a, b) >= TEXT_SIMILAR:
        return "nearly the same text and figures"
    return None


def _load(con) -> list[DocInfo]:
    rows = con.execute(
        "SELECT d.doc_id, d.path, d.format, d.doc_type, d.doc_number, d.issuer, d.period, d.issued_date, "
        "d.issued_year, d.warnings, coalesce(sha256(t.text), ''), s.text_sha, s.minhash FROM documents d "
        "LEFT JOIN document_text t USING (doc_id) LEFT JOIN doc_signatures s USING (doc_id) "
        "WHERE d.status = 'ok' ORDER BY d.doc_id").fetchall()
    docs, stale = {}, []
    for r in rows:
        d = DocInfo(*r[:10], text_sha=r[10], con=con)
        if r[11] == r[10] and r[12] is not None:
            d.minhash = np.array(r[12], dtype=np.uint64) if len(r[12]) else None
        else:
            stale.append(d)
        docs[d.doc_id] = d
    _sign(con, stale)
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


def _sign(con, docs: list[DocInfo]) -> None:
    """MinHash the texts that have no signature yet (or whose text changed) and keep them."""
    if not docs:
        return
    rows = []
    texts: dict[str, str] = {}
    ids = [d.doc_id for d in docs]
    for k in range(0, len(ids), 500):
        texts.update(con.execute("SELECT doc_id, text FROM document_text WHERE list_contains(?, doc_id)",
                                 [ids[k:k + 500]]).fetchall())
    for d in docs:
        sh = _shingles(texts.get(d.doc_id) or "")
        d.minhash = _minhash(sh)
        rows.append([d.doc_id, d.text_sha, len(sh), [] if d.minhash is None else d.minhash.tolist()])
    con.execute("BEGIN TRANSACTION")
    try:
        con.executemany("INSERT OR REPLACE INTO doc_signatures VALUES (?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _candidates(docs: list[DocInfo]) -> set[tuple[int, int]]:
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        if d.text_sha:
            buckets[("text", d.text_sha)].append(i)
        if d.strong_key():
            buckets[("meta",) + d.strong_key()].append(i)
        sig = d.minhash
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
        basis = "|".join(map(str, key)) if key else prim.text_sha
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
