"""``tdkt eval``: score a warehouse against gold files, the daily instrument for
improving the rules.

The matching follows ``../shared/tools/score_gold.py`` (the project's judge):
documents pair with gold files by file stem; a fact matches a gold fact when
metric (or one of its ``alt``), value (1e-6 relative), award, recipient,
period, subject (without diacritics and prefixes, substring either way),
of_total and the target/proposed status agree, gold fields left out not being
compared; ``optional`` gold facts are neither missed nor wrong.  Indicator rows
match on metric, value (1e-4) and label word overlap ≥ 0.5; findings on check
code, document, observed value (2 %) and the other document; findings of
severity ``info`` are never false alarms.

One report often comes as several files (.txt, .docx, .pdf, .doc of one
content).  :func:`evaluate` scores one file per gold document: the file of the
format asked (``fmt``), else the report's primary file (the reading the views
and checks use, see ``pipeline/reports.py``); each :class:`DocScore` names the
file it scored.  :func:`evaluate_formats` scores every format present.
Findings belong to the report, so a copy is scored on its report's findings.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

FAMILIES = ("award.", "poverty.", "ntm.")
PLACE_PREFIXES = ("thanh pho", "thi tran", "thi xa", "tp.", "tp", "tinh", "huyen", "quan", "xa", "phuong",
                  "thon", "xom", "ban", "lang", "to dan pho", "cum thi dua")


def fold(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFD", str(s)).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w%/<>.-]+", " ", s).strip()
    return re.sub(r"\s+", " ", s)


def place_key(s) -> str:
    s = fold(s)
    changed = True
    while changed:
        changed = False
        for p in PLACE_PREFIXES:
            if s.startswith(p + " "):
                s, changed = s[len(p) + 1:], True
    return s


def same_place(a, b) -> bool:
    a, b = place_key(a), place_key(b)
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def close(a, b, rel: float = 1e-6) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= rel * max(1.0, abs(float(b)))


def _period(s) -> Optional[str]:
    return None if s is None else str(s).replace(" ", "").replace("–", "-")


def fact_matches(g: dict, x: dict) -> bool:
    if x.get("metric") not in [g["metric"], *g.get("alt", [])]:
        return False
    if not close(x.get("value"), g["value"]):
        return False
    for k in ("award", "recipient"):
        if g.get(k) and x.get(k) != g[k]:
            return False
    if g.get("period") and _period(x.get("period")) != _period(g["period"]):
        return False
    if g.get("subject") and not same_place(x.get("subject"), g["subject"]):
        return False
    if g.get("of_total") is not None and x.get("of_total") is not None and not close(x["of_total"], g["of_total"]):
        return False
    gs, xs = g.get("status") or "granted", x.get("status") or "granted"
    if (gs == "target") != (xs == "target"):
        return False
    if gs == "proposed" and xs == "granted" and g.get("status"):
        return False
    return True


def pair_greedy(golds: list, xs: list, pred: Callable) -> tuple[set, set]:
    used, hit = set(), set()
    for gi, g in enumerate(golds):
        for xi, x in enumerate(xs):
            if xi not in used and pred(g, x):
                used.add(xi)
                hit.add(gi)
                break
    return hit, used


def label_overlap(a, b) -> float:
    ta, tb = set(fold(a).split()), set(fold(b).split())
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


@dataclass
class DocScore:
    stem: str
    missing: bool = False
    path: Optional[str] = None           # the file scored for this gold document
    status: Optional[str] = None         # its documents.status (a file that could not be read scores 0)
    meta_wrong: list[str] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    indicators_missed: list[str] = field(default_factory=list)
    findings_missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    honorees_missed: list[str] = field(default_factory=list)


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    meta_ok: int = 0
    meta_n: int = 0
    ind_ok: int = 0
    ind_n: int = 0
    fin_tp: int = 0
    fin_fn: int = 0
    fin_fp: int = 0
    hon_ok: int = 0
    hon_n: int = 0
    families: dict[str, list[int]] = field(default_factory=dict)
    docs: list[DocScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def findings_recall(self) -> float:
        return self.fin_tp / (self.fin_tp + self.fin_fn) if self.fin_tp + self.fin_fn else 1.0

    def ratio(self, ok: int, n: int) -> Optional[float]:
        return round(ok / n, 4) if n else None

    def summary(self) -> dict:
        return dict(precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4),
                    metadata=self.ratio(self.meta_ok, self.meta_n), indicators=self.ratio(self.ind_ok, self.ind_n),
                    honorees=self.ratio(self.hon_ok, self.hon_n), findings_recall=round(self.findings_recall, 4),
                    false_alarms=self.fin_fp,
                    families={k: dict(tp=v[0], fn=v[1], fp=v[2]) for k, v in sorted(self.families.items())},
                    docs=len(self.docs), docs_missing=sum(d.missing for d in self.docs))


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _meta_ok(key: str, got, want) -> bool:
    if key in ("issuer", "place", "province", "district"):
        return (want is None and not got) or (want is not None and same_place(got, want))
    if key == "doc_number":
        return fold(got).replace(" ", "") == fold(want).replace(" ", "")
    if key == "issued_date":
        return (str(got) if got is not None else None) == want
    if key == "issued_year":
        return got is not None and want is not None and int(got) == int(want)
    return fold(got) == fold(want)


def _pick(docs: list[dict], fmt: Optional[str]) -> Optional[dict]:
    """The file scored for one gold document among the files of its stem."""
    if fmt:
        return next((d for d in docs if (d.get("format") or "") == fmt), None)
    rank = sorted(docs, key=lambda d: (d.get("status") != "ok", not d.get("is_primary"), d.get("path") or ""))
    return rank[0] if rank else None


def formats(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT format FROM documents WHERE format IS NOT NULL "
                                      "ORDER BY format").fetchall()]


def evaluate(con, gold_dir: str | Path, fmt: Optional[str] = None) -> Score:
    """Score the open warehouse against every ``*.json`` in gold_dir (one file per
    gold document: of format ``fmt``, else the report's primary file)."""
    docs = _rows(con, "SELECT d.*, coalesce(v.is_primary, true) AS is_primary, v.report_id FROM documents d "
                      "LEFT JOIN v_files v USING (doc_id)")
    stems: dict[str, list[dict]] = {}
    for d in docs:
        stems.setdefault(Path(str(d.get("path") or "")).stem, []).append(d)
    by_stem = {s: d for s, ds in stems.items() if (d := _pick(ds, fmt)) is not None}
    report_docs: dict[str, set] = {}
    for d in docs:
        report_docs.setdefault(d.get("report_id") or d["doc_id"], set()).add(d["doc_id"])
    facts = _rows(con, "SELECT doc_id, metric, value, of_total, unit, award, recipient, status, period, subject, "
                       "label, qualifier, text FROM facts")
    findings = _rows(con, "SELECT check_code, severity, doc_id, other_doc_id, observed, message FROM findings")
    honorees = _rows(con, "SELECT doc_id, name FROM honorees")
    golds = [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(Path(gold_dir).glob("*.json"))]
    stem_of = {d["doc_id"]: Path(str(d.get("path") or "")).stem for d in docs}
    sc = Score()
    for stem, g in golds:
        ds = DocScore(stem)
        sc.docs.append(ds)
        d = by_stem.get(stem)
        if d is not None:
            ds.path, ds.status = d.get("path"), d.get("status")
        req = [f for f in g.get("facts", []) if not f.get("optional")]
        if d is None:
            ds.missing = True
            sc.fn += len(req)
            sc.fin_fn += len([f for f in g.get("findings", []) if not f.get("optional")])
            for f in req:
                sc.families.setdefault(f["metric"].split(".")[0], [0, 0, 0])[1] += 1
            continue
        did = d["doc_id"]
        for k, v in (g.get("metadata") or {}).items():
            sc.meta_n += 1
            if _meta_ok(k, d.get(k), v):
                sc.meta_ok += 1
            else:
                ds.meta_wrong.append(f"{k}: got {d.get(k)!r}, want {v!r}")
        xs = [x for x in facts if x["doc_id"] == did and str(x["metric"] or "").startswith(FAMILIES)]
        opt = [f for f in g.get("facts", []) if f.get("optional")]
        hit, used = pair_greedy(req, xs, fact_matches)
        rest = [x for i, x in enumerate(xs) if i not in used]
        _, used2 = pair_greedy(opt, rest, fact_matches)
        fps = [x for i, x in enumerate(rest) if i not in used2]
        sc.tp += len(hit)
        sc.fn += len(req) - len(hit)
        sc.fp += len(fps)
        for i, f in enumerate(req):
            sc.families.setdefault(f["metric"].split(".")[0], [0, 0, 0])[0 if i in hit else 1] += 1
        for x in fps:
            sc.families.setdefault(str(x["metric"]).split(".")[0], [0, 0, 0])[2] += 1
        ds.missed = [f for i, f in enumerate(req) if i not in hit]
        ds.extra = fps
        ind = [x for x in facts if x["doc_id"] == did and str(x["metric"] or "").startswith("indicator.")]
        for row in g.get("indicators", []):
            if row.get("optional"):
                continue
            for fld, metric in (("target", "indicator.target"), ("result", "indicator.result"),
                                ("percent", "indicator.percent_of_target")):
                if row.get(fld) is None:
                    continue
                sc.ind_n += 1
                if any(x["metric"] == metric and close(x["value"], row[fld], 1e-4)
                       and label_overlap(x.get("label"), row["label"]) >= 0.5 for x in ind):
                    sc.ind_ok += 1
                else:
                    ds.indicators_missed.append(f"{row['label']}: {fld} = {row[fld]}")
        same_report = report_docs.get(d.get("report_id") or did, {did})
        xf = [f for f in findings if f["doc_id"] in same_report]

        def fmatch(gq, x):
            if x["check_code"] != gq["check_code"]:
                return False
            if gq.get("observed") is not None and x.get("observed") is not None and \
                    not close(x["observed"], gq["observed"], 0.02):
                return False
            if gq.get("other_document"):
                other = stem_of.get(x.get("other_doc_id"))
                if other is not None and other != Path(gq["other_document"]).stem:
                    return False
            return True

        reqf = [f for f in g.get("findings", []) if not f.get("optional")]
        optf = [f for f in g.get("findings", []) if f.get("optional")]
        hitf, usedf = pair_greedy(reqf, xf, fmatch)
        restf = [x for i, x in enumerate(xf) if i not in usedf]
        _, usedf2 = pair_greedy(optf, restf, fmatch)
        fpf = [x for i, x in enumerate(restf) if i not in usedf2 and (x.get("severity") or "warning") != "info"]
        sc.fin_tp += len(hitf)
        sc.fin_fn += len(reqf) - len(hitf)
        sc.fin_fp += len(fpf)
        ds.findings_missed = [f"{f['check_code']} {f.get('label') or f.get('about') or ''}".strip()
                              for i, f in enumerate(reqf) if i not in hitf]
        ds.false_alarms = [f"{x['check_code']}: {x.get('message')}" for x in fpf]
        gh = g.get("honorees", [])
        xh = [h for h in honorees if h["doc_id"] == did]
        hh, _ = pair_greedy(gh, xh, lambda gq, x: fold(gq["name"]) in fold(x["name"])
                            or fold(x["name"]) in fold(gq["name"]))
        sc.hon_n += len(gh)
        sc.hon_ok += len(hh)
        ds.honorees_missed = [h["name"] for i, h in enumerate(gh) if i not in hh]
    return sc


def evaluate_formats(con, gold_dir: str | Path) -> dict[str, Score]:
    """One score per format of the warehouse's files."""
    return {fmt: evaluate(con, gold_dir, fmt) for fmt in formats(con)}


def _fmt_fact(f: dict) -> str:
    keys = ("metric", "award", "recipient", "value", "of_total", "period", "subject", "status")
    return ", ".join(f"{k}={f[k]}" for k in keys if f.get(k) is not None)


def report(sc: Score, out, *, details: bool = True) -> None:
    s = sc.summary()
    out.write(f"facts  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}\n")
    for fam, v in s["families"].items():
        p = v["tp"] / (v["tp"] + v["fp"]) if v["tp"] + v["fp"] else 0.0
        r = v["tp"] / (v["tp"] + v["fn"]) if v["tp"] + v["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.write(f"  {fam:<9} tp {v['tp']:>4}  fn {v['fn']:>4}  fp {v['fp']:>4}  F1 {f1:.3f}\n")
    out.write(f"metadata {s['metadata']}  indicators {s['indicators']}  honorees {s['honorees']}  "
              f"findings recall {s['findings_recall']:.3f}  false alarms {s['false_alarms']}  "
              f"documents {s['docs'] - s['docs_missing']}/{s['docs']}\n")
    if not details:
        return
    for d in sc.docs:
        lines = []
        if d.missing:
            lines.append("  not in the warehouse (no document with this file stem)")
        lines += [f"  metadata  {m}" for m in d.meta_wrong]
        lines += [f"  missed    {_fmt_fact(f)}" for f in d.missed]
        lines += [f"  extra     {_fmt_fact(f)}  | {str(f.get('text') or '')[:80]}" for f in d.extra]
        lines += [f"  indicator {m}" for m in d.indicators_missed]
        lines += [f"  honoree   {m}" for m in d.honorees_missed]
        lines += [f"  finding missed  {m}" for m in d.findings_missed]
        lines += [f"  false alarm     {m[:160]}" for m in d.false_alarms]
        if lines:
            out.write(f"\n{d.stem}\n" + "\n".join(lines) + "\n")


def report_formats(scores: dict[str, Score], out) -> None:
    """One line per format: the facts F1 and what was scored."""
    if not scores:
        return
    out.write("\nper format:\n")
    for fmt, sc in scores.items():
        s = sc.summary()
        failed = sum(1 for d in sc.docs if d.status not in (None, "ok"))
        out.write(f"  {fmt:<5} F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  metadata {s['metadata']}  "
                  f"findings recall {s['findings_recall']:.3f}  false alarms {s['false_alarms']}  "
                  f"files {s['docs'] - s['docs_missing']}/{s['docs']}"
                  + (f" ({failed} not readable)" if failed else "") + "\n")


def scored_files(sc: Score, out) -> None:
    out.write("files scored:\n")
    for d in sc.docs:
        out.write(f"  {d.stem}: {d.path or 'none'}" + (f" ({d.status})" if d.status not in (None, "ok") else "")
                  + "\n")
