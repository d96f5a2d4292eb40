"""Verdicts and corrections that survive re-runs (table ``reviews``, migration 021).

An analyst marks a finding ``confirmed`` or ``false_alarm``, corrects a fact
(value, period, award, recipient, subject) or rejects it, always with an
optional note.  A review row is never changed or deleted; the latest review of a
target wins.  Each review keeps an *anchor*: what its target was when reviewed
(the metric, the figure as written, its sentence and offsets; for a finding its
check and its facts' anchors), so that when the target's id changes — the
report is now read from a better copy, the reader moved an offset, a rules
upgrade reread a figure — the review finds its target again (state ``moved``).
A review whose target is gone is ``orphaned``: kept, listed by ``tdkt review
list --orphaned`` and counted after every ingest and check, never dropped.

:func:`resolve` rewrites ``review_links`` (where each review points now).
"""
from __future__ import annotations

import getpass
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Optional

VERDICTS = ("confirmed", "false_alarm")
FACT_ACTIONS = ("correct", "reject")
# what an analyst may type in the verdict column of the Excel sheet
VERDICT_WORDS = {
    "confirmed": "confirmed", "xac nhan": "confirmed", "dung": "confirmed", "co loi": "confirmed",
    "false_alarm": "false_alarm", "false alarm": "false_alarm", "bao dong gia": "false_alarm",
    "sai": "false_alarm", "khong phai loi": "false_alarm",
}
RECIPIENTS = ("tap_the", "ca_nhan", "ho_gia_dinh", "mixed")
FACT_FIELDS = ("doc_id", "metric", "raw", "value", "award", "recipient", "period", "subject", "char_start",
               "char_end", "text")


class ReviewError(Exception):
    """A review command could not be done (a Vietnamese message for the analyst)."""


def _norm(s: Optional[str]) -> str:
    return re.sub(r"\s+", " ", (s or "")).strip().lower()


def _raw(s: Optional[str]) -> str:
    return re.sub(r"\s+", "", s or "")


def verdict_of(word) -> Optional[str]:
    """``báo động giả`` / ``false_alarm`` -> ``false_alarm``; blank -> None; unknown -> ReviewError."""
    import unicodedata
    if word is None:
        return None
    w = str(word).strip()
    if not w:
        return None
    k = unicodedata.normalize("NFD", w.lower().replace("đ", "d"))
    k = re.sub(r"\s+", " ", "".join(c for c in k if not unicodedata.combining(c))).strip()
    if k in VERDICT_WORDS:
        return VERDICT_WORDS[k]
    raise ReviewError(f"không hiểu kết luận “{w}”: ghi confirmed (xác nhận) hoặc false_alarm (báo động giả)")


def parse_value(s: str) -> float:
    """``10,43`` -> 10.43, ``1.234`` -> 1234, ``1.234,5`` -> 1234.5, ``12.5`` -> 12.5."""
    t = s.strip().replace(" ", "").replace("%", "")
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        raise ReviewError(f"giá trị “{s}” không phải là số") from None


# --- targets ---------------------------------------------------------------------
@dataclass
class FactAnchor:
    doc_id: str
    metric: Optional[str] = None
    raw: Optional[str] = None
    value: Optional[float] = None
    award: Optional[str] = None
    recipient: Optional[str] = None
    period: Optional[str] = None
    subject: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None
    text: Optional[str] = None
    report_id: Optional[str] = None
    fact_id: Optional[str] = None


@dataclass
class FindingAnchor:
    check_code: str
    doc_id: Optional[str] = None
    other_doc_id: Optional[str] = None
    rule: Optional[str] = None
    expected: Optional[float] = None
    observed: Optional[float] = None
    report_id: Optional[str] = None
    other_report_id: Optional[str] = None
    facts: list[FactAnchor] = field(default_factory=list)


def _one(con, sql: str, params) -> Optional[dict]:
    cur = con.execute(sql, params)
    r = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], r)) if r else None


def _report_of(con, doc_id: Optional[str]) -> Optional[str]:
    r = con.execute("SELECT report_id FROM v_files WHERE doc_id = ?", [doc_id]).fetchone() if doc_id else None
    return r[0] if r else None


def fact_anchor(con, fact_id: str) -> Optional[FactAnchor]:
    r = _one(con, f"SELECT {', '.join(FACT_FIELDS)} FROM facts WHERE fact_id = ?", [fact_id])
    if r is None:
        return None
    return FactAnchor(**r, report_id=_report_of(con, r["doc_id"]), fact_id=fact_id)


def finding_anchor(con, finding_id: str) -> Optional[FindingAnchor]:
    r = _one(con, "SELECT check_code, doc_id, other_doc_id, rule, expected, observed, fact_ids FROM findings "
                  "WHERE finding_id = ?", [finding_id])
    if r is None:
        return None
    facts = [a for a in (fact_anchor(con, i) for i in (r.pop("fact_ids") or [])) if a is not None]
    return FindingAnchor(**r, report_id=_report_of(con, r["doc_id"]),
                         other_report_id=_report_of(con, r["other_doc_id"]), facts=facts)


def find_id(con, kind: str, given: str) -> str:
    """The full id of a finding or fact from the id or a unique prefix of it."""
    table, col = ("findings", "finding_id") if kind == "finding" else ("facts", "fact_id")
    rows = [r[0] for r in con.execute(f"SELECT {col} FROM {table} WHERE {col} = ? OR starts_with({col}, ?) "
                                      f"ORDER BY {col} LIMIT 3", [given, given]).fetchall()]
    if given in rows:
        return given
    what = "phát hiện" if kind == "finding" else "số liệu"
    if not rows:
        raise ReviewError(f"không có {what} nào mang mã {given}")
    if len(rows) > 1:
        raise ReviewError(f"mã {given} khớp nhiều {what} ({', '.join(rows[:2])}, …): ghi đủ mã")
    return rows[0]


# --- writing reviews ---------------------------------------------------------------
@dataclass
class Review:
    target_kind: str
    target_id: str
    action: str
    value: Optional[float] = None
    period: Optional[str] = None
    award: Optional[str] = None
    recipient: Optional[str] = None
    subject: Optional[str] = None
    note: Optional[str] = None
    source: str = "cli"
    anchor: Optional[object] = None
    review_id: str = field(default_factory=lambda: "rv-" + uuid.uuid4().hex[:16])


def _anchor_json(a) -> Optional[str]:
    from dataclasses import asdict
    return json.dumps(asdict(a), ensure_ascii=False, default=str) if a is not None else None


def add_reviews(con, reviews: list[Review], reviewer: Optional[str] = None) -> None:
    if not reviews:
        return
    who = reviewer or _user()
    con.executemany(
        "INSERT INTO reviews (review_id, target_kind, target_id, action, value, period, award, recipient, subject, "
        "note, reviewer, source, anchor_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
        [[r.review_id, r.target_kind, r.target_id, r.action, r.value, r.period, r.award, r.recipient, r.subject,
          r.note, who, r.source, _anchor_json(r.anchor)] for r in reviews])


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"


def mark(con, finding_id: str, verdict: str, note: Optional[str] = None, source: str = "cli") -> Review:
    v = verdict_of(verdict)
    if v is None:
        raise ReviewError("cần ghi kết luận: confirmed hoặc false_alarm")
    fid = find_id(con, "finding", finding_id)
    r = Review("finding", fid, v, note=note, source=source, anchor=finding_anchor(con, fid))
    add_reviews(con, [r])
    resolve(con)
    return r


def _known_award(code: str) -> bool:
    from pipeline.checks.base import AWARD_VN, award_vn
    return code in AWARD_VN or award_vn(code) != code


def correct(con, fact_id: str, *, value: Optional[str] = None, period: Optional[str] = None,
            award: Optional[str] = None, recipient: Optional[str] = None, subject: Optional[str] = None,
            note: Optional[str] = None, source: str = "cli") -> Review:
    fid = find_id(con, "fact", fact_id)
    if all(x is None for x in (value, period, award, recipient, subject)):
        raise ReviewError("cần ít nhất một giá trị sửa: --value, --period, --award, --recipient hoặc --subject")
    if award is not None and not _known_award(award):
        raise ReviewError(f"không có hình thức khen thưởng mã “{award}” (xem docs/RULES.md)")
    if recipient is not None and recipient not in RECIPIENTS:
        raise ReviewError(f"đối tượng “{recipient}” không hợp lệ: {', '.join(RECIPIENTS)}")
    if period is not None and not re.fullmatch(r"\d{4}(-(\d{4}|H[12]|Q[1-4]))?", period.replace(" ", "")):
        raise ReviewError(f"kỳ “{period}” không hợp lệ: ghi 2022, 2023-H1, 2023-Q3 hoặc 2021-2025")
    prev = con.execute("SELECT action, value, period, award, recipient, subject FROM v_fact_reviews "
                       "WHERE fact_id = ?", [fid]).fetchone()
    carried = prev[1:] if prev and prev[0] == "correct" else (None,) * 5
    new = (parse_value(value) if value is not None else None,
           period.replace(" ", "") if period is not None else None, award, recipient, subject)
    vals = [n if n is not None else c for n, c in zip(new, carried)]
    r = Review("fact", fid, "correct", *vals, note=note, source=source, anchor=fact_anchor(con, fid))
    add_reviews(con, [r])
    resolve(con)
    return r


def reject(con, fact_id: str, note: Optional[str] = None, source: str = "cli") -> Review:
    fid = find_id(con, "fact", fact_id)
    r = Review("fact", fid, "reject", note=note, source=source, anchor=fact_anchor(con, fid))
    add_reviews(con, [r])
    resolve(con)
    return r


# --- finding targets again ---------------------------------------------------------
class _Facts:
    """Facts of the documents the reviews are about, loaded on demand."""

    def __init__(self, con):
        self.con = con
        self.by_doc: dict[str, list[dict]] = {}
        self.ids: dict[str, dict] = {}
        files = con.execute("SELECT doc_id, report_id, is_primary FROM v_files WHERE status = 'ok'").fetchall()
        self.report = {d: r for d, r, _ in files}
        self.primary = {r: d for d, r, p in files if p}
        self.members: dict[str, list[str]] = {}
        for d, r, _ in files:
            self.members.setdefault(r, []).append(d)

    def of(self, doc_id: str) -> list[dict]:
        if doc_id not in self.by_doc:
            cur = self.con.execute(f"SELECT fact_id, {', '.join(FACT_FIELDS)} FROM facts WHERE doc_id = ?", [doc_id])
            cols = [d[0] for d in cur.description]
            self.by_doc[doc_id] = [dict(zip(cols, r)) for r in cur.fetchall()]
            for f in self.by_doc[doc_id]:
                self.ids[f["fact_id"]] = f
        return self.by_doc[doc_id]

    def get(self, fact_id: str, doc_hint: Optional[str]) -> Optional[dict]:
        if fact_id not in self.ids and doc_hint:
            self.of(doc_hint)
        if fact_id not in self.ids:
            r = self.con.execute("SELECT doc_id FROM facts WHERE fact_id = ?", [fact_id]).fetchone()
            if r:
                self.of(r[0])
        return self.ids.get(fact_id)


def _same_figure(a: FactAnchor, f: dict, *, same_doc: bool) -> int:
    """How well fact ``f`` matches anchor ``a`` (0: not the same figure)."""
    if f["metric"] != a.metric or _raw(f["raw"]) != _raw(a.raw):
        return 0
    if same_doc and f["char_start"] == a.char_start and f["char_end"] == a.char_end:
        return 4
    if _norm(f["text"]) == _norm(a.text):
        return 3
    if (f["award"], f["recipient"], f["period"]) == (a.award, a.recipient, a.period):
        return 2 if not same_doc else 1
    return 0


def _locate_fact(fx: _Facts, a: FactAnchor) -> tuple[Optional[str], str]:
    """(current fact id, how) for an anchor whose id is gone or not in a primary file."""
    rid = fx.report.get(a.doc_id) or a.report_id
    docs = []
    if rid in fx.primary:
        docs.append(fx.primary[rid])
    if a.doc_id in fx.report and a.doc_id not in docs:
        docs.append(a.doc_id)
    for d in docs:
        best, score = None, 0
        for f in fx.of(d):
            s = _same_figure(a, f, same_doc=d == a.doc_id)
            if s > score or (s == score and s and best is not None and a.char_start is not None and
                             abs((f["char_start"] or 0) - a.char_start) < abs((best["char_start"] or 0) - a.char_start)):
                best, score = f, s
        if best is not None:
            return best["fact_id"], ("the same figure in the report's primary file" if d != a.doc_id
                                     else "the same figure, its id changed")
    return None, "no fact of the report matches the figure any more"


def resolve_fact(fx: _Facts, target_id: str, a: Optional[FactAnchor]) -> tuple[Optional[str], str, str]:
    f = fx.get(target_id, a.doc_id if a else None) if target_id else None
    if f is not None:
        rid = fx.report.get(f["doc_id"])
        if rid is None or fx.primary.get(rid) in (None, f["doc_id"]):
            return target_id, "ok", ""
        if a is None:
            a = FactAnchor(**{k: f[k] for k in FACT_FIELDS})
    if a is None:
        return None, "orphaned", "the fact is gone and the review has no anchor"
    cur, how = _locate_fact(fx, a)
    return (cur, "moved", how) if cur else (None, "orphaned", how)


def resolve_finding(con, fx: _Facts, findings: dict, target_id: str,
                    a: Optional[FindingAnchor]) -> tuple[Optional[str], str, str]:
    if target_id in findings:
        return target_id, "ok", ""
    if a is None:
        return None, "orphaned", "the finding is gone and the review has no anchor"
    want = {x for x in (resolve_fact(fx, f.fact_id or "", f)[0] for f in a.facts) if x}
    rid = fx.report.get(a.doc_id) or a.report_id
    best, score = None, 0.0
    for fid, (code, doc_id, fact_ids, expected, observed) in findings.items():
        if code != a.check_code:
            continue
        have = set(fact_ids or [])
        if want or have:
            s = len(want & have) / len(want | have) if want | have else 0.0
        else:
            s = 1.0 if fx.report.get(doc_id) == rid and (expected, observed) == (a.expected, a.observed) else 0.0
        if s > score:
            best, score = fid, s
    if best is not None and score >= 0.5:
        return best, "moved", f"the same check on the same facts ({score:.0%} of them)"
    return None, "orphaned", "no finding of this check on these facts any more"


def _anchor(kind: str, js: Optional[str]):
    if not js:
        return None
    d = json.loads(js)
    if kind == "fact":
        return FactAnchor(**d)
    d["facts"] = [FactAnchor(**f) for f in d.get("facts") or []]
    return FindingAnchor(**d)


def resolve(con) -> dict[str, int]:
    """Rewrite ``review_links``; returns the number of reviews per state."""
    rows = con.execute("SELECT review_id, target_kind, target_id, anchor_json FROM reviews").fetchall()
    if not rows:
        con.execute("DELETE FROM review_links")
        return {}
    fx = _Facts(con)
    findings = {r[0]: r[1:] for r in con.execute(
        "SELECT finding_id, check_code, doc_id, fact_ids, expected, observed FROM findings").fetchall()}
    out, counts = [], {}
    for review_id, kind, target_id, js in rows:
        a = _anchor(kind, js)
        if kind == "fact":
            cur, state, detail = resolve_fact(fx, target_id, a)
        else:
            cur, state, detail = resolve_finding(con, fx, findings, target_id, a)
        out.append([review_id, cur, state, detail or None])
        counts[state] = counts.get(state, 0) + 1
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM review_links")
        con.executemany("INSERT INTO review_links VALUES (?, ?, ?, ?, now())", out)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def orphan_note(counts: dict[str, int]) -> str:
    """A line for the end of ingest / check when reviews lost their target."""
    n = counts.get("orphaned", 0)
    if not n:
        return ""
    return (f"{n} đánh giá của người dùng không còn tìm thấy số liệu/phát hiện của mình (orphaned); "
            f"vẫn được giữ: xem `tdkt review list --orphaned`\n")


# --- the Excel round trip ------------------------------------------------------------
@dataclass
class ImportResult:
    added: int = 0
    unchanged: int = 0
    unknown: list[str] = field(default_factory=list)      # finding ids not in the warehouse (kept, orphaned)
    errors: list[str] = field(default_factory=list)       # rows not understood (not stored)
    states: dict[str, int] = field(default_factory=dict)


def _cell(v) -> Optional[str]:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _sheet_anchor(con, row: dict) -> Optional[FindingAnchor]:
    """A finding no longer in the warehouse: its anchor from the sheet's own columns."""
    if not row.get("check_code"):
        return None
    ids = [x.strip() for x in str(row.get("fact_ids") or "").split(";") if x.strip()]
    facts = [a for a in (fact_anchor(con, i) for i in ids) if a is not None]
    return FindingAnchor(check_code=str(row["check_code"]), doc_id=_cell(row.get("doc_id")),
                         other_doc_id=_cell(row.get("other_doc_id")), rule=_cell(row.get("rule")),
                         report_id=_cell(row.get("report_id")), other_report_id=_cell(row.get("other_report_id")),
                         facts=facts)


def import_sheet(con, path: str) -> ImportResult:
    """Read the ``verdict`` and ``ghi_chu`` columns of an exported findings sheet."""
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise ReviewError(f"không mở được {path} như một tệp Excel (.xlsx): {type(e).__name__}") from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    if "finding_id" not in header or "verdict" not in header:
        raise ReviewError(f"{path}: trang đầu không có cột finding_id và verdict — hãy dùng tệp xuất bằng "
                          "`tdkt export findings --format xlsx`")
    current = {r[0]: (r[1], r[2]) for r in con.execute(
        "SELECT finding_id, verdict, note FROM v_finding_reviews").fetchall()}
    known = {r[0] for r in con.execute("SELECT finding_id FROM findings").fetchall()}
    res, new = ImportResult(), []
    for n, values in enumerate(rows, start=2):
        row = dict(zip(header, values))
        fid = _cell(row.get("finding_id"))
        note = _cell(row.get("ghi_chu"))
        try:
            verdict = verdict_of(row.get("verdict"))
        except ReviewError as e:
            res.errors.append(f"dòng {n}: {e}")
            continue
        if fid is None or (verdict is None and note is None):
            continue
        old_verdict, old_note = current.get(fid, (None, None))
        if (verdict or old_verdict) == old_verdict and note == old_note:
            res.unchanged += 1
            continue
        action = verdict or "comment"
        anchor = finding_anchor(con, fid) if fid in known else _sheet_anchor(con, row)
        if fid not in known:
            res.unknown.append(fid)
        new.append(Review("finding", fid, action, note=note, source="xlsx", anchor=anchor))
    wb.close()
    add_reviews(con, new)
    res.added = len(new)
    res.states = resolve(con)
    return res


def list_reviews(con, orphaned_only: bool = False) -> list[dict]:
    cur = con.execute("SELECT review_id, target_kind, target_id, action, value, period, award, recipient, subject, "
                      "note, reviewer, source, created_at, current_id, state, link_detail FROM v_reviews "
                      + ("WHERE state = 'orphaned' " if orphaned_only else "") + "ORDER BY created_at, review_id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
