"""Header metadata (rules/metadata.py) on the seeds in every format and on
short headers and signature blocks in other layouts (tests/data/metadata)."""
from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from extractors import reader_for
from pipeline.document import document_from_blocks
from pipeline.model import DocMeta, ExtractError
from rules.metadata import province_2025_of, read_metadata
from rules.metadata_text import (Line, component_case, find_period, parse_date_line, parse_number,
                                 person_name, split_line, type_of_line)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = Path("/work/shared/seeds")
FIXTURES = Path(__file__).parent / "data" / "metadata"

# Every column of `documents` that the rules fill, for the five seeds.
SEED_META = {
    "000_3a864a165f113b92": DocMeta(
        doc_type="bao_cao", doc_number="/BC-TĐKT",
        title="Tổng kết phong trào thi đua, công tác khen thưởng năm 2022; Phương hướng nhiệm vụ năm 2023",
        issuer="Cụm thi đua số 2", place="Hà Vinh", issued_date="2022-12-09", issued_year=2022,
        period="2022", province="Thanh Hóa", district="Hà Trung", signer="Mai Hồng Cường"),
    "001_03026f8b928707b4": DocMeta(
        doc_type="bao_cao", doc_number="/BC-UBND", title="Kết quả công tác thi đua, khen thưởng năm 2022",
        issuer="UBND huyện Trùng Khánh", place="Trùng Khánh", issued_date=None, issued_year=2022,
        period="2022", province="Cao Bằng", district="Trùng Khánh", signer="Nông Văn Bộ"),
    "002_0e22d76ab771f56c": DocMeta(
        doc_type="bao_cao", doc_number="/BC-UBND",
        title="Tổng kết phong trào thi đua và công tác khen thưởng giai đoạn 2015 - 2020 "
              "Phương hướng, nhiệm vụ giai đoạn 2020 - 2025",
        issuer="UBND huyện Hà Quảng", place="Hà Quảng", issued_date=None, issued_year=2020,
        period="2015-2020", province="Cao Bằng", district="Hà Quảng", signer="Vương Văn Võ"),
    "003_30d1184c9269a7e2": DocMeta(
        doc_type="huong_dan", doc_number="/HD-UBND",
        title="Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm và phương hướng, "
              "nhiệm vụ 6 tháng cuối năm 2023",
        issuer="UBND huyện Tân Yên", place="Tân Yên", issued_date=None, issued_year=2023,
        period="2023-H1", province="Bắc Giang", district="Tân Yên", signer="Ngô Quốc Hưng"),
    "004_93c9989aa407a5d1": DocMeta(
        doc_type="bao_cao", doc_number="/BC-UBND",
        title="Tổng kết công tác thi đua, khen thưởng năm 2023, Phương hướng, nhiệm vụ năm 2024",
        issuer="UBND huyện Yên Khánh", place="Yên Khánh", issued_date=None, issued_year=2023,
        period="2023", province="Ninh Bình", district="Yên Khánh", signer="Nguyễn Xuân Tuyên"),
}


def _seed_file(stem: str, fmt: str) -> Path | None:
    for base in (CORPUS, SEEDS) if fmt == "txt" else (CORPUS,):
        p = base / f"{stem}.{fmt}"
        if p.exists():
            return p
    return None


def _read(path: Path):
    try:
        return reader_for(path)(str(path))
    except ExtractError as e:          # e.g. no .doc converter on this machine
        pytest.skip(f"{path.name}: {e.message}")
    except ImportError as e:           # a reader not written yet
        pytest.skip(f"{path.name}: {e}")


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "doc"])
@pytest.mark.parametrize("stem", sorted(SEED_META))
def test_seed_metadata(stem, fmt):
    path = _seed_file(stem, fmt)
    if path is None:
        pytest.skip(f"no {stem}.{fmt}")
    got = read_metadata(_read(path))
    assert dataclasses.asdict(got) == dataclasses.asdict(SEED_META[stem])


def _fixtures() -> dict:
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(_fixtures()))
def test_fixture_metadata(name):
    want = _fixtures()[name]
    got = dataclasses.asdict(read_metadata(_read(FIXTURES / name)))
    assert got == want


def test_fixture_set_covers_the_genre():
    fx = _fixtures()
    assert len(fx) >= 10
    types = {v["doc_type"] for v in fx.values()}
    assert {"bao_cao", "quyet_dinh", "ke_hoach", "to_trinh", "cong_van"} <= types
    assert {"2024-H1", "2023-Q3", "2015-2020", "2025-H2", "2022-2023"} <= {v["period"] for v in fx.values()}
    # post-2025: no district level; a commune's report keeps the commune in `district`
    assert fx["post2025_commune.txt"]["district"] == fx["post2025_commune.txt"]["place"] == "Tân Yên"


GENRE = Path(__file__).parent / "data" / "genre"


@pytest.mark.parametrize("name", sorted(p.stem for p in (GENRE / "reports").glob("*.txt")))
def test_genre_metadata(name):
    """The maintainers' genre set: every metadata field of its gold."""
    want = json.loads((GENRE / "gold" / f"{name}.json").read_text(encoding="utf-8"))["metadata"]
    got = dataclasses.asdict(read_metadata(_read(GENRE / "reports" / f"{name}.txt")))
    assert {k: got[k] for k in want} == want


def test_province_2025_of_seed_meta():
    assert province_2025_of(SEED_META["003_30d1184c9269a7e2"]) == "Bắc Ninh"
    assert province_2025_of(SEED_META["001_03026f8b928707b4"]) == "Cao Bằng"
    assert province_2025_of(SEED_META["004_93c9989aa407a5d1"]) == "Ninh Bình"
    assert province_2025_of(DocMeta()) is None


def test_metadata_is_fast():
    path = _seed_file("002_0e22d76ab771f56c", "txt")
    doc = _read(path)
    read_metadata(doc)                 # loads the gazetteer
    t = time.perf_counter()
    for _ in range(5):
        read_metadata(doc)
    assert (time.perf_counter() - t) / 5 < 0.1


# --- the pieces ------------------------------------------------------------------------
def _line(text: str) -> Line:
    return Line(text, 0, 0)


@pytest.mark.parametrize("text, want", [
    ("Số: 123/BC-UBND", "123/BC-UBND"),
    ("Số: /BC -UBND", "/BC-UBND"),
    ("Số:   /HD-UBND", "/HD-UBND"),
    ("Số: 12/2023/QĐ-UBND", "12/2023/QĐ-UBND"),
    ("Số: 345/UBND-NV", "345/UBND-NV"),
    ("Số 15 /TTr-UBND", "15/TTr-UBND"),
    ("Số lượng khen thưởng tăng", None),
])
def test_parse_number(text, want):
    assert parse_number(_line(text)) == want


@pytest.mark.parametrize("text, place, iso, year", [
    ("Trùng Khánh, ngày 09 tháng 12 năm 2022", "Trùng Khánh", "2022-12-09", 2022),
    ("Trùng Khánh, ngày tháng 11 năm 2022", "Trùng Khánh", None, 2022),
    ("Yên Khánh, ngày tháng năm 2023", "Yên Khánh", None, 2023),
    ("Thanh Hoá, ngày ... tháng ... năm 2020", "Thanh Hoá", None, 2020),
    ("TP. Cao Bằng, ngày 5/6/2024", "TP. Cao Bằng", "2024-06-05", 2024),
    ("Hà Vinh, ngày 31 tháng 02 năm 2022", "Hà Vinh", None, 2022),   # no such day
])
def test_parse_date_line(text, place, iso, year):
    d = parse_date_line(_line(text))
    assert (d.place, d.iso, d.year) == (place, iso, year)


@pytest.mark.parametrize("text, want", [
    ("Tổng kết phong trào thi đua, công tác khen thưởng năm 2022; Phương hướng nhiệm vụ năm 2023", "2022"),
    ("Tổng kết ... giai đoạn 2015 - 2020 Phương hướng, nhiệm vụ giai đoạn 2020 - 2025", "2015-2020"),
    ("Sơ kết ... 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2023", "2023-H1"),
    ("Kết quả công tác thi đua 6 tháng cuối năm 2023", "2023-H2"),
    ("Công tác thi đua, khen thưởng quý III năm 2023", "2023-Q3"),
    ("Báo cáo kết quả 9 tháng đầu năm 2024", "2024-9M"),
    ("Tổng kết năm học 2022-2023", "2022-2023"),
    ("Tổng kết 5 năm (2016 - 2020)", "2016-2020"),
])
def test_find_period(text, want):
    assert find_period(text)[0] == want


def test_find_period_takes_the_year_from_the_date_when_the_title_has_none():
    assert find_period("Sơ kết 6 tháng đầu năm", default_year=2021)[0] == "2021-H1"
    assert find_period("Về việc khen thưởng đột xuất") is None


@pytest.mark.parametrize("text, want", [
    ("Mai Hồng Cường", "Mai Hồng Cường"),
    ("CHỦ TỊCH UBND XÃ HÀ VINH", None),
    ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nông Văn Bộ", "Nông Văn Bộ"),
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH ĐÀM VĂN ĐOÀN", "Đàm Văn Đoàn"),
    ("(Đã ký) Ngô Quốc Hưng", "Ngô Quốc Hưng"),
    ("CHỦ TỊCH", None),
    ("- Lưu: VT, NV.", None),
])
def test_person_name(text, want):
    assert person_name(text) == want


def test_split_line_cuts_a_flattened_header_cell():
    cell = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------- Trùng Khánh, ngày 09 tháng 12 năm 2022"
    parts = [t for t, _ in split_line(cell, 100)]
    assert parts == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Trùng Khánh, ngày 09 tháng 12 năm 2022"]
    offsets = dict(split_line(cell, 100))
    assert cell[offsets["Độc lập - Tự do - Hạnh phúc"] - 100:].startswith("Độc lập")
    assert [t for t, _ in split_line("UBND HUYỆN TRÙNG KHÁNH Số: 123/BC-UBND", 0)] == [
        "UBND HUYỆN TRÙNG KHÁNH", "Số: 123/BC-UBND"]


def test_type_line():
    assert type_of_line(_line("BÁO CÁO")) == ("bao_cao", "")
    assert type_of_line(_line("TỜ TRÌNH")) == ("to_trinh", "")
    assert type_of_line(_line("BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2022")) == (
        "bao_cao", "TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2022")
    assert type_of_line(_line("Báo cáo kết quả thực hiện")) is None


def test_component_case():
    assert component_case("GIÁO DỤC VÀ ĐÀO TẠO", True) == "Giáo dục và Đào tạo"
    assert component_case("LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", True) == "Lao động - Thương binh và Xã hội"
    assert component_case("Nội vụ", False) == "Nội vụ"


def test_issuer_names_in_capitals():
    from rules.metadata_text import parse_bodies
    assert [b.with_place() for b in parse_bodies("UBND TỈNH CAO BẰNG SỞ NỘI VỤ")] == [
        "UBND tỉnh Cao Bằng", "Sở Nội vụ"]
    assert [b.with_place() for b in parse_bodies("TRƯỜNG THCS NGUYỄN TRÃI")] == ["Trường THCS Nguyễn Trãi"]
    assert [b.with_place() for b in parse_bodies("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH CAO BẰNG")] == [
        "Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng"]
    assert [b.with_place() for b in parse_bodies("CỤM THI ĐUA SỐ 02 HUYỆN HÀ TRUNG")] == ["Cụm thi đua số 2"]


def test_upper_case_issuer_line_and_old_tone_placement():
    doc = document_from_blocks("x.txt", "txt", [
        ("heading", "ỦY BAN NHÂN DÂN HUYỆN YÊN KHÁNH"),
        ("paragraph", "Số: 15/BC-UBND"),
        ("paragraph", "Yên Khánh, ngày 02 tháng 01 năm 2024"),
        ("heading", "BÁO CÁO"),
        ("paragraph", "Tổng kết công tác thi đua, khen thưởng năm 2023"),
        ("paragraph", "Nơi nhận:"),
        ("heading", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
        ("paragraph", "Nguyễn Xuân Tuyên"),
    ])
    m = read_metadata(doc)
    assert (m.issuer, m.province, m.district, m.period, m.issued_date) == (
        "UBND huyện Yên Khánh", "Ninh Bình", "Yên Khánh", "2023", "2024-01-02")


def test_empty_document_gives_empty_metadata():
    doc = document_from_blocks("x.txt", "txt", [("paragraph", "Nội dung không có tiêu đề.")])
    assert read_metadata(doc) == DocMeta(doc_type="other")     # no header: a text of type other


def test_department_known_only_from_its_number_and_signature():
    doc = document_from_blocks("x.txt", "txt", [
        ("paragraph", "Số: 45/BC-SNV"),
        ("paragraph", "Cao Bằng, ngày 20 tháng 6 năm 2024"),
        ("heading", "BÁO CÁO"),
        ("paragraph", "Sơ kết công tác thi đua 6 tháng đầu năm 2024"),
        ("paragraph", "Thực hiện chỉ đạo của UBND tỉnh Cao Bằng, Sở Nội vụ báo cáo như sau:"),
        ("paragraph", "Nơi nhận:"),
        ("heading", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
        ("paragraph", "Hoàng Thị Hạnh"),
    ])
    m = read_metadata(doc)
    assert (m.issuer, m.province, m.district, m.signer) == (
        "Sở Nội vụ tỉnh Cao Bằng", "Cao Bằng", None, "Hoàng Thị Hạnh")


def test_docx_style_tables_with_rules_and_caps_title():
    """A .docx header: one row of two cells holding several lines each (the
    reader flattens a cell to one line), em-dash rules, a title in capitals
    over two lines, the signature in a table."""
    from pipeline.document import DocumentBuilder
    b = DocumentBuilder("x.docx", "docx")
    b.add_table([["ỦY BAN NHÂN DÂN\nHUYỆN HÀ TRUNG\n———————\nSố: 512/BC-UBND",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n————————————\n"
                  "Hà Trung, ngày 20 tháng 12 năm 2021"]])
    b.add("heading", "BÁO CÁO\nTỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG\nNĂM 2021")
    b.add("paragraph", "Căn cứ Hướng dẫn số 10/HD-HĐTĐKT của Hội đồng Thi đua - Khen thưởng tỉnh Thanh Hóa.")
    b.add_table([["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLê Thị Hồng"]])
    m = read_metadata(b.build())
    assert dataclasses.asdict(m) == dict(
        doc_type="bao_cao", doc_number="512/BC-UBND", title="TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021",
        issuer="UBND huyện Hà Trung", place="Hà Trung", issued_date="2021-12-20", issued_year=2021,
        period="2021", province="Thanh Hóa", district="Hà Trung", signer="Lê Thị Hồng")


def test_post_2025_ward_and_official_letter_of_a_department():
    from pipeline.document import DocumentBuilder
    b = DocumentBuilder("x.docx", "docx")
    b.add_table([["ỦY BAN NHÂN DÂN\nPHƯỜNG BA ĐÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                 ["Số: 12/KH-UBND", "Ba Đình, ngày 15 tháng 7 năm 2025"]])
    b.add("heading", "KẾ HOẠCH")
    b.add("paragraph", "Phát động phong trào thi đua 6 tháng cuối năm 2025")
    b.add("paragraph", "Thực hiện Kế hoạch của UBND thành phố Hà Nội, UBND phường Ba Đình ban hành kế hoạch như sau:")
    b.add("paragraph", "Nơi nhận:")
    b.add("heading", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    b.add("paragraph", "Trần Văn Nam")
    m = read_metadata(b.build())
    assert (m.doc_type, m.issuer, m.province, m.district, m.period) == (
        "ke_hoach", "UBND phường Ba Đình", "Hà Nội", "Ba Đình", "2025-H2")

    doc = document_from_blocks("x.txt", "txt", [
        ("paragraph", "UBND TỈNH LẠNG SƠN"), ("paragraph", "SỞ NỘI VỤ"), ("paragraph", "Số: 1520/SNV-TĐKT"),
        ("paragraph", "V/v hướng dẫn tổng kết công tác thi đua, khen thưởng năm 2024"),
        ("paragraph", "Lạng Sơn, ngày 02 tháng 12 năm 2024"),
        ("paragraph", "Kính gửi: UBND các huyện, thành phố."), ("paragraph", "Nơi nhận:"),
        ("paragraph", "- Như trên;"), ("heading", "GIÁM ĐỐC"), ("paragraph", "(Đã ký)"),
        ("paragraph", "NGUYỄN VĂN HÙNG")])
    m = read_metadata(doc)
    assert dataclasses.asdict(m) == dict(
        doc_type="cong_van", doc_number="1520/SNV-TĐKT",
        title="hướng dẫn tổng kết công tác thi đua, khen thưởng năm 2024", issuer="Sở Nội vụ tỉnh Lạng Sơn",
        place="Lạng Sơn", issued_date="2024-12-02", issued_year=2024, period="2024", province="Lạng Sơn",
        district=None, signer="Nguyễn Văn Hùng")


def test_company_names_keep_their_proper_words():
    from rules.metadata_text import business_case
    assert business_case("CỔ PHẦN CHẾ BIẾN THUỶ SẢN SÔNG ĐỐC") == "Cổ phần Chế biến Thuỷ sản Sông Đốc"
    assert business_case("TNHH MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT CÀ MAU") == \
        "TNHH Một thành viên Xổ số kiến thiết Cà Mau"


def test_a_mass_organisation_named_by_its_abbreviation():
    from rules.metadata_text import parse_bodies
    (b,) = parse_bodies("BCH HỘI LHPN TỈNH KHÁNH HÒA")
    assert (b.name, b.place.level, b.place.units[0].name) == ("Hội Liên hiệp Phụ nữ", "province", "Khánh Hòa")
    assert parse_bodies("LĐLĐ huyện Đắk Hà")[0].name == "Liên đoàn Lao động"


# --- headers written by others: lines that share a line, dates broken in two, numbers in sentences ---
def _meta_of(text):
    from tests.rules_support import doc_from_text
    return read_metadata(doc_from_text(text))


def test_number_and_date_on_one_line_are_read_apart():
    m = _meta_of("UBND XÃ TÂN AN\n\nSố: 07 /BC-UBND          Tân An, ngày 03 tháng 01 năm 2024\n\n"
                 "BÁO CÁO\n\nTổng kết công tác thi đua, khen thưởng năm 2023")
    assert (m.doc_number, m.place, m.issued_date, m.period) == ("07/BC-UBND", "Tân An", "2024-01-03", "2023")


def test_date_line_broken_after_ngay():
    m = _meta_of("ỦY BAN NHÂN DÂN\nTỈNH BẠC LIÊU\n\nSố: 88/KH-UBND\n\nBạc Liêu, ngày\n14 tháng 3 năm 2021\n\n"
                 "KẾ HOẠCH\n\nTriển khai phong trào thi đua năm 2021")
    assert (m.doc_type, m.place, m.issued_date) == ("ke_hoach", "Bạc Liêu", "2021-03-14")
    # a header cell wrapped before the year (a PDF made from a Word table)
    m = _meta_of("ỦY BAN NHÂN DÂN HUYỆN LẮK\n\nSố: 301/BC-UBND\n\nLắk, ngày 20 tháng 11\n\nnăm 2022\n\n"
                 "BÁO CÁO\n\nKết quả giảm nghèo năm 2022")
    assert (m.doc_type, m.place, m.issued_date, m.issued_year) == ("bao_cao", "Lắk", "2022-11-20", 2022)


def test_a_headerless_text_is_of_type_other_and_covers_its_frame_period():
    from rules import read
    from tests.rules_support import doc_from_text
    ex = read(doc_from_text("Huyện Krông Bông giảm 412 hộ nghèo trong năm 2023\n\n"
                      "Theo kết quả rà soát, cuối năm 2023 toàn huyện còn 2.804 hộ nghèo, chiếm 9,6%."))
    assert (ex.meta.doc_type, ex.meta.period) == ("other", "2023")


def test_a_decision_named_in_a_news_sentence_is_not_the_header():
    m = _meta_of("Phê duyệt danh sách hộ nghèo năm 2020\n\n"
                 "(Báo tỉnh) - UBND tỉnh vừa ban hành Quyết định số 1450/QĐ-UBND về việc phê duyệt kết quả rà soát.")
    assert m.doc_number is None and m.doc_type in (None, "other")


def test_a_title_going_on_after_a_semicolon_and_a_decision_of_the_prime_minister():
    m = _meta_of("UBND HUYỆN BẢO LÂM\n\nSố: 15/BC-UBND\n\nBảo Lâm, ngày 05 tháng 12 năm 2023\n\nBÁO CÁO\n\n"
                 "Tổng kết công tác thi đua, khen thưởng năm 2023;\nphương hướng, nhiệm vụ năm 2024\n\n"
                 "Năm 2023, huyện tổ chức nhiều phong trào thi đua.")
    assert m.title == "Tổng kết công tác thi đua, khen thưởng năm 2023; phương hướng, nhiệm vụ năm 2024"
    m = _meta_of("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 512/QĐ-TTg\n\nHà Nội, ngày 10 tháng 4 năm 2019\n\nQUYẾT ĐỊNH\n\n"
                 "Về việc tặng thưởng Cờ thi đua của Chính phủ")
    assert (m.doc_type, m.issuer.lower(), m.province, m.place) == ("quyet_dinh", "thủ tướng chính phủ", None, "Hà Nội")


def test_a_central_leader_signs_after_the_recipients_list():
    from tests.rules_support import doc_from_text
    text = ("THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 215/QĐ-TTg\n\nHà Nội, ngày 12 tháng 3 năm 2010\n\nQUYẾT ĐỊNH\nVề việc tặng Cờ thi đua của Chính phủ\n\n"
            "Điều 1. Tặng Cờ thi đua của Chính phủ cho 05 tập thể đã hoàn thành xuất sắc nhiệm vụ năm 2009.\n\n"
            "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: Văn thư.\n\nTHỦ TƯỚNG\nPhan Văn Khải\n")
    meta = read_metadata(doc_from_text(text))
    assert (meta.signer, meta.doc_number) == ("Phan Văn Khải", "215/QĐ-TTg")


def test_a_news_lede_naming_a_body_is_no_issuer_line():
    from tests.rules_support import doc_from_text
    text = ("22 thôn đạt chuẩn Thôn nông thôn mới kiểu mẫu\n"
            "- Thông tin từ Văn phòng Điều phối nông thôn mới tỉnh cho biết, toàn tỉnh đã có 22 thôn đạt chuẩn.\n")
    assert read_metadata(doc_from_text(text)).issuer is None


def test_a_headline_naming_a_body_is_no_issuer():
    from tests.rules_support import doc_from_text
    text = ("Trường THCS Lê Lợi nhận Huân chương Lao động hạng Nhì\n\n"
            "Sáng 20/11, Trường THCS Lê Lợi tổ chức lễ đón nhận Huân chương Lao động hạng Nhì.\n")
    assert read_metadata(doc_from_text(text)).issuer is None


@pytest.mark.parametrize("headline", ["Hội Nông dân tỉnh giúp trên 3.200 hộ vươn lên thoát nghèo",
                                      "Công an huyện tiếp tục làm tốt công tác giữ gìn an ninh",
                                      "Tỉnh đoàn tuyên dương 60 thanh niên tiêu biểu"])
def test_a_headline_whose_body_acts_is_no_issuer(headline):
    # our wording: a body, then what it does
    from tests.rules_support import doc_from_text
    text = headline + "\n\n21:33, 31/05/2016\n\nTrong nhiệm kỳ 2011-2016, các cấp Hội đã giúp 3.215 hộ thoát nghèo.\n"
    assert read_metadata(doc_from_text(text)).issuer is None


def test_a_news_headline_naming_a_district_bare_or_before_its_province_after_a_dash():
    import rules
    from rules_support import doc_from_text
    body = "\n\nHiện nay toàn huyện đã có 18/18 xã đạt chuẩn nông thôn mới, trong đó có 5 xã đạt chuẩn nâng cao.\n"
    meta = rules.read(doc_from_text("Đông Anh – Hà Nội: Hoàn thành 9/9 tiêu chí huyện nông thôn mới" + body)).meta
    assert (meta.province, meta.district) == ("Hà Nội", "Đông Anh")
    meta = rules.read(doc_from_text("Kiến Xương tổ chức lễ trao tặng danh hiệu Bà mẹ Việt Nam anh hùng" + body)).meta
    assert (meta.province, meta.district) == ("Thái Bình", "Kiến Xương")
    # a name two provinces' districts share is no place of the text
    meta = rules.read(doc_from_text("Châu Thành tổ chức lễ trao tặng danh hiệu Bà mẹ Việt Nam anh hùng" + body)).meta
    assert meta.district is None
    # after a colon or a comma; a lede naming the district again outweighs the province it places it in
    meta = rules.read(doc_from_text("Đông Hưng: Hơn 85% hộ đạt danh hiệu gia đình văn hóa" + body)).meta
    assert (meta.province, meta.district) == ("Thái Bình", "Đông Hưng")
    lede = ("\n\nĐông Hưng là huyện thuần nông của tỉnh Thái Bình, năm 2023 huyện Đông Hưng được công nhận "
            "đạt chuẩn nông thôn mới.\n")
    meta = rules.read(doc_from_text("Đông Hưng, vùng quê lúa về đích nông thôn mới" + lede)).meta
    assert (meta.province, meta.district) == ("Thái Bình", "Đông Hưng")
    # a district named bare after 'ở' / 'tại' in the headline
    meta = rules.read(doc_from_text("Kết quả giảm nghèo ở Đông Hưng trong những năm qua" + body)).meta
    assert (meta.province, meta.district) == ("Thái Bình", "Đông Hưng")
    # a lede about the province alone keeps it
    lede = "\n\nHội đồng thẩm định tỉnh Thái Bình vừa họp xét công nhận 5 xã đạt chuẩn nông thôn mới năm 2023.\n"
    meta = rules.read(doc_from_text("Đông Hưng có thêm 2 xã đạt chuẩn nông thôn mới" + lede)).meta
    assert (meta.province, meta.district) == ("Thái Bình", None)


def test_a_provinces_portal_named_as_the_source_places_the_text():
    import rules
    from rules_support import doc_from_text
    text = ("Phê duyệt kết quả rà soát hộ nghèo năm 2019\n\n"
            "QuangNgaiPortal - Ngày 10/1/2020, UBND tỉnh ban hành Quyết định phê duyệt kết quả rà soát hộ nghèo.\n\n"
            "| TT | Đơn vị | Tổng số hộ | Hộ nghèo | Tỷ lệ (%) |\n| | Toàn tỉnh | 350.000 | 21.000 | 6,00 |\n")
    ex = rules.read(doc_from_text(text))
    assert ex.meta.province == "Quảng Ngãi"
    assert {(f.metric, f.subject) for f in ex.facts if f.metric == "poverty.poor_households"} == \
        {("poverty.poor_households", "Quảng Ngãi")}
    assert rules.read(doc_from_text(text.replace("QuangNgaiPortal", "Quang Binh Portal"))).meta.province == "Quảng Bình"


def test_two_districts_a_headline_names_together_are_not_the_texts_district():
    from rules.metadata import _bare_district_headline
    assert _bare_district_headline("Đồng Xoài, Phước Long được công nhận hoàn thành xây dựng nông thôn mới") is None
    assert _bare_district_headline("Đồng Xoài và Phước Long được công nhận hoàn thành xây dựng nông thôn mới") is None
    assert _bare_district_headline("Kiến Xương tổ chức lễ phong tặng Bà mẹ Việt Nam anh hùng").name == "Kiến Xương"


def test_a_bare_province_name_that_is_a_district_of_the_province_the_text_names_districts_of():
    from tests.rules_support import doc_from_text
    text = ("Năm 2018, các địa phương phấn đấu giảm hộ nghèo\n\n"
            "Thứ Hai, 12/03/2018, 09:10 [GMT+7]\n\n"
            "UBND tỉnh vừa giao chỉ tiêu giảm tỷ lệ hộ nghèo năm 2018 cho các huyện, thị xã, thành phố.\n\n"
            "Cụ thể, huyện Tuyên Hóa giảm 4,5%; Quảng Ninh giảm 2,2%; thị xã Ba Đồn giảm 1,5% và TP. Đồng Hới "
            "giảm 0,1%.\n")
    assert read_metadata(doc_from_text(text)).province == "Quảng Bình"
