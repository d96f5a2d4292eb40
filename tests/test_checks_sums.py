"""sum_mismatch on real warehouses: seed 004's breakdowns and seed 000's areas
add up (nothing), planted errors are found with both figures."""
from __future__ import annotations

import pytest

from test_checks_support import Doc, findings, meta, warehouse

YEN_KHANH = dict(issuer="UBND huyện Yên Khánh", district="Yên Khánh", province="Ninh Bình", period="2023",
                 issued_year=2023)

# Seed 004, "2. Khen thưởng của Chủ tịch UBND tỉnh" and "3. Khen thưởng của Chủ tịch UBND huyện".
S004_BK = ("Chủ tịch Ủy ban nhân dân tỉnh tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 04 tập thể; tặng danh hiệu "
           "“Tập thể Lao động xuất sắc” cho 24 tập thể; tặng Bằng khen cho 52 tập thể, 78 cá nhân đã có thành tích "
           "xuất sắc trong các phong trào thi đua của tỉnh, cụ thể như sau:")
S004_BK1 = ("- Khen thưởng theo công trạng, thành tích đạt được: Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh "
            "đã tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 04 tập thể; tặng danh hiệu “Tập thể Lao động xuất sắc” "
            "cho 24 tập thể; tặng Bằng khen cho 12 tập thể, 39 cá nhân.")
S004_BK2 = ("- Khen thưởng chuyên đề, khen thưởng đột xuất: Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh đã "
            "tặng Bằng khen cho 40 tập thể, 39 cá nhân.")
S004_GK = "Chủ tịch UBND huyện đã khen thưởng cho 186 tập thể và 692 cá nhân, cụ thể:"
S004_GK1 = "- Khen thưởng theo công trạng, thành tích đạt được: 32 tập thể và 413 cá nhân;"
S004_GK2 = "- Khen thưởng chuyên đề, đột xuất: 154 tập thể và 279 cá nhân."
S004_NTM = ("Tổng nguồn lực huy động xây dựng NTM nâng cao là 404,768 tỷ đồng (trong đó ngân sách nhà nước là: "
            "224,768 tỷ đồng; 100 tỷ đồng do nhân dân tự chỉnh trang nhà cửa, đầu tư sản xuất kinh doanh, huy động "
            "ủng hộ ngày công...; nguồn vốn khác 80 tỷ đồng).")


def seed_004(gk_total="186", bk_ca_nhan_part="39", ntm_total="404,768"):
    d = Doc("004.txt", meta(**YEN_KHANH))
    d.para(S004_BK).para(S004_BK1, "list_item").para(S004_BK2.replace("39 cá nhân", f"{bk_ca_nhan_part} cá nhân"),
                                                      "list_item")
    d.para(S004_GK.replace("186", gk_total)).para(S004_GK1, "list_item").para(S004_GK2, "list_item")
    d.para(S004_NTM.replace("404,768", ntm_total))
    aw = dict(metric="award.count", unit="count", period="2023")
    bk = dict(aw, award="bang_khen_cap_bo_tinh")
    gk = dict(aw, award="giay_khen_cap_huyen")
    t52 = d.fact("52 tập thể", value=52, recipient="tap_the", **bk)
    t78 = d.fact("78 cá nhân", value=78, recipient="ca_nhan", **bk)
    d.part_of(d.fact("12 tập thể", value=12, recipient="tap_the", qualifier="theo công trạng, thành tích đạt "
                     "được", **bk), t52)
    d.part_of(d.fact("39 cá nhân", value=39, recipient="ca_nhan", qualifier="theo công trạng, thành tích đạt "
                     "được", **bk), t78)
    d.part_of(d.fact("40 tập thể", value=40, recipient="tap_the", qualifier="chuyên đề, đột xuất", **bk), t52)
    d.part_of(d.fact(f"{bk_ca_nhan_part} cá nhân.", value=float(bk_ca_nhan_part), recipient="ca_nhan",
                     qualifier="chuyên đề, đột xuất", after=S004_BK2[:40], **bk), t78)
    t186 = d.fact(f"{gk_total} tập thể", value=float(gk_total), recipient="tap_the", **gk)
    t692 = d.fact("692 cá nhân", value=692, recipient="ca_nhan", **gk)
    d.part_of(d.fact("32 tập thể", value=32, recipient="tap_the", qualifier="theo công trạng", **gk), t186)
    d.part_of(d.fact("413 cá nhân", value=413, recipient="ca_nhan", qualifier="theo công trạng", **gk), t692)
    d.part_of(d.fact("154 tập thể", value=154, recipient="tap_the", qualifier="chuyên đề, đột xuất", **gk), t186)
    d.part_of(d.fact("279 cá nhân", value=279, recipient="ca_nhan", qualifier="chuyên đề, đột xuất", **gk), t692)
    q = dict(metric="quantity", unit="vnd", label="Tổng nguồn lực huy động xây dựng NTM nâng cao")
    total = d.fact(f"{ntm_total} tỷ", value=float(ntm_total.replace(",", ".")) * 1e9, **q)
    for raw, v in (("224,768 tỷ", 224.768e9), ("100 tỷ", 100e9), ("80 tỷ", 80e9)):
        d.part_of(d.fact(raw, value=v, **dict(q, label=None)), total)
    return d


# Seed 000: "Tổng diện tích gieo trồng cả năm là 4.235,04ha, trong đó xã Hà Vinh là
# 895ha, Hà Bắc là 795,46ha, Hà Giang 871ha, Hoạt Giang 1.064ha, Yên Dương 609,58ha."
S000 = ("- Tổng diện tích gieo trồng cả năm là 4.235,04ha, trong đó xã Hà Vinh là 895ha, Hà Bắc là 795,46ha, "
        "Hà Giang 871ha, Hoạt Giang 1.064ha, Yên Dương 609,58ha.")


def seed_000(text=S000):
    d = Doc("000.txt", meta(issuer="Cụm thi đua số 2", district="Hà Trung", province="Thanh Hóa", period="2022",
                            issued_date="2022-12-09", issued_year=2022))
    d.para(text)
    q = dict(metric="quantity", unit="ha")
    total_raw = text.split("là ", 1)[1].split("ha")[0]
    total = d.fact(total_raw + "ha", value=float(total_raw.replace(".", "").replace(",", ".")),
                   label="Tổng diện tích gieo trồng cả năm", **q)
    for raw, v, subj in (("895ha", 895, "Hà Vinh"), ("795,46ha", 795.46, "Hà Bắc"), ("871ha", 871, "Hà Giang"),
                         ("1.064ha", 1064, "Hoạt Giang"), ("609,58ha", 609.58, "Yên Dương")):
        d.part_of(d.fact(raw, value=v, subject=subj, subject_level="commune", **q), total)
    return d


def test_seed_004_breakdowns_add_up(tmp_path):
    assert findings(warehouse(tmp_path, seed_004()), "sum_mismatch") == []


def test_seed_000_areas_add_up(tmp_path):
    assert findings(warehouse(tmp_path, seed_000()), "sum_mismatch") == []


def test_planted_total_too_large(tmp_path):
    rows = findings(warehouse(tmp_path, seed_004(gk_total="196")), "sum_mismatch")
    assert len(rows) == 1
    r = rows[0]
    assert (r["observed"], r["expected"], r["severity"]) == (196.0, 186.0, "warning")
    assert len(r["fact_ids"]) == 3
    assert "196" in r["message"] and "32 + 154" in r["message"] and "chênh 10" in r["message"]


def test_planted_part_makes_sum_exceed_total(tmp_path):
    rows = findings(warehouse(tmp_path, seed_004(bk_ca_nhan_part="59")), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in rows] == [(78.0, 98.0)]
    assert rows[0]["severity"] == "error"


def test_scaled_money_total(tmp_path):
    rows = findings(warehouse(tmp_path, seed_004(ntm_total="414,768")), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in rows] == [(414.768e9, 404.768e9)]


def test_planted_area_sum(tmp_path):
    rows = findings(warehouse(tmp_path, seed_000(S000.replace("4.235,04ha", "4.325,04ha"))), "sum_mismatch")
    assert len(rows) == 1
    assert rows[0]["observed"] == pytest.approx(4325.04) and rows[0]["expected"] == pytest.approx(4235.04)
    assert "Hà Vinh" not in rows[0]["message"] or "4.325,04" in rows[0]["message"]


def test_a_single_part_smaller_than_the_total_is_a_subset(tmp_path):
    d = Doc("x.txt", meta(period="2022", district="Trùng Khánh"))
    d.para("Toàn huyện có 945 hộ nghèo, trong đó 120 hộ có thành viên là người có công.")
    t = d.fact("945 hộ", "poverty.poor_households", 945, unit="household")
    d.part_of(d.fact("120 hộ", "poverty.poor_households", 120, unit="household", qualifier="trong đó"), t)
    assert findings(warehouse(tmp_path, d), "sum_mismatch") == []


def test_shares_under_a_count_are_not_summed(tmp_path):
    """1015 cá nhân Lao động tiên tiến (trong đó Người lao động trực tiếp đạt 92%)."""
    d = Doc("x.txt", meta(period="2022", district="Trùng Khánh"))
    d.para("1015 cá nhân Lao động tiên tiến (trong đó Người lao động trực tiếp đạt 92%)")
    t = d.fact("1015", "award.count", 1015, award="lao_dong_tien_tien", recipient="ca_nhan", unit="count")
    d.part_of(d.fact("92%", "award.direct_worker_share", 92, award="lao_dong_tien_tien", unit="percent"), t)
    assert findings(warehouse(tmp_path, d), "sum_mismatch") == []


AWARD_TABLE = [
    ["TT", "Hình thức", "Tập thể", "Cá nhân"],
    ["1", "Bằng khen của Thủ tướng Chính phủ", "2", "5"],
    ["2", "Bằng khen của Chủ tịch UBND tỉnh", "21", "25"],
    ["3", "Giấy khen của Chủ tịch UBND huyện", "154", "372"],
    ["", "Tổng cộng", "177", "402"],
]


def table_doc(rows):
    d = Doc("t.txt", meta(period="2022", district="Trùng Khánh", province="Cao Bằng"))
    d.para("Bảng tổng hợp kết quả khen thưởng năm 2022").table(rows)
    awards = [None, "bang_khen_thu_tuong", "bang_khen_cap_bo_tinh", "giay_khen_cap_huyen", None]
    for ri in range(1, len(rows)):
        for ci, rec in ((2, "tap_the"), (3, "ca_nhan")):
            d.cell_fact(0, ri, ci, "award.count", float(rows[ri][ci]), unit="count", recipient=rec,
                        award=awards[ri] or "khen_thuong")
    return d


def test_table_total_row_that_adds_up(tmp_path):
    assert findings(warehouse(tmp_path, table_doc(AWARD_TABLE)), "sum_mismatch") == []


def test_table_total_row_that_does_not(tmp_path):
    rows = [list(r) for r in AWARD_TABLE]
    rows[4][3] = "412"
    found = findings(warehouse(tmp_path, table_doc(rows)), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in found] == [(412.0, 402.0)]
    assert "Tổng cộng" in found[0]["message"] or "412" in found[0]["message"]


# Genre report g05 (Cao Lộc, 2021): an award table with a "Cộng" column and a
# "Tổng cộng" row, whose total row the fact rules do not read.
CAO_LOC = [
    ["TT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Cộng"],
    ["1", "Bằng khen của Thủ tướng Chính phủ", "01", "01", "02"],
    ["2", "Cờ thi đua của UBND tỉnh", "02", "-", "02"],
    ["3", "Bằng khen của Chủ tịch UBND tỉnh", "11", "19", "30"],
    ["9", "Giấy khen của Chủ tịch UBND huyện", "97", "215", "312"],
    ["", "Tổng cộng", "111", "235", "346"],
]


def cao_loc(rows):
    d = Doc("g05.txt", meta(period="2021", district="Cao Lộc", province="Lạng Sơn"))
    d.para("III. KẾT QUẢ KHEN THƯỞNG").table(rows)
    awards = [None, "bang_khen_thu_tuong", "co_thi_dua_cap_bo_tinh", "bang_khen_cap_bo_tinh", "giay_khen_cap_huyen"]
    for ri in range(1, 5):
        for ci, rec in ((2, "tap_the"), (3, "ca_nhan")):
            if rows[ri][ci] != "-":
                d.cell_fact(0, ri, ci, "award.count", float(rows[ri][ci]), unit="count", recipient=rec,
                            award=awards[ri])
    return d


def test_total_row_and_column_read_from_cells(tmp_path):
    assert findings(warehouse(tmp_path, cao_loc(CAO_LOC)), "sum_mismatch") == []


def test_planted_total_row_cell(tmp_path):
    rows = [list(r) for r in CAO_LOC]
    rows[5][3] = "245"
    found = findings(warehouse(tmp_path, cao_loc(rows)), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in found] == [(245.0, 235.0)]
    assert "Cá nhân" in found[0]["message"] and len(found[0]["fact_ids"]) == 3


def test_planted_row_total_column(tmp_path):
    rows = [list(r) for r in CAO_LOC]
    rows[3][4] = "31"
    found = findings(warehouse(tmp_path, cao_loc(rows)), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in found] == [(31.0, 30.0)]
    assert "Bằng khen của Chủ tịch UBND tỉnh" in found[0]["message"]


S_MULTI = ("Theo kết quả rà soát cuối năm 2023, tỷ lệ nghèo đa chiều của huyện là 45,12% (5.214 hộ), trong đó hộ "
           "nghèo 3.468 hộ, chiếm 30,01%; hộ cận nghèo {near} hộ, chiếm 15,11%.")


def multidim_doc(near="1.746"):
    d = Doc("m.txt", meta(period="2023", district="Hạ Lang", province="Cao Bằng")).para(S_MULTI.format(near=near))
    p = dict(period="2023")
    d.fact("45,12%", "poverty.multidim_rate", 45.12, unit="percent", **p)
    d.fact("5.214", "poverty.multidim_households", 5214, unit="household", **p)
    d.fact("3.468", "poverty.poor_households", 3468, unit="household", **p)
    d.fact("30,01%", "poverty.poor_rate", 30.01, unit="percent", **p)
    d.fact(near, "poverty.near_poor_households", float(near.replace(".", "")), unit="household", **p)
    d.fact("15,11%", "poverty.near_poor_rate", 15.11, unit="percent", **p)
    return d


def test_multidimensional_poverty_is_poor_plus_near_poor(tmp_path):
    assert findings(warehouse(tmp_path, multidim_doc()), "sum_mismatch") == []


def test_planted_multidimensional_count(tmp_path):
    rows = findings(warehouse(tmp_path, multidim_doc("1.756")), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in rows] == [(5214.0, 5224.0)]


def test_counts_off_by_one_are_a_mismatch(tmp_path):
    """Counts have no rounding: 05 + 03 cá nhân under a total of 09 is wrong."""
    d = Doc("tt.txt", meta(issuer="UBND huyện Quỳ Hợp", district="Quỳ Hợp", province="Nghệ An", period="2024"))
    d.para("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể và 09 cá nhân, cụ thể:")
    d.para("a) Hoàn thành xuất sắc nhiệm vụ năm 2024: 03 tập thể, 05 cá nhân;", "list_item")
    d.para("b) Thành tích trong phong trào thi đua “Dân vận khéo”: 02 tập thể, 03 cá nhân.", "list_item")
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", status="proposed", period="2024")
    tt = d.fact("05 tập thể", value=5, recipient="tap_the", **bk)
    cn = d.fact("09 cá nhân", value=9, recipient="ca_nhan", **bk)
    d.part_of(d.fact("03 tập thể", value=3, recipient="tap_the", **bk), tt)
    d.part_of(d.fact("05 cá nhân", value=5, recipient="ca_nhan", after="a)", **bk), cn)
    d.part_of(d.fact("02 tập thể", value=2, recipient="tap_the", **bk), tt)
    d.part_of(d.fact("03 cá nhân", value=3, recipient="ca_nhan", after="b)", **bk), cn)
    rows = findings(warehouse(tmp_path, d), "sum_mismatch")
    assert [(r["observed"], r["expected"]) for r in rows] == [(9.0, 8.0)]


def test_start_of_year_poor_are_not_a_part_of_the_multidimensional_total(tmp_path):
    d = Doc("m.txt", meta(issuer="UBND huyện Ba Tơ", district="Ba Tơ", province="Quảng Ngãi", period="2024"))
    d.para("Đầu năm 2024, toàn huyện có 2.410 hộ nghèo. Cuối năm, hộ cận nghèo còn 1.530 hộ. Tổng số hộ nghèo và "
           "cận nghèo là 3.290 hộ.")
    p = dict(unit="household", period="2024")
    d.fact("2.410", "poverty.poor_households", 2410, **p)
    d.fact("1.530", "poverty.near_poor_households", 1530, **p)
    d.fact("3.290", "poverty.multidim_households", 3290, **p)
    assert findings(warehouse(tmp_path, d), "sum_mismatch") == []


def test_group_subtotals_cong_i_cong_ii_are_totals_of_their_group_not_parts_of_the_grand_total(tmp_path):
    rows = [["TT", "Hình thức", "Tập thể", "Cá nhân"],
            ["1", "Bằng khen của Thủ tướng Chính phủ", "2", "5"],
            ["2", "Bằng khen của Chủ tịch UBND tỉnh", "21", "25"],
            ["", "Cộng I", "23", "30"],
            ["3", "Giấy khen của Chủ tịch UBND huyện", "154", "372"],
            ["4", "Giấy khen của Chủ tịch UBND huyện (chuyên đề)", "10", "20"],
            ["", "Cộng II", "164", "392"],
            ["", "Tổng cộng (I + II)", "187", "422"]]
    def grouped_doc(name):
        d = Doc(name, meta(period="2022", district="Trùng Khánh", province="Cao Bằng"))
        d.para("Bảng tổng hợp kết quả khen thưởng năm 2022").table(rows)
        for ri in range(1, len(rows)):
            for ci, rec in ((2, "tap_the"), (3, "ca_nhan")):
                d.cell_fact(0, ri, ci, "award.count", float(rows[ri][ci]), unit="count", recipient=rec,
                            award="khen_thuong")
        return d
    assert findings(warehouse(tmp_path, grouped_doc("g.txt")), "sum_mismatch") == []
    rows[6][3] = "382"      # Cộng II of its 372 + 20 written 382
    got = {(r["observed"], r["expected"]) for r in findings(warehouse(tmp_path / "b", grouped_doc("g2.txt")), "sum_mismatch")}
    assert (382.0, 392.0) in got
