"""The PDF reader on the corpus PDFs (printed by LibreOffice from the .docx) and on bad files."""
from __future__ import annotations

import re

import pytest

from extractors import extract
from extractors.pdf_lines import join_lines
from pipeline.model import EMPTY, FAILED, FOOTNOTE, NEEDS_OCR, TABLE, ExtractError
from test_reader_support import BAD, PDF_DATA, corpus, sha256


@pytest.fixture(scope="module")
def pdf002():
    return extract(str(corpus("002", "pdf")))


def test_every_block_has_a_page(pdf002):
    assert pdf002.pages == 17
    assert all(b.page is not None and 1 <= b.page <= 17 for b in pdf002.blocks)
    pages = [b.page for b in pdf002.blocks if b.kind != FOOTNOTE]
    assert pages == sorted(pages)        # reading order follows the pages
    assert pdf002.blocks[0].page == 1 and max(pages) == 16   # the last table starts on 16, ends on 17


def test_indicator_table_keeps_rows_across_pages(pdf002):
    t = pdf002.tables[0]
    rows = [r.texts for r in t.rows]
    assert ["4", "Tổng sản lượng lương thực có hạt", "tấn", "17.68", "17.889", "102"] in rows
    assert ["12", "Tập huấn, đào tạo nghề mỗi năm trên", "người", "800", "1.95", "244"] in rows
    assert len(rows) == 46                # one table although it runs over three pages
    assert rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả"]
    assert t.rows[0].cells[-1].colspan == 2
    assert rows[1] == ["", "", "", "", "Ước thực hiện đến hết năm 2020", "% so với mục tiêu"]
    assert t.page == 14
    # a table's text never leaks into the running text
    assert sum(b.text.count("17.889") for b in pdf002.blocks if b.kind != TABLE) == 0


def test_footnotes_leave_the_page_and_keep_their_marks(pdf002):
    notes = [b for b in pdf002.blocks if b.kind == FOOTNOTE]
    assert [n.text for n in notes] == [
        "¹ Cấp huyện tổ chức ra quân trên 30 hoạt động thu hút hơn 5.000 ĐVTN tham gia",
        "² Đoàn Khối các cơ quan Trung ương hỗ trợ 40 triệu đồng, Tỉnh Đoàn Cao Bằng hỗ trợ 40 triệu đồng; "
        "Mặt trận Tổ quốc tỉnh, huyện 80 triệu đồng",
        "³ Xã Trường Hà, Sóc Hà, Đào Ngạn và Phù Ngọc (Ngọc Đào)",
    ]
    assert [n.page for n in notes] == [6, 6, 8]
    assert pdf002.blocks[-1].kind == FOOTNOTE
    assert "nông thôn mới¹; Đoàn cơ sở" in pdf002.text
    assert "đạt chuẩn nông thôn mới³. Nhìn chung" in pdf002.text


def test_page_numbers_are_dropped(pdf002):
    assert not [b for b in pdf002.blocks if re.fullmatch(r"\d{1,3}", b.text)]


def test_paragraph_across_a_page_break_is_one_block(pdf002):
    ref = extract(str(corpus("002", "txt")))
    para = next(b for b in ref.blocks if b.text.startswith("Hội Cựu chiến binh tích cực"))
    got = next(b for b in pdf002.blocks if b.text.startswith("Hội Cựu chiến binh tích cực"))
    assert got.text == para.text


def test_headings_are_classified(pdf002):
    heads = {(b.text, b.level) for b in pdf002.blocks if b.kind == "heading"}
    assert ("Phần thứ nhất", 1) in heads
    assert ("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", 2) in heads


@pytest.mark.parametrize("a,b,joined", [
    ("giai đoạn 2015-", "2020 của huyện", "giai đoạn 2015-2020 của huyện"),
    ("phát triển kinh tế -", "xã hội", "phát triển kinh tế - xã hội"),
    ("kinh tế-", "xã hội", "kinh tế-xã hội"),
    ("the Microsoft docu-", "ment format", "the Microsoft document format"),
    ("50 lít/người/", "ngày", "50 lít/người/ngày"),
    ("thi đua", "khen thưởng", "thi đua khen thưởng"),
])
def test_join_wrapped_lines(a, b, joined):
    assert join_lines(a, b) == joined


needs_ocr = pytest.mark.skipif(__import__("extractors.ocr", fromlist=["engine"]).engine() is None,
                               reason="Tesseract with Vietnamese data is not installed (CI installs tesseract-ocr-vie)")


# --- statuses -------------------------------------------------------------------------------
def _status(path):
    with pytest.raises(ExtractError) as e:
        extract(str(path))
    return e.value.status, e.value.message


def test_password_protected_pdf():
    status, msg = _status(BAD / "dat_mat_khau.pdf")
    assert status == FAILED and msg.startswith("PDF được đặt mật khẩu")


def test_truncated_pdf():
    status, msg = _status(BAD / "bi_cat_cut.pdf")
    assert status == FAILED and "cắt cụt" in msg


def test_corrupt_pdf_with_an_end_marker(tmp_path):
    p = tmp_path / "hong.pdf"
    p.write_bytes(b"%PDF-1.7\n" + b"\x00garbage " * 500 + b"\n%%EOF\n")
    status, msg = _status(p)
    assert status in (FAILED, EMPTY) and msg


def test_not_a_pdf(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_text("<html>không phải PDF</html>", encoding="utf-8")
    assert _status(p)[0] == FAILED


def test_scanned_pdf_needs_ocr_without_tesseract(monkeypatch):
    monkeypatch.setenv("TDKT_TESSERACT", "")
    status, msg = _status(BAD / "ban_quet.pdf")
    assert status == NEEDS_OCR and msg.startswith("PDF là bản quét, không có lớp chữ: cần OCR")
    assert "tesseract-ocr-vie" in msg and "chưa cài Tesseract" in msg


def test_partly_scanned_pdf_without_tesseract_keeps_the_text_pages(monkeypatch):
    monkeypatch.setenv("TDKT_TESSERACT", "/nonexistent/tesseract")
    doc = extract(str(PDF_DATA / "mot_trang_quet.pdf"))
    assert doc.pages == 3
    assert {b.page for b in doc.blocks} <= {1, 2}
    assert any("Trang 3" in w and "OCR" in w and "tesseract-ocr" in w for w in doc.warnings)
    assert "HƯỚNG DẪN" in doc.text


@needs_ocr
def test_partly_scanned_pdf_reads_the_scanned_page_by_ocr():
    doc = extract(str(PDF_DATA / "mot_trang_quet.pdf"))
    assert {b.page for b in doc.blocks} == {1, 2, 3}
    assert all(b.ocr is None for b in doc.blocks if b.page in (1, 2))
    scanned = [b for b in doc.blocks if b.page == 3]
    assert scanned and all(b.ocr is not None and 50 < b.ocr <= 100 for b in scanned)
    assert any(re.match(r"Trang 3 là ảnh quét, đã đọc bằng OCR .* trung bình \d+%", w) for w in doc.warnings)


def test_reading_never_changes_the_file():
    p = corpus("004", "pdf")
    before = sha256(p), p.stat().st_mtime_ns
    extract(str(p))
    assert (sha256(p), p.stat().st_mtime_ns) == before


# --- the same reports printed with other layouts ---------------------------------------------
@pytest.mark.parametrize("name,stem", [("002_khong_gian_dong.pdf", "002"), ("003_co_14_gian_1_5.pdf", "003")])
def test_other_layouts_read_the_same(name, stem):
    """No space between paragraphs (only indents and line ends tell them apart), table
    rows broken across pages; 14 pt with 1.5 line spacing."""
    from test_reader_support import body_text, cell_texts, footnotes, show_diff, similarity
    doc = extract(str(PDF_DATA / name))
    ref = extract(str(corpus(stem, "txt")))
    a, b = body_text(ref), body_text(doc)
    assert similarity(a, b) >= 0.999, show_diff(a, b)
    assert cell_texts(doc) == cell_texts(ref)
    assert footnotes(doc) == footnotes(ref)
    # paragraphs are found again: nearly every block of the text file is a block here
    ref_blocks = [x.text for x in ref.blocks if x.kind not in (TABLE, FOOTNOTE)]
    got = {x.text for x in doc.blocks}
    missing = [t for t in ref_blocks if t not in got]
    assert len(missing) <= max(2, len(ref_blocks) // 30), missing


def test_table_row_broken_across_pages_is_one_row():
    doc = extract(str(PDF_DATA / "002_khong_gian_dong.pdf"))
    rows = [r.texts for t in doc.tables for r in t.rows]
    assert ["", "Các cấp đều có trường đạt chuẩn quốc gia", "", "4 bậc", "04 bậc", "Đạt"] in rows
    assert not any(r[:2] == ["", "quốc gia"] for r in rows)


def test_borderless_two_column_header_and_signature_are_read_column_by_column():
    doc = extract(str(PDF_DATA / "hai_cot.pdf"))
    texts = [b.text for b in doc.blocks]
    assert texts[:2] == ["ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG", "Số: 123/BC-UBND"]
    assert "Hà Quảng, ngày 10 tháng 6 năm 2020" in texts
    assert texts.index("Số: 123/BC-UBND") < texts.index("Hà Quảng, ngày 10 tháng 6 năm 2020")
    for t in texts:       # no line mixes the two columns
        assert not ("ỦY BAN" in t and "CỘNG HÒA" in t) and not ("Nơi nhận" in t and "TM." in t)
    assert texts[-4:] == ["- Lưu: VT, NV.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vương Văn Võ"]
    assert any(t.startswith("Năm 2020, Chủ tịch UBND huyện tặng Giấy khen cho 154 tập thể") for t in texts)



def test_running_header_and_page_footer_are_dropped():
    from test_reader_support import body_text, similarity
    header = "Báo cáo kết quả công tác thi đua, khen thưởng năm 2022 - UBND huyện Trùng Khánh"
    doc = extract(str(PDF_DATA / "001_tieu_de_trang.pdf"))
    assert doc.pages > 5
    assert header not in doc.text
    assert not any(re.fullmatch(r"Trang \d+", b.text) for b in doc.blocks)
    assert similarity(body_text(doc), body_text(extract(str(corpus("001", "txt"))))) == 1.0


def test_owner_password_only_pdf_is_read():
    doc = extract(str(PDF_DATA / "chi_han_che_quyen.pdf"))
    assert doc.text == extract(str(corpus("003", "pdf"))).text


def test_word_automatic_lists_read_the_same_from_docx_and_pdf():
    """Numbers and bullets come from numbering.xml in the .docx and are drawn in the
    PDF, where wrapped lines start under the text (a hanging indent)."""
    from test_reader_support import ROOT
    docx_doc = extract(str(ROOT / "tests" / "data" / "docx" / "danh_sach_tu_dong.docx"))
    pdf_doc = extract(str(PDF_DATA / "danh_sach_tu_dong.pdf"))
    texts = [b.text for b in pdf_doc.blocks]
    assert texts == [b.text for b in docx_doc.blocks]
    assert len(texts) == 7
    assert texts[1].startswith("1. Tiếp tục quán triệt") and texts[1].endswith("địa phương, đơn vị.")
    assert texts[4].startswith("- Phát hiện, bồi dưỡng") and texts[4].endswith("đời sống xã hội.")


def test_footnote_continued_on_the_next_page():
    from test_reader_support import ROOT, body_text, footnotes
    pdf_doc = extract(str(PDF_DATA / "chu_thich_dai.pdf"))
    docx_doc = extract(str(ROOT / "tests" / "data" / "docx" / "chu_thich_dai.docx"))
    notes = [b for b in pdf_doc.blocks if b.kind == FOOTNOTE]
    assert [n.page for n in notes] == [2, 3]
    assert notes[0].text.startswith("¹ Đợt 1:") and notes[0].text.endswith("Đợt 39: khen thưởng theo công trạng "
                                                                        "cho 45 tập thể và 120 cá nhân, khen "
                                                                        "thưởng chuyên đề cho 30 tập thể và 80 cá nhân.")
    assert footnotes(pdf_doc) == footnotes(docx_doc)
    assert body_text(pdf_doc) == body_text(docx_doc)


def test_a_list_item_wrapped_after_its_colon_keeps_its_counts():
    """LibreOffice wrapped '- Tổng kết ... vì người nghèo":' before '03 tập thể, 05 cá nhân;' at the
    left margin: the count goes on the item, it is not a new numbered point."""
    doc = extract(str(PDF_DATA / "dem_xuong_dong_sau_hai_cham.pdf"))
    items = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "list_item"]
    assert '- Tổng kết 10 năm thực hiện phong trào "Đồng Nai chung sức vì người nghèo": 03 tập thể, 05 cá nhân;' \
        in items
    assert not any(doc.text[b.start:b.end].startswith("03 tập thể") for b in doc.blocks)
