"""Is a reading trustworthy?  Two scores between 0 and 1 for a document.

* :func:`extractors.syllables.vietnamese_score` — how much of the text reads
  as Vietnamese (the share of its words that are Vietnamese syllables); text in
  a legacy encoding read the wrong way scores low, so does English.
* :func:`report_score` — how much a document looks like a report: the national
  motto, a number, a date line, a document type, an issuer and a signer read by
  :mod:`rules.metadata`, and figures about awards, poverty or nông thôn mới.
* :func:`markup_share` — the share of lines that carry the markup of
  documentation or code (code spans, Markdown headings, bold and links, file
  names, web addresses other than a news page's source line), which reports and the press never
  have.

:func:`verdict` turns them into a status (``not_vietnamese``, ``not_report``)
or a warning, with the sentence to store; the thresholds are
``pipeline.config.TextChecks``.  A text without the marks of a report is
``not_report`` only when it reads as documentation or notes (``min_markup``): a
passage of prose — a newspaper article, a portal's news item, the opening of a
decision — has no header nor signature, yet its figures are what the office
collects (``tests/data/real/``), so it is kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from extractors.syllables import vietnamese_score

from .config import TextChecks
from .model import Document, Extraction

NOT_VIETNAMESE = "not_vietnamese"
NOT_REPORT = "not_report"

_DOMAIN = ("award.", "poverty.", "ntm.")

# what documentation, notes and code have on a line, and reports never do
_MARKUP = regex.compile(
    r"`[^`\n]+`"                                   # a code span
    r"|^[ \t]{0,3}#{1,6}[ \t]"                      # a Markdown heading
    r"|\*\*[^*\n]+\*\*"                            # Markdown bold
    r"|\]\([^)\s]+\)"                              # a Markdown link
    r"|\b[\w-]+\.(?:py|json|toml|md|txt|csv|sql|ipynb|ya?ml|sh)\b"   # a file name
    r"|(?<!(?i:nguồn|theo|link|xem thêm)\b[^\n]{0,60})https?://", regex.M)   # a web address, not a news source's


def markup_share(text: str) -> float:
    """The share of non-empty lines with the markup of documentation or code."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return 0.0
    return round(sum(1 for ln in lines if _MARKUP.search(ln)) / len(lines), 3)


def report_score(doc: Document, ex: Extraction) -> float:
    from rules.metadata import _MOTTO, is_headerless

    m = ex.meta
    head = [b.text.lower() for b in doc.blocks[:20]]
    signals = [
        any(_MOTTO.match(t) for t in head),
        bool(m.doc_number),
        bool(m.issued_year) and not is_headerless(m),   # a news page's dateline dates no header
        m.doc_type not in (None, "other"),
        bool(m.issuer),
        bool(m.signer),
        sum(1 for f in ex.facts if f.metric.startswith(_DOMAIN)) >= 3,
    ]
    return round(sum(signals) / len(signals), 3)


@dataclass
class Verdict:
    status: Optional[str]          # None: keep the reading
    message: Optional[str]         # documents.error when status is set
    warning: Optional[str]         # a line for documents.warnings otherwise
    vietnamese: float
    report: float
    limit: Optional[str] = None    # "min_vietnamese=0.55": the threshold that decided


def verdict(doc: Document, ex: Extraction, th: TextChecks) -> Verdict:
    min_vietnamese, min_report = th.min_vietnamese, th.min_report
    vi, n = vietnamese_score(doc.text)
    rep = report_score(doc, ex)
    if n >= 20 and vi < min_vietnamese:
        return Verdict(NOT_VIETNAMESE,
                       f"Nội dung không đọc được như tiếng Việt (điểm {vi:.2f}, dưới ngưỡng {min_vietnamese:g}): "
                       "tệp có thể dùng một bảng mã cũ chưa nhận ra (VNI, TCVN3, VISCII) hoặc không phải tiếng Việt; "
                       "không lấy số liệu từ tệp này.", None, vi, rep, f"min_vietnamese={min_vietnamese:g}")
    if rep < min_report and markup_share(doc.text) >= th.min_markup:
        return Verdict(NOT_REPORT,
                       f"Tệp không giống một văn bản báo cáo (điểm {rep:.2f}, dưới ngưỡng {min_report:g}): không có "
                       "quốc hiệu, số và ngày văn bản, cơ quan ban hành, người ký hay số liệu thi đua, khen thưởng, "
                       "mà có dạng tài liệu kỹ thuật hay ghi chú (tên tệp, mã, tiêu đề Markdown); "
                       "không lấy số liệu từ tệp này.", None, vi, rep, f"min_report={min_report:g}")
    warn = None
    if n >= 20 and vi < min(1.0, min_vietnamese + 0.25):
        warn = (f"Một phần nội dung không đọc được như tiếng Việt (điểm {vi:.2f}): có thể có đoạn sai bảng mã; "
                "nên kiểm tra lại số liệu.")
    return Verdict(None, None, warn, vi, rep)
