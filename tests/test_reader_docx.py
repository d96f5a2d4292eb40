"""The .docx reader on the corpus files and on small documents built here."""
from __future__ import annotations

import io
import zipfile

import docx as python_docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from extractors import docx as docx_reader
from extractors import extract, txt
from pipeline.normalize import normalize_text
from pipeline.model import EMPTY, FAILED, FOOTER, FOOTNOTE, HEADER, HEADING, TABLE, ExtractError
from test_reader_support import ROOT, corpus, sha256


@pytest.fixture(scope="module")
def doc002():
    return extract(str(corpus("002", "docx")))


def test_indicator_table_rows_and_merged_header_read_once(doc002):
    t = doc002.tables[0]
    head, sub = t.rows[0], t.rows[1]
    assert head.texts == ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả"]
    ket_qua = head.cells[-1]
    assert (ket_qua.col, ket_qua.colspan) == (4, 2)
    assert doc002.text.count("Kết quả | ") == 0   # not repeated for the second grid column
    # vertically merged cells: text in the first row, empty below
    assert sub.texts == ["", "", "", "", "Ước thực hiện đến hết năm 2020", "% so với mục tiêu"]
    rows = [r.texts for r in t.rows]
    assert ["4", "Tổng sản lượng lương thực có hạt", "tấn", "17.68", "17.889", "102"] in rows
    assert ["22", "Kết nạp đảng viên mỗi năm", "đảng viên", "150", "1.020/750", "136"] in rows
    assert len(t.rows) == 46
    for c in head.cells + sub.cells:
        assert doc002.text[c.start:c.end] == c.text


def test_python_docx_repeats_merged_cells_but_the_reader_does_not(doc002):
    # the trap the reader avoids: python-docx's row.cells repeats a merged cell
    d = python_docx.Document(str(corpus("002", "docx")))
    first = [c.text for c in d.tables[0].rows[0].cells]
    assert first.count("Kết quả") == 2
    assert [c.text for c in doc002.tables[0].rows[0].cells].count("Kết quả") == 1


def test_section_row_spans_the_remaining_columns(doc002):
    t = doc002.tables[1]
    row = next(r for r in t.rows if r.texts[:1] == ["9"])
    assert row.texts == ["9", "Chỉ tiêu văn hóa:"]
    assert row.cells[1].colspan == 5


def test_footnotes_are_blocks_after_the_body_with_marks(doc002):
    notes = [b for b in doc002.blocks if b.kind == FOOTNOTE]
    assert [n.text[:2] for n in notes] == ["¹ ", "² ", "³ "]
    assert notes[0].text == "¹ Cấp huyện tổ chức ra quân trên 30 hoạt động thu hút hơn 5.000 ĐVTN tham gia"
    assert notes[2].text == "³ Xã Trường Hà, Sóc Hà, Đào Ngạn và Phù Ngọc (Ngọc Đào)"
    first_note = doc002.blocks.index(notes[0])
    assert all(b.kind == FOOTNOTE for b in doc002.blocks[first_note:])
    assert "nông thôn mới¹; Đoàn cơ sở" in doc002.text
    assert "huy động ủng hộ được trên 200 triệu đồng²," in doc002.text
    assert "810,96 km², dân số" in doc002.text        # a unit exponent, not a reference


def test_page_number_header_is_skipped(doc002):
    assert not [b for b in doc002.blocks if b.kind in (HEADER, FOOTER)]


def test_word_heading_styles_give_the_heading_levels():
    path = corpus("004", "docx")
    d = python_docx.Document(str(path))
    assert any(p.style.name.startswith("Heading") for p in d.paragraphs)   # this file uses styles
    doc = extract(str(path))
    ref = extract(str(corpus("004", "txt")))
    assert [(b.kind, b.level) for b in doc.blocks] == [(b.kind, b.level) for b in ref.blocks]
    assert any(b.kind == HEADING and b.text == "Phần I" and b.level == 1 for b in doc.blocks)


def test_bold_lines_and_line_breaks():
    doc = extract(str(corpus("000", "docx")))
    sig = next(b for b in doc.blocks if b.text.startswith("TM. CỤM THI ĐUA SỐ 2"))
    assert sig.text == "TM. CỤM THI ĐUA SỐ 2\nCỤM TRƯỞNG"     # w:br kept as a newline
    assert sig.bold and sig.kind == HEADING


# --- small documents built here -------------------------------------------------------
def _save(d, tmp_path, name="t.docx"):
    p = tmp_path / name
    d.save(str(p))
    return p


def test_document_order_nested_table_header_footer_and_fields(tmp_path):
    d = python_docx.Document()
    d.add_paragraph("Đoạn mở đầu.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Đơn vị"
    t.cell(0, 1).text = "Số lượng"
    t.cell(1, 0).text = "Xã Hà Vinh"
    inner = t.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Tập thể"
    inner.cell(0, 1).text = "12"
    d.add_paragraph("Đoạn sau bảng.")
    p = d.add_paragraph("Hai dòng")
    p.add_run().add_break()
    p.add_run("trong một đoạn")
    # a field: the code is hidden, the result shown
    p2 = d.add_paragraph("Ngày ")
    p2._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p2._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'))
    p2._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p2._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>20/12/2022</w:t></w:r>'))
    p2._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    # a tracked deletion is not text any more
    p3 = d.add_paragraph("Còn ")
    p3._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>đã xóa </w:delText>'
                           f'</w:r></w:del>'))
    p3.add_run("lại")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "UBND HUYỆN HÀ TRUNG"
    fp = sec.footer.paragraphs[0]
    fp._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    doc = extract(str(_save(d, tmp_path)))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("paragraph", "Đoạn mở đầu.")
    assert kinds[1][0] == TABLE and doc.blocks[1].rows[1].texts == ["Xã Hà Vinh"]
    assert kinds[2] == (TABLE, "Tập thể | 12")              # the nested table, right after its table
    assert kinds[3] == ("paragraph", "Đoạn sau bảng.")
    assert ("paragraph", "Hai dòng\ntrong một đoạn") in kinds
    assert ("paragraph", "Ngày 20/12/2022") in kinds
    assert ("paragraph", "Còn lại") in kinds
    assert kinds[-1] == (HEADER, "UBND HUYỆN HÀ TRUNG")       # the page-number footer is skipped
    assert not any(b.kind == FOOTER for b in doc.blocks)


def test_automatic_list_numbers_are_part_of_the_text(tmp_path):
    d = python_docx.Document()
    for text in ("Tổ chức phát động phong trào thi đua.", "Hướng dẫn đăng ký thi đua."):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("Một ý gạch đầu dòng.", style="List Bullet")
    doc = extract(str(_save(d, tmp_path)))
    texts = [b.text for b in doc.blocks]
    assert texts[0].startswith("1. Tổ chức") and texts[1].startswith("2. Hướng dẫn")
    assert texts[2].startswith("- ") or texts[2].startswith("• ")


def test_text_box_content_is_read(tmp_path):
    d = python_docx.Document()
    p = d.add_paragraph("Neo khung: ")
    box = (f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
           '<w:txbxContent><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:txbxContent>'
           '</v:textbox></v:shape></w:pict></w:r>')
    p._p.append(parse_xml(box))
    doc = extract(str(_save(d, tmp_path)))
    assert [b.text for b in doc.blocks] == ["Neo khung:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


# --- errors -------------------------------------------------------------------------------
def _status(path) -> tuple[str, str]:
    with pytest.raises(ExtractError) as e:
        extract(str(path))
    return e.value.status, e.value.message


def test_not_a_zip(tmp_path):
    p = tmp_path / "x.docx"
    p.write_bytes(b"Hello, this is text\n")
    assert _status(p) == (FAILED, docx_reader.BROKEN_ZIP)


def test_truncated_zip(tmp_path):
    data = corpus("003", "docx").read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 3])
    status, msg = _status(p)
    assert status == FAILED and "bị hỏng" in msg


def test_zip_without_document_xml(tmp_path):
    p = tmp_path / "z.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "x")
    status, msg = _status(p)
    assert status == FAILED and "word/document.xml" in msg


def test_broken_xml(tmp_path):
    src = zipfile.ZipFile(corpus("003", "docx"))
    p = tmp_path / "bad_xml.docx"
    with zipfile.ZipFile(p, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info.filename, data[:500] if info.filename == "word/document.xml" else data)
    status, msg = _status(p)
    assert status == FAILED and "XML" in msg


def test_password_protected_docx():
    status, msg = _status(docx_reader_bad("dat_mat_khau.docx"))
    assert status == FAILED and "mật khẩu" in msg


def test_empty_docx_file_and_document_without_text(tmp_path):
    p = tmp_path / "e.docx"
    p.write_bytes(b"")
    assert _status(p)[0] == EMPTY
    d = python_docx.Document()
    d.add_paragraph("   ")
    assert _status(_save(d, tmp_path, "blank.docx"))[0] == EMPTY


def test_word97_file_with_docx_name_is_read_as_doc(tmp_path):
    pytest.importorskip("shutil")
    from extractors.doc import soffice_path
    if not soffice_path():
        pytest.skip("LibreOffice is not installed")
    p = tmp_path / "renamed.docx"
    p.write_bytes(corpus("003", "doc").read_bytes())
    doc = extract(str(p))
    assert doc.format == "doc" and doc.warnings
    assert doc.text == extract(str(corpus("003", "txt"))).text


def test_reading_never_changes_the_file():
    p = corpus("002", "docx")
    before = sha256(p), p.stat().st_mtime_ns
    extract(str(p))
    assert (sha256(p), p.stat().st_mtime_ns) == before


def test_parse_blocks_and_docx_agree_block_by_block():
    for prefix in ("000", "003"):
        ref = [(b.kind, normalize_text(b.text)) for b in txt.parse_blocks(corpus(prefix, "txt").read_text("utf-8"))
               if b.kind != TABLE]
        got = [(b.kind, b.text) for b in extract(str(corpus(prefix, "docx"))).blocks if b.kind != TABLE]
        assert got == ref


def docx_reader_bad(name: str):
    from test_reader_support import BAD
    return BAD / name


def test_docx_buffer_roundtrip_in_memory_only(tmp_path):
    # the reader opens the archive from memory: a file open for reading elsewhere is fine
    p = corpus("003", "docx")
    with open(p, "rb") as fh:
        doc = extract(str(p))
        assert fh.read(2) == b"PK"
    assert doc.blocks and io.BytesIO(p.read_bytes()).read(2) == b"PK"


def test_docx_header_table_cells():
    doc = extract(str(ROOT / "tests" / "data" / "docx" / "hai_cot.docx"))
    head = doc.blocks[0]
    assert head.kind == TABLE
    assert head.rows[0].texts == ["ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG Số: 123/BC-UBND",
                                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                                  "Hà Quảng, ngày 10 tháng 6 năm 2020"]
    assert doc.blocks[-1].rows[0].texts[1] == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Vương Văn Võ"


def test_running_header_is_a_header_block_and_page_footer_is_skipped():
    doc = extract(str(ROOT / "tests" / "data" / "docx" / "001_tieu_de_trang.docx"))
    ref = extract(str(corpus("001", "txt")))
    assert doc.blocks[-1].kind == HEADER
    assert doc.blocks[-1].text == "Báo cáo kết quả công tác thi đua, khen thưởng năm 2022 - UBND huyện Trùng Khánh"
    assert not any(b.kind == FOOTER for b in doc.blocks)          # "Trang {PAGE}" only
    assert doc.text[: len(ref.text)] == ref.text                   # the body is untouched


def test_strict_open_xml_names(tmp_path):
    """Word's "Strict Open XML" saves the same schema under other namespace names."""
    src = zipfile.ZipFile(corpus("003", "docx"))
    p = tmp_path / "strict.docx"
    with zipfile.ZipFile(p, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            for strict, transitional in docx_reader.STRICT_NAMESPACES:
                data = data.replace(transitional, strict)
            z.writestr(info.filename, data)
    assert b"purl.oclc.org" in zipfile.ZipFile(p).read("word/document.xml")
    assert extract(str(p)).text == extract(str(corpus("003", "txt"))).text


def test_legacy_tcvn3_fonts_are_converted(tmp_path):
    """Older reports typed in .VnTime: the file holds "B¸o c¸o", Word draws "Báo cáo"."""
    d = python_docx.Document()
    r = d.add_paragraph().add_run("B¸o c¸o tæng kÕt c«ng t¸c thi ®ua, khen th\u00adëng n¨m 2015")
    r.font.name = ".VnTime"
    r = d.add_paragraph().add_run("UBND huyÖn Hµ Qu¶ng")
    r.font.name = ".VnTimeH"                                   # the capitals font
    st = d.styles.add_style("VnBody", 1)
    st.font.name = ".VnArial"                                  # inherited from the paragraph style
    d.add_paragraph("Céng hoµ x· héi chñ nghÜa ViÖt Nam", style="VnBody")
    d.add_paragraph("Unicode giữ nguyên: ¸ µ")
    doc = extract(str(_save(d, tmp_path)))
    assert [b.text for b in doc.blocks] == [
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2015",
        "UBND HUYỆN HÀ QUẢNG",
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "Unicode giữ nguyên: ¸ µ",
    ]


def test_tcvn3_font_names():
    from extractors.legacy_fonts import convert, font_kind
    assert font_kind("ABCDEF+.VnTime") == "tcvn3" and font_kind(".VnTimeH") == "tcvn3-caps"
    assert font_kind("Times New Roman") is None and font_kind(None) is None
    assert convert("§¶ng bé x· Hµ Vinh", "BCDEFG+.VnTime-Bold") == "Đảng bộ xã Hà Vinh"


def test_broken_footnotes_part_keeps_the_body(tmp_path):
    src = zipfile.ZipFile(corpus("002", "docx"))
    p = tmp_path / "fn.docx"
    with zipfile.ZipFile(p, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info.filename, data[:200] if info.filename == "word/footnotes.xml" else data)
    doc = extract(str(p))
    assert not [b for b in doc.blocks if b.kind == FOOTNOTE]
    assert any("chú thích" in w for w in doc.warnings)
    assert "nông thôn mới¹; Đoàn" in doc.text          # references still shown in the body


def test_numbering_restart_and_continuation(tmp_path):
    """Two lists on one abstract numbering: the second instance restarts at 1 with a
    start override; paragraphs of the first instance continue its count."""
    d = python_docx.Document()
    numbering = d.part.numbering_part.element
    p1 = d.add_paragraph("Một", style="List Number")
    d.add_paragraph("Hai", style="List Number")
    d.add_paragraph("Đoạn xen giữa.")
    # a new list instance on the same abstract numbering, restarted at 1
    style_num_id = d.styles["List Number"].element.xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    abstract = numbering.xpath(f'w:num[@w:numId="{style_num_id}"]/w:abstractNumId/@w:val')[0]
    num_id = "900"
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for text in ("Ba", "Bốn"):
        p = d.add_paragraph(text, style="List Number")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    d.add_paragraph("Năm", style="List Number")          # back on the first instance: continues it
    doc = extract(str(_save(d, tmp_path)))
    assert [b.text for b in doc.blocks] == ["1. Một", "2. Hai", "Đoạn xen giữa.", "1. Ba", "2. Bốn", "3. Năm"]
    assert p1.text == "Một"
