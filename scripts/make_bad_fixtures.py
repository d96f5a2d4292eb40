#!/usr/bin/env python3
"""Build the files the bad-input tests read (run once; the outputs are committed).

``tests/data/bad/`` (one good file among them):

| file | what it is | expected status |
| --- | --- | --- |
| ``rong.docx`` | an empty file | empty |
| ``khong_phai_zip.docx`` | text saved with a .docx name | failed |
| ``zip_khong_phai_word.docx`` | a ZIP archive without ``word/document.xml`` | failed |
| ``dat_mat_khau.docx`` | a .docx with a password (an OLE ``EncryptedPackage``) | failed |
| ``bi_cat_cut.pdf`` | the first half of a real PDF | failed |
| ``dat_mat_khau.pdf`` | a PDF that needs a password to open | failed |
| ``ban_quet.pdf`` | one scanned page, no text layer | needs_ocr |
| ``ghi_chu.xyz`` | an unknown extension | unsupported |
| ``Báo cáo tổng kết năm 2022 (bản cuối).docx`` | a valid report, Vietnamese name with spaces | ok |

``tests/data/pdf/``: ``mot_trang_quet.pdf``, two text pages and one scanned page
(ok, with a warning); ``chi_han_che_quyen.pdf``, restricted by an owner password
only (ok); ``002_khong_gian_dong.pdf`` and ``003_co_14_gian_1_5.pdf``,
seeds 002 and 003 printed with other layouts (no space between paragraphs and
table rows broken across pages; 14 pt with 1.5 line spacing); ``hai_cot.pdf``,
printed from ``tests/data/docx/hai_cot.docx``, a short report with the usual
borderless two-column header and signature tables; ``001_tieu_de_trang.pdf``,
printed from ``tests/data/docx/001_tieu_de_trang.docx``, seed 001 with a running
header and ``Trang N`` page footers; ``danh_sach_tu_dong.pdf``, printed from
``tests/data/docx/danh_sach_tu_dong.docx``, Word's automatic numbered and bulleted
lists (hanging indents); ``chu_thich_dai.pdf``, printed from
``tests/data/docx/chu_thich_dai.docx``, a footnote continued on the next page.

Needs the corpus (``scripts/build_corpus.py``), ``qpdf`` (apt) and, for the
password-protected .docx, ``msoffcrypto-tool`` in any Python given with
``--crypto-python`` (a throw-away venv; it is not a project dependency).
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_corpus import Layout, build_docx, soffice_convert  # noqa: E402

BAD = ROOT / "tests" / "data" / "bad"
PDF_DIR = ROOT / "tests" / "data" / "pdf"
DOCX_DIR = ROOT / "tests" / "data" / "docx"
CORPUS = ROOT / "corpus"
GOOD_NAME = "Báo cáo tổng kết năm 2022 (bản cuối).docx"
SOURCE_PDF = CORPUS / "003_30d1184c9269a7e2.pdf"

GOOD_TEXT = """Số: 15/BC-UBND

Hà Giang, ngày 20 tháng 12 năm 2022

BÁO CÁO

Tổng kết công tác thi đua, khen thưởng năm 2022

I. KẾT QUẢ THỰC HIỆN

Năm 2022, Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể và 35 cá nhân có thành tích xuất sắc¹.

| TT | Hình thức | Tập thể | Cá nhân |
|----|----|----|----|
| 1 | Giấy khen của Chủ tịch UBND xã | 12 | 35 |
| 2 | Lao động tiên tiến |  | 120 |

¹ Trong đó 20 cá nhân là người lao động trực tiếp.

CHỦ TỊCH

Nguyễn Văn An
"""


def scanned_page_pdf(src: Path, page_index: int, out: Path) -> None:
    """A PDF whose only page is a picture of ``src``'s page (what a scanner makes)."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(src))
    image = pdf[page_index].render(scale=100 / 72).to_pil().convert("L")
    image.save(str(out), "PDF", resolution=100.0)
    pdf.close()


def encrypted_docx(src: Path, out: Path, crypto_python: str) -> bool:
    code = ("import msoffcrypto.format.ooxml as o,sys\n"
            "f=o.OOXMLFile(open(sys.argv[1],'rb'))\n"
            "f.encrypt('tdkt', open(sys.argv[2],'wb'))\n")
    try:
        subprocess.run([crypto_python, "-c", code, str(src), str(out)], check=True)
        return True
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"skipped {out.name}: {e}", file=sys.stderr)
        return False


def layout_pdfs() -> None:
    """Seeds printed with other layouts, for the paragraph and table tests of the PDF
    reader, and a report with a borderless two-column header and signature block."""
    seeds = CORPUS   # the corpus holds copies of the seeds
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    DOCX_DIR.mkdir(parents=True, exist_ok=True)
    two_column_docx(DOCX_DIR / "hai_cot.docx")
    print("wrote", soffice_convert(DOCX_DIR / "hai_cot.docx", "pdf", PDF_DIR))
    auto_list_docx(DOCX_DIR / "danh_sach_tu_dong.docx")
    print("wrote", soffice_convert(DOCX_DIR / "danh_sach_tu_dong.docx", "pdf", PDF_DIR))
    build_docx(long_footnote_text(), DOCX_DIR / "chu_thich_dai.docx")
    print("wrote", soffice_convert(DOCX_DIR / "chu_thich_dai.docx", "pdf", PDF_DIR))
    for stem, name, layout in (("002_0e22d76ab771f56c", "002_khong_gian_dong", Layout(13, 0, 1.0)),
                               ("003_30d1184c9269a7e2", "003_co_14_gian_1_5", Layout(14, 0, 1.5))):
        with tempfile.TemporaryDirectory() as tmp:
            docx_path = Path(tmp) / f"{name}.docx"
            build_docx((seeds / f"{stem}.txt").read_text(encoding="utf-8"), docx_path, layout=layout)
            print("wrote", soffice_convert(docx_path, "pdf", PDF_DIR))
    # a running header and "Trang N" footers: read as header/footer blocks from the .docx,
    # dropped from the PDF
    docx_path = DOCX_DIR / "001_tieu_de_trang.docx"
    build_docx((seeds / "001_03026f8b928707b4.txt").read_text(encoding="utf-8"), docx_path,
               layout=Layout(running_header=RUNNING_HEADER))
    print("wrote", docx_path)
    print("wrote", soffice_convert(docx_path, "pdf", PDF_DIR))


RUNNING_HEADER = "Báo cáo kết quả công tác thi đua, khen thưởng năm 2022 - UBND huyện Trùng Khánh"
HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG", "", "Số: 123/BC-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Hà Quảng, ngày 10 tháng 6 năm 2020"]
SIGN_LEFT = ["Nơi nhận:", "- Ban Thi đua - Khen thưởng tỉnh;", "- Thường trực Huyện ủy;", "- Lưu: VT, NV."]
SIGN_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Vương Văn Võ"]
BODY = [
    "BÁO CÁO",
    "Kết quả công tác thi đua, khen thưởng năm 2020",
    "Năm 2020, Chủ tịch UBND huyện tặng Giấy khen cho 154 tập thể và 372 cá nhân có thành tích xuất sắc "
    "trong các phong trào thi đua; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 21 tập thể và 25 cá nhân.",
    "Toàn huyện có 5.858 hộ nghèo, tỷ lệ 33,59%; hộ cận nghèo 2.596 hộ, tỷ lệ 14,88%.",
]


def two_column_docx(out: Path) -> None:
    """A report with the usual borderless two-column header and signature tables."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)

    def side_by_side(left: list[str], right: list[str], widths=(6.0, 10.0), bold_rows=2):
        t = d.add_table(rows=1, cols=2)
        t.autofit = False
        for cell, lines, w in zip(t.rows[0].cells, (left, right), widths):
            cell.width = Cm(w)
            cell.paragraphs[0].text = ""
            for k, line in enumerate(lines):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(line)
                r.bold = k < bold_rows
                r.font.size = Pt(12)
                p.paragraph_format.space_after = Pt(0)

    side_by_side(HEADER_LEFT, HEADER_RIGHT)
    for k, text in enumerate(BODY):
        p = d.add_paragraph()
        r = p.add_run(text)
        if k < 2:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r.bold = k == 0
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
    side_by_side(SIGN_LEFT, SIGN_RIGHT, widths=(8.0, 8.0), bold_rows=1)
    d.save(str(out))


LIST_INTRO = ("Nhiệm vụ chủ yếu năm 2023 gồm các nội dung sau đây, được triển khai đồng bộ trong toàn huyện "
              "và các xã, thị trấn trên địa bàn.")
LIST_NUMBERED = [
    "Tiếp tục quán triệt sâu sắc và thực hiện nghiêm túc việc tổ chức các phong trào thi đua yêu nước gắn với "
    "việc thực hiện các nhiệm vụ chính trị của địa phương, đơn vị.",
    "Tăng cường sự lãnh đạo của các cấp uỷ Đảng, quản lý của nhà nước, phối hợp của MTTQ và các đoàn thể đối "
    "với công tác thi đua, khen thưởng.",
    "Nâng cao chất lượng tuyên truyền.",
]
LIST_BULLETS = [
    "Phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến trong các phong trào thi đua yêu nước trên mọi "
    "lĩnh vực của đời sống xã hội.",
    "Kiểm tra, giám sát.",
]
LIST_END = "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2022 của Ủy ban nhân dân xã."


def long_footnote_text() -> str:
    """A report whose first footnote is too long for its page (LibreOffice continues it
    on the next page, below a separator rule) and a second note after it."""
    para = ("Phong trào thi đua yêu nước được triển khai sâu rộng đến các cơ quan, đơn vị, địa phương, thu hút "
            "đông đảo cán bộ, đảng viên và nhân dân tham gia, góp phần hoàn thành thắng lợi các nhiệm vụ chính "
            "trị của huyện.")
    note = " ".join(f"Đợt {i}: khen thưởng theo công trạng cho 45 tập thể và 120 cá nhân, khen thưởng chuyên "
                    "đề cho 30 tập thể và 80 cá nhân." for i in range(1, 40))
    lines = ["BÁO CÁO", "Kết quả công tác thi đua năm 2022", ""]
    for k in range(16):
        extra = " Kết quả khen thưởng¹ được tổng hợp như sau." if k == 3 else ""
        extra += " Số liệu khác² kèm theo." if k == 12 else ""
        lines += [para + extra, ""]
    lines += ["¹ " + note, "² Ghi chú ngắn thứ hai."]
    return "\n".join(lines)


def auto_list_docx(out: Path) -> None:
    """Word's automatic numbering and bullets (hanging indents, a Symbol-font bullet)."""
    from docx import Document
    d = Document()
    d.add_paragraph(LIST_INTRO)
    for t in LIST_NUMBERED:
        d.add_paragraph(t, style="List Number")
    for t in LIST_BULLETS:
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph(LIST_END)
    d.save(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--crypto-python", default="/tmp/fixvenv/bin/python",
                    help="a Python with msoffcrypto-tool installed")
    ap.add_argument("--layouts-only", action="store_true", help="only the PDFs printed with other layouts")
    a = ap.parse_args(argv)
    if a.layouts_only:
        layout_pdfs()
        return 0
    if not shutil.which("qpdf"):
        raise SystemExit("qpdf is needed: apt-get install qpdf")
    BAD.mkdir(parents=True, exist_ok=True)
    PDF_DIR.mkdir(parents=True, exist_ok=True)

    (BAD / "rong.docx").write_bytes(b"")
    (BAD / "khong_phai_zip.docx").write_text("Đây là một tệp văn bản thường bị đặt nhầm đuôi .docx.\n",
                                             encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bao_cao.txt", "Báo cáo nén trong tệp ZIP, không phải tài liệu Word.")
        z.writestr("hinh/anh.txt", "không có word/document.xml")
    (BAD / "zip_khong_phai_word.docx").write_bytes(buf.getvalue())

    good = BAD / GOOD_NAME
    build_docx(GOOD_TEXT, good)
    encrypted_docx(good, BAD / "dat_mat_khau.docx", a.crypto_python)

    data = SOURCE_PDF.read_bytes()
    (BAD / "bi_cat_cut.pdf").write_bytes(data[: len(data) // 2])
    subprocess.run(["qpdf", "--encrypt", "mo-khoa", "chu-so-huu", "256", "--", str(SOURCE_PDF),
                    str(BAD / "dat_mat_khau.pdf")], check=True)
    scanned_page_pdf(SOURCE_PDF, 0, BAD / "ban_quet.pdf")
    # only an owner password (no printing/copying): opens without a password and is read
    subprocess.run(["qpdf", "--encrypt", "", "chu-so-huu", "256", "--print=none", "--modify=none", "--extract=n",
                    "--", str(SOURCE_PDF), str(PDF_DIR / "chi_han_che_quyen.pdf")], check=True)
    (BAD / "ghi_chu.xyz").write_text("Ghi chú nội bộ, định dạng không đọc được.\n", encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "scan.pdf"
        scanned_page_pdf(SOURCE_PDF, 2, scan)
        subprocess.run(["qpdf", "--empty", "--pages", str(SOURCE_PDF), "1-2", str(scan), "1", "--",
                        str(PDF_DIR / "mot_trang_quet.pdf")], check=True)
    layout_pdfs()
    for p in sorted(BAD.iterdir()) + sorted(PDF_DIR.iterdir()):
        print(f"{p.stat().st_size:>8}  {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
