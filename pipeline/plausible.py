"""Is a reading trustworthy?  Two scores between 0 and 1 for a document.

* :func:`extractors.syllables.vietnamese_score` — how much of the text reads
  as Vietnamese (the share of its words that are Vietnamese syllables); text in
  a legacy encoding read the wrong way scores low, so does English.
* :func:`report_score` — how much a document looks like a report: the national
  motto, a number, a date line, a document type, an issuer and a signer read by
  :mod:`rules.metadata`, and figures about awards, poverty or nông thôn mới.

:func:`verdict` turns them into a status (``not_vietnamese``, ``not_report``)
or a warning, with the sentence to store; the thresholds are
``pipeline.config.TextChecks``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extractors.syllables import vietnamese_score

from .model import Document, Extraction

NOT_VIETNAMESE = "not_vietnamese"
NOT_REPORT = "not_report"

_DOMAIN = ("award.", "poverty.", "ntm.")


def report_score(doc: Document, ex: Extraction) -> float:
    from rules.metadata import _MOTTO

    m = ex.meta
    head = [b.text.lower() for b in doc.blocks[:20]]
    signals = [
        any(_MOTTO.match(t) for t in head),
        bool(m.doc_number),
        bool(m.issued_year),
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


def verdict(doc: Document, ex: Extraction, min_vietnamese: float, min_report: float) -> Verdict:
    vi, n = vietnamese_score(doc.text)
    rep = report_score(doc, ex)
    if n >= 20 and vi < min_vietnamese:
        return Verdict(NOT_VIETNAMESE,
                       f"Nội dung không đọc được như tiếng Việt (điểm {vi:.2f}, dưới ngưỡng {min_vietnamese:g}): "
                       "tệp có thể dùng một bảng mã cũ chưa nhận ra (VNI, TCVN3, VISCII) hoặc không phải tiếng Việt; "
                       "không lấy số liệu từ tệp này.", None, vi, rep, f"min_vietnamese={min_vietnamese:g}")
    if rep < min_report:
        return Verdict(NOT_REPORT,
                       f"Tệp không giống một văn bản báo cáo (điểm {rep:.2f}, dưới ngưỡng {min_report:g}): không có "
                       "quốc hiệu, số và ngày văn bản, cơ quan ban hành, người ký hay số liệu thi đua, khen thưởng; "
                       "không lấy số liệu từ tệp này.", None, vi, rep, f"min_report={min_report:g}")
    warn = None
    if n >= 20 and vi < min(1.0, min_vietnamese + 0.25):
        warn = (f"Một phần nội dung không đọc được như tiếng Việt (điểm {vi:.2f}): có thể có đoạn sai bảng mã; "
                "nên kiểm tra lại số liệu.")
    return Verdict(None, None, warn, vi, rep)
