"""Size caps per format, checked before a file is parsed (``pipeline.config.Limits``).

The file size is checked by the main process before a worker is given the file;
what needs the file opened — the XML a .docx inflates to, a PDF's page count —
is checked in the worker, before the reader starts.  A file over a cap raises
:class:`LimitExceeded`, an ExtractError with status ``failed`` that also names
the limit, so the file is not tried again until it changes, the limit is raised
or the run is forced.
"""
from __future__ import annotations

import zipfile
from typing import Optional

from .config import Limits
from .model import FAILED, ExtractError

MB = 1024 * 1024
RETRY_HINT = "tệp sẽ không được đọc lại cho đến khi thay đổi, khi giới hạn được nâng lên hoặc khi chạy với --force."
CRASH_HINT = "Tệp sẽ được đọc lại khi thay đổi, khi bộ đọc được cập nhật hoặc khi chạy với --force."


class LimitExceeded(ExtractError):
    def __init__(self, limit: str, message: str):
        super().__init__(FAILED, f"{message}; {RETRY_HINT}")
        self.limit = limit          # "name=value", stored in documents.limit_hit


def _mb(n: float) -> str:
    return f"{n / MB:,.1f}".replace(",", " ").replace(".", ",")


def check_size(fmt: Optional[str], size: Optional[int], limits: Limits) -> None:
    cap = limits.max_bytes(fmt)
    if cap is not None and size is not None and size > cap:
        raise LimitExceeded(f"max_mb.{fmt}={limits.max_mb[fmt]:g}",
                            f"Tệp {_mb(size)} MB, vượt giới hạn {limits.max_mb[fmt]:g} MB cho tệp .{fmt} "
                            f"(limits.max_mb.{fmt})")


def check_docx(path: str, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            xml = sum(i.file_size for i in z.infolist() if i.filename.lower().endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError):
        return                                  # not a zip: the reader says so in its own words
    if xml > limits.docx_xml_mb * MB:
        raise LimitExceeded(f"docx_xml_mb={limits.docx_xml_mb}",
                            f"Phần nội dung XML của tệp .docx khi giải nén là {_mb(xml)} MB, vượt giới hạn "
                            f"{limits.docx_xml_mb} MB (limits.docx_xml_mb): tệp bất thường (có thể là \"bom nén\")")


def pdf_pages(path: str) -> Optional[int]:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pdfplumber depends on it
        return None
    try:
        pdf = pdfium.PdfDocument(path)
    except Exception:  # damaged or encrypted: the reader says so in its own words
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def check_pdf(path: str, limits: Limits) -> None:
    n = pdf_pages(path)
    if n is not None and n > limits.pdf_pages:
        raise LimitExceeded(f"pdf_pages={limits.pdf_pages}",
                            f"Tệp PDF có {n} trang, vượt giới hạn {limits.pdf_pages} trang (limits.pdf_pages)")


def check_opened(path: str, fmt: Optional[str], limits: Limits) -> None:
    """The caps that need the file: run in the worker before the reader."""
    if fmt == "docx":
        check_docx(path, limits)
    elif fmt == "pdf":
        check_pdf(path, limits)


def more_permissive(limit: Optional[str], limits: Limits, min_vietnamese: float, min_report: float) -> bool:
    """Was the limit a file failed on (``name=value``) raised since?  Then it is worth another try."""
    if not limit or "=" not in limit:
        return False
    name, _, old = limit.partition("=")
    try:
        was = float(old)
    except ValueError:
        return False
    if name.startswith("max_mb."):
        now = limits.max_mb.get(name.split(".", 1)[1])
        return now is not None and now > was
    lower_is_laxer = {"min_vietnamese": min_vietnamese, "min_report": min_report}
    if name in lower_is_laxer:
        return lower_is_laxer[name] < was
    now = getattr(limits, name, None)
    return isinstance(now, (int, float)) and now > was
