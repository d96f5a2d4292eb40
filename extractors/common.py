"""Helpers shared by the readers: opening files with human errors."""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.model import EMPTY, FAILED, ExtractError


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an ExtractError that says in plain words what went wrong."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ExtractError(FAILED, "Không tìm thấy tệp: tệp đã bị xóa hoặc di chuyển trong lúc xử lý.")
    except IsADirectoryError:
        raise ExtractError(FAILED, "Đường dẫn là một thư mục, không phải một tệp.")
    except PermissionError:
        raise ExtractError(FAILED, "Không có quyền đọc tệp.")
    except OSError as e:
        raise ExtractError(FAILED, f"Không đọc được tệp: {e.strerror or e}.")
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


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1258", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # pragma: no cover - latin-1 always decodes
