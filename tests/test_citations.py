"""Citations: the extractor on the seeds' sentences, and the citation_mismatch /
outdated_citation checks on real warehouses."""
from __future__ import annotations

import pytest

from pipeline.document import document_from_blocks
from rules.citations import catalogue, extract_citations, normalize_number
from test_checks_support import Doc, findings, meta, serious, warehouse


def cites(text: str):
    doc = document_from_blocks("x.txt", "txt", [("paragraph", text)])
    return [(c.doc_kind, c.number, c.issued_date, c.canonical, doc.text[c.char_start:c.char_end])
            for c in extract_citations(doc)]


@pytest.mark.parametrize("text, want", [
    ("quy định tại Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.",
     ("nghi_dinh", "91/2017/NĐ-CP", "2017-07-31", "nd_91_2017")),
    ("theo Nghị định 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ",
     ("nghi_dinh", "91/2017/NĐ-CP", "2017-07-31", "nd_91_2017")),
    ("quán triệt Nghị định số 42 của Chính phủ ngày 15/4/2010 và",
     ("nghi_dinh", "42", "2010-04-15", "nd_42_2010")),
    ("Chỉ thị số 34- CT/TW ngày 07/ 4/ 2014 của Bộ chính trị", ("chi_thi", "34-CT/TW", "2014-04-07", "ct_34_2014")),
    ("Chỉ thị số 34/CT-TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị",
     ("chi_thi", "34-CT/TW", "2014-04-07", "ct_34_2014")),
    ("Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ trưởng Bộ Nội vụ",
     ("thong_tu", "12/2019/TT-BNV", "2019-11-04", "tt_12_2019")),
    ("Thực hiện Kế hoạch số 41/KH-HĐTĐKT ngày 16/11/2022 của HĐTĐKT huyện Hà Trung",
     ("ke_hoach", "41/KH-HĐTĐKT", "2022-11-16", None)),
    ("Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003", ("luat", "15/2003/QH11", "2003-11-26", "luat_tdkt_2003")),
    ("Luật Thi đua, khen thưởng (sửa đổi năm 2022), có hiệu lực", ("luat", "06/2022/QH15", None, "luat_tdkt_2022")),
])
def test_seed_forms(text, want):
    got = cites(text)
    assert got and got[0][:4] == want


def test_bare_amending_decree_and_the_decree_it_amends():
    text = ("Nghị định số 39 ngày 27/4/2012 của Chính phủ sửa đổi một số điều của Nghị định 42 quy định chi tiết "
            "và hướng dẫn một số điều của luật thi đua khen thưởng")
    got = cites(text)
    assert [g[3] for g in got[:2]] == ["nd_39_2012", "nd_42_2010"]
    assert got[0][2] == "2012-04-27" and got[1][2] is None


def test_law_amendment_is_one_citation():
    got = cites("Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;")
    assert [(g[0], g[3], g[2]) for g in got] == [("luat", "luat_tdkt_sd_2005", "2005-06-14")]


def test_not_citations():
    assert cites("Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội; hướng dẫn 3 nội dung") == []


def test_offsets_point_into_the_text_and_text_is_the_sentence():
    text = "Mở đầu. Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ. Câu sau."
    doc = document_from_blocks("x.txt", "txt", [("paragraph", text)])
    c = extract_citations(doc)[0]
    assert doc.text[c.char_start:c.char_end].startswith("Nghị định số 98/2023/NĐ-CP")
    assert c.text == "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ."
    assert c.issuer == "Chính phủ" and c.rule == "citation.nghi_dinh"


def test_number_normalization():
    assert normalize_number("34- CT/TW") == "34-CT/TW"
    assert normalize_number("34/ct-tw") == "34-CT/TW"
    assert normalize_number("91/2017/nđ-cp") == "91/2017/NĐ-CP"


def test_catalogue_has_the_domain_chain():
    cat = catalogue()
    assert cat["nd_42_2010"].replaced_by == "nd_91_2017" and cat["nd_39_2012"].replaced_by == "nd_91_2017"
    assert cat["nd_91_2017"].replaced_by == "nd_98_2023" and str(cat["nd_91_2017"].issued) == "2017-07-31"
    assert str(cat["luat_tdkt_2022"].effective) == "2024-01-01" and str(cat["ct_34_2014"].issued) == "2014-04-07"
    assert all(e.id for e in cat.values())


# --- the checks -----------------------------------------------------------------
# Seed 004 (2023): cites 91/2017 once "ngày 30/7/2017" and twice "ngày 31/7/2017".
S004_A = ("Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân huyện đã tập trung lãnh đạo ... như: Chỉ thị số 34-CT/TW "
          "ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng; Luật Thi đua, khen "
          "thưởng; Nghị định số 91/2017/NĐ-CP ngày 30/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của "
          "Luật Thi đua, khen thưởng; Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ trưởng Bộ Nội vụ quy định "
          "chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi "
          "tiết thi hành một số điều của Luật Thi đua, khen thưởng.")
S004_B = ("Việc cấp tiền thưởng, mức chi tiền thưởng cho các tập thể, cá nhân được thực hiện kịp thời, đúng quy định "
          "tại Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.")
S004_C = ("Tại Hội nghị đã triển khai những điểm mới của Luật Thi đua, khen thưởng ngày 16 tháng 5 năm 2022 và các "
          "văn bản hướng dẫn thi hành.")
Y004 = dict(issuer="UBND huyện Yên Khánh", district="Yên Khánh", province="Ninh Bình", period="2023",
            issued_year=2023)


def test_seed_004_one_citation_mismatch(tmp_path):
    d = Doc("004.txt", meta(**Y004)).para(S004_A).para(S004_B).para(S004_C)
    rows = serious(findings(warehouse(tmp_path, d)))
    assert [(r["check_code"], r["severity"]) for r in rows] == [("citation_mismatch", "warning")]
    m = rows[0]["message"]
    assert "30/7/2017" in m and "31/7/2017" in m and "91/2017/NĐ-CP" in m


def test_dates_disagreeing_for_an_uncatalogued_document(tmp_path):
    d = Doc("x.txt", meta(**Y004)).para("Thực hiện Kế hoạch số 19/KH-UBND ngày 08/02/2023 của UBND huyện.")
    d.para("Theo Kế hoạch số 19/KH-UBND ngày 18/02/2023, các đơn vị đã triển khai.")
    rows = findings(warehouse(tmp_path, d), "citation_mismatch")
    assert len(rows) == 1 and "8/2/2023" in rows[0]["message"] and "18/2/2023" in rows[0]["message"]


def test_number_year_against_date(tmp_path):
    d = Doc("x.txt", meta(**Y004)).para("Căn cứ Quyết định số 65/2022/QĐ-UBND ngày 02/11/2023 của UBND tỉnh.")
    rows = findings(warehouse(tmp_path, d), "citation_mismatch")
    assert len(rows) == 1 and "2022" in rows[0]["message"]


# Seed 000 (09/12/2022) cites 42/2010 and 39/2012 as the basis.
S000_A = ("các cấp uỷ Đảng chính quyền, MTTQ và các đoàn thể trong cụm tiếp tục quán triệt Chỉ thị số 34- CT/TW ngày "
          "07/ 4/ 2014 của Bộ chính trị về tiếp tục đổi mới công tác thi đua khen thưởng; Nghị định số 42 của Chính phủ "
          "ngày 15/4/2010 và Nghị định số 39 ngày 27/4/2012 của Chính phủ sửa đổi một số điều của Nghị định 42 quy "
          "định chi tiết và hướng dẫn một số điều của luật thi đua khen thưởng và Luật sửa đổi, bổ sung một số điều "
          "của Luật thi đua khen thưởng.")
S000_B = ("Công tác khen thưởng ở các xã được thực hiện đúng quy định của Luật thi đua khen thưởng và Nghị định số 42 "
          "ngày 15/4/2010.")
M000 = dict(issuer="Cụm thi đua số 2", district="Hà Trung", province="Thanh Hóa", period="2022",
            issued_date="2022-12-09", issued_year=2022)


def test_seed_000_two_outdated_citations(tmp_path):
    d = Doc("000.txt", meta(**M000)).para(S000_A).para(S000_B)
    rows = serious(findings(warehouse(tmp_path, d)))
    assert sorted((r["check_code"], "42/2010" in r["message"], "39/2012" in r["message"]) for r in rows) == [
        ("outdated_citation", False, True), ("outdated_citation", True, False)]
    assert all("91/2017/NĐ-CP" in r["message"] and "15/9/2017" in r["message"] for r in rows)


def test_the_same_citations_in_a_2016_report_are_current(tmp_path):
    d = Doc("000.txt", meta(**dict(M000, issued_date="2016-12-09", issued_year=2016, period="2016")))
    d.para(S000_A).para(S000_B)
    assert serious(findings(warehouse(tmp_path, d))) == []


@pytest.mark.parametrize("text, issued, period", [
    # history: the decree of the years before, with its successor in the same sentence
    ("Trong hai năm 2016 - 2017, công tác khen thưởng được thực hiện theo Nghị định số 42/2010/NĐ-CP ngày "
     "15/4/2010 và Nghị định số 39/2012/NĐ-CP ngày 27/4/2012 của Chính phủ; từ ngày 15/9/2017 thực hiện theo Nghị "
     "định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.", "2021-01-15", "2016-2020"),
    # mentioned as no longer in force
    ("Nghị định số 42/2010/NĐ-CP ngày 15/4/2010 đã hết hiệu lực.", "2022-06-01", "2022"),
    # a 2023 report citing 91/2017 (replaced only from 1/1/2024)
    ("Thực hiện đúng quy định tại Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.", "2023-12-20", "2023"),
    # the 2003 law cited in a 2020 report
    ("Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
     "Khen thưởng ngày 14 tháng 6 năm 2005.", "2020-06-01", "2015-2020"),
    # 2024 documents citing the 2022 law and 98/2023
    ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 98/2023/NĐ-CP ngày "
     "31/12/2023 của Chính phủ.", "2024-01-15", "2023"),
])
def test_not_outdated(tmp_path, text, issued, period):
    d = Doc("n.txt", meta(issuer="UBND huyện Can Lộc", district="Can Lộc", province="Hà Tĩnh", period=period,
                          issued_date=issued, issued_year=int(issued[:4]))).para(text)
    assert findings(warehouse(tmp_path, d), "outdated_citation") == []


def test_planted_outdated_law_in_2025(tmp_path):
    d = Doc("n.txt", meta(issuer="UBND xã Thục Phán", district="Thục Phán", province="Cao Bằng", period="2025",
                          issued_date="2025-11-20", issued_year=2025))
    d.para("Căn cứ Luật Thi đua, Khen thưởng năm 2003 và Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.")
    rows = findings(warehouse(tmp_path, d), "outdated_citation")
    assert len(rows) == 2
    assert any("98/2023/NĐ-CP" in r["message"] for r in rows) and any("06/2022/QH15" in r["message"] for r in rows)


def test_a_2024_decision_on_2023_work_citing_91_2017(tmp_path):
    """Genre/planted p14: a decision of 15/3/2024 (period 2023) based on 91/2017."""
    d = Doc("qd.txt", meta(issuer="UBND huyện Lệ Thủy", district="Lệ Thủy", province="Quảng Bình", period="2023",
                           issued_date="2024-03-15", issued_year=2024, doc_type="quyet_dinh"))
    d.para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 91/2017/NĐ-CP ngày "
           "31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;")
    rows = findings(warehouse(tmp_path, d), "outdated_citation")
    assert len(rows) == 1 and "98/2023/NĐ-CP" in rows[0]["message"]
