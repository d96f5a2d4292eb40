"""Hostile inputs, made at test time in a temporary folder (never committed): a .docx
whose XML inflates to hundreds of MB, a huge text file, a PDF with thousands of pages,
a text in the VNI encoding, symbolic-link loops, a folder nobody may read, a FIFO,
a name that is not UTF-8.  Used by tests/test_hostile.py (small sizes) and
scripts/hostile_inbox.py (the sizes of issue 10)."""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

_PARA = ("<w:p><w:r><w:t xml:space=\"preserve\">Năm 2022, Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể "
         "và 35 cá nhân có thành tích xuất sắc trong phong trào thi đua.</w:t></w:r></w:p>")
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


def big_xml_docx(path: Path, xml_mb: float) -> Path:
    """A valid .docx whose word/document.xml is ``xml_mb`` MB once inflated (a few hundred KB packed)."""
    para = _PARA.encode("utf-8")
    n = int(xml_mb * 1024 * 1024 / len(para)) + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                     b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            block = para * 2000
            for _ in range(n // 2000 + 1):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return path


def big_txt(path: Path, mb: float) -> Path:
    """A Vietnamese text file of ``mb`` MB (the sample report repeated)."""
    unit = ("Năm 2022, Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể và 35 cá nhân có thành tích "
            "xuất sắc trong phong trào thi đua; hộ nghèo giảm còn 3,7%.\n\n").encode("utf-8")
    target = int(mb * 1024 * 1024)
    block = unit * 4000
    with open(path, "wb") as fh:
        written = 0
        while written < target:
            fh.write(block)
            written += len(block)
    return path


def slow_txt(path: Path, kb: int = 400) -> Path:
    """Text whose lines all run on into one another (no sentence ever ends): slow for the rules."""
    line = "công tác thi đua khen thưởng được triển khai tới 12 tập thể và 35 cá nhân trong huyện\n"
    path.write_text("Mở đầu\n" + line * (kb * 1024 // len(line.encode("utf-8"))), encoding="utf-8")
    return path


def many_page_pdf(path: Path, pages: int) -> Path:
    """A valid PDF of ``pages`` pages (one line of text each), written by hand."""
    objs: list[bytes] = []
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    text = b"BT /F1 12 Tf 72 720 Td (Bao cao tong ket cong tac thi dua) Tj ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    for _ in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


# Typed on a VNI keyboard into a VNI-Windows font and saved as 8-bit text, as older
# southern offices did: "Báo cáo tổng kết ..." is stored as "Baùo caùo toång keát ...".
VNI_FIXTURE = Path(__file__).resolve().parent / "data" / "encodings" / "vni_bao_cao.txt"
VNI_READS = "Chủ tịch Ủy ban nhân dân huyện tặng Giấy khen cho 12 tập thể và 35 cá nhân"

README_EN = """# tdkt

tdkt reads the reports that districts send to a province and pulls out their figures.
Install it with pip, then run the nightly job on the sample corpus. See the docs folder
for the architecture, the checks and the rules; the tests use real files only.
"""


def vni_txt(path: Path) -> Path:
    shutil.copyfile(VNI_FIXTURE, path)
    return path


def symlink_loops(folder: Path) -> list[Path]:
    """A link to itself, a broken link, and a folder link back to its parent."""
    folder.mkdir(parents=True, exist_ok=True)
    me = folder / "vong_lap.docx"
    os.symlink(me.name, me)
    broken = folder / "lien_ket_hong.pdf"
    os.symlink("khong_ton_tai.pdf", broken)
    sub = folder / "thu_muc_con"
    sub.mkdir()
    up = sub / "len_tren"
    os.symlink("..", up)
    return [me, broken, up]


def unreadable_folder(folder: Path, report: Path) -> Path:
    """A folder with a report in it that nobody (but a process with CAP_DAC_*) may list."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(report, folder / report.name)
    os.chmod(folder, 0)
    return folder


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def odd_name(folder: Path, report: Path) -> Path:
    """A copy of a report under a name that is not valid UTF-8 (as a Windows share may produce)."""
    raw = os.fsencode(folder) + b"/b\xe1o_c\xe1o_cp1258.txt"
    shutil.copyfile(report, raw)
    return Path(os.fsdecode(raw))


# --- running as root without the power to read everything ------------------------------
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
PR_CAPBSET_DROP = 24


_WRAPPER = f"""
import ctypes, os, sys
if os.geteuid() == 0:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in ({CAP_DAC_OVERRIDE}, {CAP_DAC_READ_SEARCH}):
        if libc.prctl({PR_CAPBSET_DROP}, cap, 0, 0, 0) != 0:
            sys.exit("cannot drop capability %d" % cap)
os.execv(sys.argv[1], sys.argv[1:])
"""


def as_unprivileged(cmd: list[str]) -> list[str]:
    """``cmd`` run so that file permissions apply to it even when the tests run as root (CI
    does; a real office's inbox is read by an ordinary user): the capabilities that let root
    read any file are dropped from its bounding set before it starts."""
    import sys
    return [sys.executable, "-c", _WRAPPER, *cmd]
