"""``tdkt review``: a static review site, offline, in Vietnamese.

``index.html`` lists every file (province, district, period, status, facts and
findings, a filter box) and the files that could not be read with the reason;
``docs/<id>.html`` shows one file's text with every fact highlighted at its
offsets (a colour per family), a panel with the clicked fact's fields, and the
findings linked to their facts on both sides (and to the other document);
``scorecard.html`` the district scorecard with charts (``charts/*.svg``).
Templates are Jinja2 (``pipeline/site_templates``), charts matplotlib SVG; the
CSS and JavaScript are copied next to the pages, nothing is fetched from the
network.
"""
from __future__ import annotations

import html
import json
import math
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from markupsafe import Markup

from pipeline.checks.base import METRIC_VN, RECIPIENT_VN, award_vn, vn
from pipeline.checks.commands import CODE_VN

TEMPLATES = Path(__file__).resolve().parent / "site_templates"
FAMILIES = [("award", "khen thưởng"), ("poverty", "giảm nghèo"), ("ntm", "nông thôn mới"),
            ("indicator", "chỉ tiêu"), ("quantity", "số lượng khác"), ("other", "khác")]
STATUS_VN = {"ok": "đọc được", "failed": "không đọc được", "needs_ocr": "ảnh quét, cần OCR", "empty": "tệp rỗng",
             "unsupported": "định dạng chưa hỗ trợ"}
FACT_STATUS_VN = {None: "đã khen (granted)", "granted": "đã khen (granted)", "proposed": "đề nghị (proposed)",
                  "target": "chỉ tiêu (target)"}
PERIOD_SOURCE_VN = {
    "clause": "vế câu (clause)", "sentence": "câu (sentence)", "paragraph": "đoạn (paragraph)",
    "lead_in": "câu dẫn (lead_in)", "heading": "đề mục (heading)", "title": "tiêu đề văn bản (title)",
    "event_date": "ngày sự kiện (event_date)", "snapshot": "thời điểm (snapshot)", "attached": "ghi kèm (attached)",
    "after": "ghi sau số liệu (after)", "inherited": "kế thừa (inherited)", "rewarded": "năm được khen (rewarded)",
    "table": "bảng (table)", "document": "kỳ của văn bản (document)", "dateline": "ngày ban hành (dateline)",
    "anniversary": "năm kỷ niệm — ước đoán, nên kiểm tra (anniversary)", "span_end": "cuối giai đoạn (span_end)",
    "lede": "đoạn mở đầu (lede)", "text": "năm duy nhất văn bản nêu (text)", "present": "thời điểm hiện nay (present)",
    "baseline": "năm so sánh (baseline)", "contrast": "đối chiếu trước và nay (contrast)",
    "column": "tiêu đề cột bảng (column)", "restated": "câu nhắc lại số liệu của bảng (restated)",
    "rule": "quy tắc tự xác định (rule)", "latest_date": "ngày muộn nhất văn bản nêu — ước đoán, nên kiểm tra (latest_date)",
    "filename": "năm trong tên tệp — ước đoán, nên kiểm tra (filename)",
    "start_of_year": "đầu năm — số liệu đầu kỳ (start_of_year)"}
SEVERITY_VN = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi nhận"}
VERDICT_VN = {"confirmed": "đã xác nhận", "false_alarm": "báo động giả"}
FACT_COLUMNS = ("fact_id", "doc_id", "metric", "value", "of_total", "unit", "award", "recipient", "status", "period",
                "subject", "subject_level", "label", "qualifier", "text", "char_start", "char_end", "page", "rule",
                "table_index", "row_index", "raw", "bound", "stated_percent", "confidence", "note", "granter")


@dataclass
class SiteResult:
    index: str
    documents: int
    facts: int
    findings: int


def _doc_types() -> dict[str, str]:
    from rules.citations import KINDS
    out: dict[str, str] = {}
    for name, code in KINDS.items():
        out.setdefault(code, name)
    return out


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def page_name(doc_id: str) -> str:
    return f"{doc_id[:16]}.html"


def family(metric: Optional[str]) -> str:
    fam = (metric or "").split(".")[0]
    return fam if fam in {f for f, _ in FAMILIES} else "other"


def _num(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return vn(float(v))


def highlight(text: str, facts: list[dict]) -> Markup:
    """The text as HTML with one ``<mark class="fact">`` per fact at its offsets.

    Spans that nest are nested; a span that crosses the one before it starts where
    that one ends (so every fact still has exactly one element)."""
    events = sorted(((f["char_start"] or 0, -(f["char_end"] or 0), i) for i, f in enumerate(facts)),
                    key=lambda e: (e[0], e[1], e[2]))
    out, pos, stack = [], 0, []          # stack of open (end, index)

    def close_until(limit: int):
        nonlocal pos
        while stack and stack[-1][0] <= limit:
            end, _ = stack.pop()
            out.append(html.escape(text[pos:end]))
            pos = end
            out.append("</mark>")

    for start, neg_end, i in events:
        end = -neg_end
        close_until(start)
        start = max(start, pos)
        if stack and end > stack[-1][0]:
            end = stack[-1][0]            # crossing: keep it inside the open span
        end = max(start, min(end, len(text)))
        out.append(html.escape(text[pos:start]))
        pos = start
        f = facts[i]
        cls = ["fact", f"fam-{family(f['metric'])}"] + [c for c in ("corrected", "rejected", "in-finding")
                                                         if f.get(c.replace("-", "_"))]
        out.append(f'<mark class="{" ".join(cls)}" id="f-{html.escape(f["fact_id"])}" '
                   f'data-id="{html.escape(f["fact_id"])}" data-family="{family(f["metric"])}">')
        stack.append((end, i))
    close_until(len(text) + 1)
    out.append(html.escape(text[pos:]))
    return Markup("".join(out))


def _panel_fields(f: dict, review: Optional[dict], findings: list[str], has_period_source: bool) -> dict:
    where = []
    if f.get("table_index") is not None:
        where.append(f"bảng {f['table_index'] + 1}")
        if f.get("row_index") is not None:
            where.append(f"dòng {f['row_index'] + 1}")
    out = {k: f.get(k) for k in ("fact_id", "metric", "raw", "unit", "award", "granter", "period", "subject",
                                 "subject_level", "qualifier", "label", "bound", "rule", "note", "page")}
    out.update(value=_num(f["value"]), of_total=_num(f.get("of_total")), stated_percent=_num(f.get("stated_percent")),
               confidence=None if f.get("confidence") is None else f"{f['confidence']:.2f}",
               metric_vn=METRIC_VN.get(f["metric"] or "") or (f.get("label") if f["metric"] else None),
               award_vn=award_vn(f.get("award")) or None, recipient_vn=RECIPIENT_VN.get(f.get("recipient") or ""),
               status_vn=FACT_STATUS_VN.get(f.get("status"), f.get("status")), where=", ".join(where) or None,
               findings=findings)
    if has_period_source:
        out["period_source"] = PERIOD_SOURCE_VN.get(f.get("period_source"), f.get("period_source"))
    out["scope"] = f.get("scope")
    if review:
        if review["action"] == "reject":
            out["review"] = "đã loại" + (f": {review['note']}" if review.get("note") else "")
        else:
            changes = [f"{k} = {review[k] if k != 'value' else _num(review[k])}"
                       for k in ("value", "period", "award", "recipient", "subject") if review.get(k) is not None]
            out["review"] = "đã sửa: " + "; ".join(changes) + (f" ({review['note']})" if review.get("note") else "")
    return out


class _Data:
    """Everything the pages show, read once."""

    def __init__(self, con):
        have = {r[0] for r in con.execute("DESCRIBE facts").fetchall()}
        self.has_period_source = "period_source" in have
        cols = list(FACT_COLUMNS) + [c for c in ("period_source", "scope") if c in have]
        self.docs = _rows(con, """
            SELECT d.doc_id, d.path, d.format, d.status, d.error, d.doc_type, d.doc_number, d.title, d.issuer,
                   d.issued_date, d.period, d.province, tdkt_strip_prefix(d.district) AS district, d.pages,
                   d.warnings, coalesce(d.n_facts, 0) AS n_facts, v.report_id, v.is_primary, v.n_files,
                   pm.province_2025
            FROM documents d JOIN v_files v USING (doc_id)
            LEFT JOIN province_2025_map pm ON pm.province_key = tdkt_key(d.province)
            ORDER BY pm.province_2025 NULLS LAST, d.province, d.district, d.period, v.report_id, v.is_primary DESC,
                     d.path""")
        self.facts: dict[str, list[dict]] = {}
        for f in _rows(con, f"SELECT {', '.join(cols)} FROM facts ORDER BY doc_id, char_start, fact_id"):
            self.facts.setdefault(f["doc_id"], []).append(f)
        self.reviews = {r["fact_id"]: r for r in _rows(con, "SELECT * FROM v_fact_reviews")}
        self.findings = _rows(con, """
            SELECT f.finding_id, f.check_code, f.severity, f.message, f.doc_id, f.other_doc_id, f.fact_ids,
                   r.verdict, r.note AS ghi_chu
            FROM findings f LEFT JOIN v_finding_reviews r USING (finding_id)
            ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.check_code,
                     f.finding_id""")
        self.by_doc_findings: dict[str, list[dict]] = {}
        self.fact_findings: dict[str, list[str]] = {}
        for x in self.findings:
            self.by_doc_findings.setdefault(x["doc_id"], []).append(x)
            for fid in x["fact_ids"] or []:
                self.fact_findings.setdefault(fid, []).append(x["finding_id"])
        self.fact_doc = {f["fact_id"]: f for fs in self.facts.values() for f in fs}
        self.doc_by_id = {d["doc_id"]: d for d in self.docs}
        self.report_files: dict[str, list[dict]] = {}
        for d in self.docs:
            if d["status"] == "ok":
                self.report_files.setdefault(d["report_id"], []).append(d)
        self.scorecard = _rows(con, "SELECT * FROM v_district_scorecard ORDER BY province_2025, district, period")
        self.poverty = _rows(con, "SELECT district, province_2025, year, poor_rate FROM v_poverty "
                                  "WHERE unit_level = 'district' AND year IS NOT NULL AND poor_rate IS NOT NULL")
        self.ntm = _rows(con, "SELECT district, province_2025, year, communes_standard, communes_total FROM v_ntm "
                              "WHERE unit_level = 'district' AND year IS NOT NULL AND communes_standard IS NOT NULL")
        self.awards = _rows(con, "SELECT district, year, sum(awards) AS awards FROM v_awards "
                                 "WHERE unit_level = 'district' AND kind = 'commendation' AND year IS NOT NULL "
                                 "GROUP BY ALL")


def _file(path: Optional[str]) -> str:
    return (path or "").replace("\\", "/").rsplit("/", 1)[-1]


def _finding_view(data: _Data, x: dict, here: str) -> dict:
    facts = []
    for fid in x["fact_ids"] or []:
        f = data.fact_doc.get(fid)
        if f is None:
            continue
        same = f["doc_id"] == here
        facts.append(dict(fact_id=fid, raw=f.get("raw"), other=not same, file=_file(data.doc_by_id.get(
            f["doc_id"], {}).get("path")), href=(f"#f-{fid}" if same else f"{page_name(f['doc_id'])}#f-{fid}")))
    other = x.get("other_doc_id") if x.get("other_doc_id") != here else x.get("doc_id")
    od = data.doc_by_id.get(other) if other and other != here else None
    return dict(x, facts=facts, severity_vn=SEVERITY_VN.get(x["severity"], x["severity"]),
                check_vn=CODE_VN.get(x["check_code"], x["check_code"]), verdict_vn=VERDICT_VN.get(x["verdict"] or ""),
                other_href=page_name(od["doc_id"]) if od else None, other_file=_file(od["path"]) if od else None)


def _charts(data: _Data, out: Path) -> list[dict]:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9})
    charts = []

    def save(fig, name: str, title: str):
        fig.tight_layout()
        fig.savefig(out / name, format="svg", metadata={"Date": None})
        plt.close(fig)
        charts.append(dict(file=f"charts/{name}", title=title))

    def lines(rows, value, name, title, ylabel):
        series: dict[str, list[tuple[int, float]]] = {}
        for r in rows:
            v = value(r)
            if v is not None:
                series.setdefault(r["district"] or "?", []).append((r["year"], v))
        if not series:
            return
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        for d, pts in sorted(series.items())[:20]:
            pts.sort()
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=d)
        ax.set_ylabel(ylabel)
        ax.set_xlabel("năm")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=.3)
        ax.legend(fontsize=7, loc="best")
        ax.set_title(title)
        save(fig, name, title)

    lines(data.poverty, lambda r: r["poor_rate"], "poverty.svg", "Tỷ lệ hộ nghèo theo năm", "% hộ nghèo")
    lines(data.ntm, lambda r: 100.0 * r["communes_standard"] / r["communes_total"] if r["communes_total"] else None,
          "ntm.svg", "Xã đạt chuẩn nông thôn mới theo năm", "% số xã")
    if data.awards:
        per: dict[str, dict[int, float]] = {}
        for r in data.awards:
            per.setdefault(r["district"] or "?", {})[r["year"]] = r["awards"] or 0
        districts = sorted(per)[:25]
        years = sorted({y for d in per.values() for y in d})[-6:]
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        width = 0.8 / max(1, len(years))
        for k, y in enumerate(years):
            ax.bar([i + k * width for i in range(len(districts))], [per[d].get(y, 0) for d in districts], width,
                   label=str(y))
        ax.set_xticks([i + 0.4 - width / 2 for i in range(len(districts))], districts, rotation=30, ha="right")
        ax.set_ylabel("số khen thưởng")
        ax.set_title("Khen thưởng theo huyện (không gồm danh hiệu văn hóa)")
        ax.legend(fontsize=7)
        ax.grid(axis="y", alpha=.3)
        save(fig, "awards.svg", "Khen thưởng theo huyện (không gồm danh hiệu văn hóa)")
    return charts


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["n"] = _num
    return env


def _doc_row(d: dict, data: _Data, types: dict) -> dict:
    prim = d
    if not d["is_primary"]:
        prim = next((x for x in data.report_files.get(d["report_id"], []) if x["is_primary"]), d)
    fs = data.by_doc_findings.get(prim["doc_id"], [])
    live = [x for x in fs if x["verdict"] != "false_alarm"]
    return dict(d, file=_file(d["path"]), href=f"docs/{page_name(d['doc_id'])}" if d["status"] == "ok" else "#khong-doc-duoc",
                status_vn=STATUS_VN.get(d["status"], d["status"]), doc_type_vn=types.get(d["doc_type"] or "", d["doc_type"] or ""),
                n_facts=len(data.facts.get(d["doc_id"], [])),
                n_errors=sum(x["severity"] == "error" for x in live), n_warnings=sum(x["severity"] == "warning" for x in live))


def build_site(con, out_dir: str | Path) -> SiteResult:
    """Write the review site for the open warehouse into ``out_dir``."""
    out = Path(out_dir)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "charts").mkdir(exist_ok=True)
    shutil.copytree(TEMPLATES / "static", out / "static", dirs_exist_ok=True)
    data, env, types = _Data(con), _env(), _doc_types()
    built = datetime.now().strftime("%d/%m/%Y %H:%M")
    rows = [_doc_row(d, data, types) for d in data.docs]
    unreadable = [r for r in rows if r["status"] != "ok"]
    common = dict(built_at=built, n_unreadable=len(unreadable))
    findings_live = [x for x in data.findings if x["severity"] != "info"]
    n_false = sum(x["verdict"] == "false_alarm" for x in findings_live)
    (out / "index.html").write_text(env.get_template("index.html").render(
        root="", title="Văn bản", docs=[r for r in rows if r["status"] == "ok"], unreadable=unreadable,
        n_reports=len(data.report_files), n_facts=sum(len(v) for v in data.facts.values()),
        n_findings=len(findings_live) - n_false, n_false=n_false, **common), encoding="utf-8")
    tpl = env.get_template("document.html")
    n_docs = 0
    for r in rows:
        if r["status"] != "ok":
            continue
        _write_document(con, data, tpl, r, out, common)
        n_docs += 1
    _write_scorecard(data, env, out, common)
    return SiteResult(str(out / "index.html"), n_docs, sum(len(v) for v in data.facts.values()), len(data.findings))


def _write_document(con, data: _Data, tpl, r: dict, out: Path, common: dict) -> None:
    doc_id = r["doc_id"]
    text = (con.execute("SELECT text FROM document_text WHERE doc_id = ?", [doc_id]).fetchone() or [""])[0] or ""
    facts = []
    for f in data.facts.get(doc_id, []):
        rv = data.reviews.get(f["fact_id"])
        facts.append(dict(f, corrected=bool(rv and rv["action"] == "correct"), rejected=bool(rv and rv["action"] == "reject"),
                          in_finding=f["fact_id"] in data.fact_findings))
    copies = [dict(c, file=_file(c["path"]), href=page_name(c["doc_id"])) for c in data.report_files.get(r["report_id"], [])]
    primary = next((c for c in copies if c["is_primary"]), None)
    shown = primary["doc_id"] if primary and not r["is_primary"] else doc_id
    findings = [_finding_view(data, x, doc_id) for x in data.by_doc_findings.get(shown, [])]
    panel = [_panel_fields(f, data.reviews.get(f["fact_id"]), data.fact_findings.get(f["fact_id"], []),
                           data.has_period_source) for f in facts]
    page = tpl.render(root="../", title=r["file"], d=r, copies=copies, primary_href=primary["href"] if primary else "",
                      families=FAMILIES, facts=facts, findings=findings, text_html=highlight(text, facts),
                      facts_json=Markup(json.dumps(panel, ensure_ascii=False, default=str).replace("</", "<\\/")),
                      **common)
    (out / "docs" / page_name(doc_id)).write_text(page, encoding="utf-8")


def _write_scorecard(data: _Data, env, out: Path, common: dict) -> None:
    charts = _charts(data, out / "charts")
    rows = []
    by_path = {d["path"]: d for d in data.docs}
    for r in data.scorecard:
        src = by_path.get(r.get("poverty_source_path"))
        rows.append(dict(r, poverty_href=f"docs/{page_name(src['doc_id'])}" if src else None,
                         poor_rate_source_vn={"primary": "nguồn chính", "secondary": "báo cáo sau nhắc lại"}.get(
                             r.get("poor_rate_source") or "", ""),
                         poor_rate_corrected=bool(r.get("poor_rate_corrected"))))
    (out / "scorecard.html").write_text(env.get_template("scorecard.html").render(
        root="", title="Bảng điểm huyện", rows=rows, charts=charts, **common), encoding="utf-8")
