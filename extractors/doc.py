"""Reader for Word 97-2003 documents (.doc).

The file is converted to .docx by LibreOffice (headless, its own throw-away
profile, into a temporary folder; the original is never touched) and read by
:mod:`extractors.docx`, so a .doc gives the same blocks as the same document
saved as .docx.  Without LibreOffice, ``antiword`` gives the plain text, read
by :func:`extractors.txt.parse_blocks` (no tables, footnotes or bold).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.document import DocumentBuilder
from pipeline.model import EMPTY, FAILED, TABLE, Document, ExtractError

from .common import read_bytes
from .docx import OLE_MAGIC, is_encrypted_ole, password_error, read_docx

TIMEOUT = 90  # seconds for one conversion


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def check_doc_bytes(data: bytes) -> None:
    """Raise when the bytes cannot be a readable Word 97 document."""
    if data.startswith(OLE_MAGIC):
        return
    if data.startswith(b"PK"):
        return  # a .docx named .doc: LibreOffice reads it all the same
    if data.lstrip()[:5].lower() in (b"{\\rtf", b"<html", b"<!doc", b"<?xml"):
        return  # RTF or HTML saved with a .doc name: LibreOffice reads those too
    raise ExtractError(FAILED, "Tệp .doc bị hỏng hoặc không phải tệp Word 97-2003.")


def convert_to_docx(path: str, outdir: str, suffix: str | None = None) -> Path:
    """Convert with LibreOffice into ``outdir``; raise ExtractError on failure."""
    exe = soffice_path()
    src = Path(path)
    # LibreOffice names its output after the input: copy to a plain name first, so
    # odd characters in the original name cannot matter and the original stays untouched.
    work = Path(outdir) / "in"
    work.mkdir()
    copy = work / ("input" + (suffix or src.suffix.lower() or ".doc"))
    shutil.copyfile(src, copy)
    profile = Path(outdir) / "profile"
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(copy)]
    env = dict(os.environ, HOME=str(outdir))
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExtractError(FAILED, f"LibreOffice không chuyển đổi xong tệp .doc trong {TIMEOUT} giây "
                                   "(tệp quá lớn hoặc bị hỏng).")
    out = Path(outdir) / "input.docx"
    if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise ExtractError(FAILED, "LibreOffice không mở được tệp .doc: tệp bị hỏng, được đặt mật khẩu "
                                   "hoặc không phải tài liệu Word.")
    return out


def _with_antiword(path: str) -> Document:
    from .txt import parse_blocks
    exe = shutil.which("antiword")
    try:
        proc = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", path], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExtractError(FAILED, f"antiword không đọc xong tệp .doc trong {TIMEOUT} giây.")
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "encrypt" in err.lower() or "password" in err.lower():
            raise password_error(".doc")
        raise ExtractError(FAILED, "antiword không đọc được tệp .doc: tệp bị hỏng hoặc không phải tài liệu "
                                   "Word 97-2003.")
    b = DocumentBuilder(path, "doc")
    for tb in parse_blocks(proc.stdout.decode("utf-8", "replace")):
        if tb.kind == TABLE:
            b.add_table(tb.rows)
        else:
            b.add(tb.kind, tb.text, level=tb.level, bold=tb.bold)
    if b.empty:
        raise ExtractError(EMPTY, "Tệp .doc không có nội dung văn bản.")
    b.warnings.append("Đọc bằng antiword (không có LibreOffice): không có bảng, chú thích và định dạng.")
    return b.build()


def batchable(path: str) -> bool:
    """A Word 97 file LibreOffice can convert in a batch (see :mod:`extractors.doc_batch`);
    anything else is left to :func:`extract`, which says what is wrong with it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if not head.startswith(OLE_MAGIC):
            return False
        return not is_encrypted_ole(Path(path).read_bytes())
    except OSError:
        return False


def extract(path: str, suffix: str | None = None, converted: str | Path | None = None) -> Document:
    """Read a .doc; ``converted`` is its .docx when a batch conversion made it already."""
    data = read_bytes(path)
    check_doc_bytes(data)
    if is_encrypted_ole(data):
        raise password_error(".doc")
    if converted is not None and Path(converted).is_file():
        try:
            return read_docx(str(converted), fmt="doc", shown_path=path, ext=".doc")
        except ExtractError:
            pass                      # read it again the usual way, for the usual message
    if soffice_path():
        with tempfile.TemporaryDirectory(prefix="tdkt-doc-") as tmp:
            converted = convert_to_docx(path, tmp, suffix)
            return read_docx(str(converted), fmt="doc", shown_path=path, ext=".doc")
    if shutil.which("antiword"):
        return _with_antiword(path)
    raise ExtractError(FAILED, "Không đọc được tệp .doc: máy chưa cài LibreOffice hoặc antiword. Hãy cài "
                               "LibreOffice (gói libreoffice-writer-nogui) hoặc antiword rồi nạp lại.")
