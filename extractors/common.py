"""Helpers shared by the readers: opening files with human errors."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.model import EMPTY, FAILED, ExtractError


@contextmanager
def file_errors() -> Iterator[None]:
    """Turn the operating system's errors on opening or reading a file into an ExtractError that
    says in plain words what went wrong (one wording for every place that reads a file)."""
    try:
        yield
    except FileNotFoundError:
        raise ExtractError(FAILED, "Không tìm thấy tệp: tệp đã bị xóa hoặc di chuyển trong lúc xử lý.")
    except IsADirectoryError:
        raise ExtractError(FAILED, "Đường dẫn là một thư mục, không phải một tệp.")
    except PermissionError:
        raise ExtractError(FAILED, "Không có quyền đọc tệp.")
    except OSError as e:
        raise ExtractError(FAILED, f"Không đọc được tệp: {e.strerror or e}.")


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an ExtractError that says in plain words what went wrong."""
    with file_errors():
        data = Path(path).read_bytes()
    if not data.strip():
        raise ExtractError(EMPTY, "Tệp rỗng: không có nội dung để đọc." if not data
                           else "Tệp chỉ chứa khoảng trắng: không có nội dung để đọc.")
    return data


def check_readable(path: str) -> None:
    """Raise the same errors as read_bytes without reading the whole file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ExtractError(FAILED, "Không tìm thấy tệp: tệp đã bị xóa hoặc di chuyển trong lúc xử lý.")
    if st.st_size == 0:
        raise ExtractError(EMPTY, "Tệp rỗng: không có nội dung để đọc.")


# Bytes that TCVN3 uses for its most frequent letters (ă â ê ô ơ ư đ à ả ã á ạ) and
# that Windows-1258 Vietnamese text hardly uses (they are symbols there: ¨ © ª « ¬ ­ ® µ ¶ · ¸ ¹).
_TCVN3_BYTES = frozenset(range(0xA8, 0xAF)) | frozenset(range(0xB5, 0xBA))


def looks_tcvn3(data: bytes) -> bool:
    """8-bit text typed in a TCVN3 (.VnTime) font rather than Windows-1258."""
    high = sum(1 for b in data if b >= 0x80)
    return high >= 20 and sum(1 for b in data if b in _TCVN3_BYTES) > 0.3 * high


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-16 with BOM, UTF-8 (with or without BOM), else the
    8-bit reading — Windows-1258, TCVN3 or VNI — whose words are Vietnamese
    syllables.  A UTF-8 file whose text is VNI or TCVN3 code points (pasted from a
    document in such a font) is converted the same way."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return best_reading(data.decode("utf-8-sig"), legacy_only=True)
    except UnicodeDecodeError:
        pass
    for enc in ("cp1258", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    latin = data.decode("cp1252", errors="ignore") if enc != "latin-1" else text
    if looks_tcvn3(data):
        from .legacy_fonts import from_tcvn3
        return best_reading(from_tcvn3(data.decode("latin-1")), latin)
    return best_reading(text, latin)


def best_reading(text: str, latin: str | None = None, legacy_only: bool = False) -> str:
    """``text``, or its VNI / TCVN3 conversion (of ``latin``, the Latin-1 reading of the
    same bytes) when that reads clearly better as Vietnamese."""
    from .legacy_fonts import from_tcvn3, from_vni
    from .syllables import may_be_legacy, vietnamese_score

    if legacy_only and not may_be_legacy(text):
        return text
    score, n = vietnamese_score(text)
    if n < 5 or score >= 0.9:
        return text
    src = text if latin is None else latin
    best, best_score = text, score
    for cand in (from_vni(src), from_tcvn3(src)):
        s, _ = vietnamese_score(cand)
        if s > best_score + 0.2:
            best, best_score = cand, s
    return best
