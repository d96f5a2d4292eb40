"""Conflict checks end to end: real report text -> readers -> rules -> warehouse ->
checks.  These are the traps a per-place table and a merged-issuer award code set
for the conflict check when the facts come from the real rules."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.checks import run_checks
from pipeline.ingest import ingest
from warehouse import connect

HEAD = """ỦY BAN NHÂN DÂN
QUẬN {upper}

Số: {number}/BC-UBND

{district}, ngày {day} tháng 12 năm 2023

BÁO CÁO
Tổng kết công tác thi đua, khen thưởng năm 2023

Kính gửi: Ban Thi đua - Khen thưởng Thành phố Hà Nội.

"""
TAIL = """
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""

DISTRICT = HEAD.format(district="Tây Hồ", upper="TÂY HỒ", number="301", day="20") + """II. CÔNG TÁC KHEN THƯỞNG

Chủ tịch Ủy ban nhân dân quận tặng Giấy khen cho 210 tập thể và 530 cá nhân, trong đó tặng cho tập thể, cá nhân thuộc 3 phường là 21 tập thể, 52 cá nhân. Năm 2023 toàn quận có 15.310 hộ đạt danh hiệu Gia đình văn hóa.

KẾT QUẢ KHEN THƯỞNG NĂM 2023 CỦA CÁC PHƯỜNG:

| TT | Phường | Giấy khen - Tập thể | Giấy khen - Cá nhân | Gia đình văn hóa (hộ) |
|---|---|---|---|---|
| 1 | Bưởi | 08 | 20 | 5.102 |
| 2 | Tây Hồ | 06 | 15 | 4.870 |
| 3 | Nhật Tân | 07 | 17 | 5.338 |
| | Tổng cộng | 21 | 52 | 15.310 |
""" + TAIL

WARD = """UBND QUẬN TÂY HỒ
UBND PHƯỜNG NHẬT TÂN

Số: 77/BC-UBND

Nhật Tân, ngày 05 tháng 12 năm 2023

BÁO CÁO
Kết quả công tác thi đua, khen thưởng năm 2023

Năm 2023 toàn phường có 5.383/5.900 hộ đạt danh hiệu Gia đình văn hóa, đạt 91,2%.
""" + TAIL

UNION = """LIÊN ĐOÀN LAO ĐỘNG TỈNH KON TUM

Số: 45/BC-LĐLĐ

Kon Tum, ngày 15 tháng 12 năm 2023

BÁO CÁO
Tổng kết phong trào thi đua năm 2023

Tổng Liên đoàn Lao động Việt Nam đã tặng Bằng khen cho 09 tập thể, 14 cá nhân.

Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 02 tập thể, 04 cá nhân có thành tích xuất sắc.

Ban Chấp hành Liên đoàn Lao động tỉnh tặng Bằng khen cho 48 tập thể và 112 cá nhân.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH

Trần Văn Bình
"""


def load(tmp_path: Path, **files: str):
    box = tmp_path / "in"
    box.mkdir()
    for name, text in files.items():
        (box / f"{name}.txt").write_text(text, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    ingest([box], con)
    run_checks(con)
    return con


def findings(con: duckdb.DuckDBPyConnection, code: str):
    return con.execute("SELECT d.path, f.expected, f.observed, f.severity FROM findings f JOIN documents d "
                       "USING (doc_id) WHERE check_code = ? ORDER BY 1, 2", [code]).fetchall()


def test_ward_named_like_its_district_is_its_own_unit(tmp_path):
    """Phường Tây Hồ is a row of quận Tây Hồ's table: its 6 tập thể are not the
    district's 210, and the table's total (the wards' part the text restates) is no
    conflict with the district's figure either."""
    con = load(tmp_path, tay_ho=DISTRICT)
    levels = con.execute("SELECT DISTINCT subject_level FROM facts WHERE subject IS NOT NULL").fetchall()
    assert levels == [("commune",)]
    assert findings(con, "conflict_within_doc") == []
    # the rows still add up to their total
    assert findings(con, "sum_mismatch") == []


def test_ward_report_against_the_district_table(tmp_path):
    """The ward's own report (5.383/5.900 hộ) against the district's row for it
    (5.338): one figure with and one without its total are still compared."""
    con = load(tmp_path, tay_ho=DISTRICT, nhat_tan=WARD)
    rows = findings(con, "conflict_across_docs")
    warnings = [r for r in rows if r[3] != "info"]
    assert len(warnings) == 1
    path, expected, observed, _ = warnings[0]
    assert path.endswith("tay_ho.txt") and (expected, observed) == (5383.0, 5338.0)


def test_bang_khen_of_different_granters_is_not_one_figure(tmp_path):
    """Bằng khen figures of one code (cấp bộ/tỉnh), granted by the national union and
    by the province chairman: two figures, no conflict.  The provincial union's own
    Bằng khen is another award."""
    con = load(tmp_path, union=UNION)
    rows = con.execute("SELECT award, granter, value FROM facts WHERE recipient = 'tap_the' "
                       "AND award LIKE 'bang_khen%' ORDER BY value").fetchall()
    assert rows == [("bang_khen_cap_bo_tinh", "Chủ tịch Ủy ban nhân dân tỉnh", 2.0),
                    ("bang_khen_cap_bo_tinh", "Tổng Liên đoàn Lao động Việt Nam", 9.0),
                    ("bang_khen_khac", "Liên đoàn Lao động tỉnh", 48.0)]
    assert findings(con, "conflict_within_doc") == []


BY_YEAR = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG PẮC

Số: 88/BC-UBND

Krông Pắc, ngày 10 tháng 6 năm 2025

BÁO CÁO
Tổng kết công tác thi đua, khen thưởng giai đoạn 2020 - 2025

KẾT QUẢ KHEN THƯỞNG GIAI ĐOẠN 2020 - 2025

| TT | Hình thức khen thưởng | Năm 2020 | Năm 2021 | Năm 2022 | Cộng |
|---|---|---|---|---|---|
| 1 | Bằng khen của Chủ tịch UBND tỉnh - tập thể | 14 | 11 | 16 | 41 |
| 2 | Giấy khen của Chủ tịch UBND huyện - tập thể | 126 | 98 | 141 | 356 |
""" + TAIL


def test_total_column_of_a_table_by_year(tmp_path):
    """Row 2: 126 + 98 + 141 = 365, the "Cộng" column says 356 (read by the rules as the
    period's figure, it is still the row's total); row 1 adds up."""
    con = load(tmp_path, krong_pac=BY_YEAR)
    assert con.execute("SELECT value FROM facts WHERE award = 'giay_khen_cap_huyen' AND col_index = 5").fetchall() \
        == [(356.0,)]
    rows = findings(con, "sum_mismatch")
    assert [(e, o) for _, e, o, _ in rows] == [(365.0, 356.0)]


# A news-like passage: each district's households are written after its counts
BASES = ("UBND tỉnh Tiền Giang công bố kết quả rà soát hộ nghèo năm 2021.\n\n"
         "Huyện Tân Phước hiện có 462 hộ nghèo/18.222 hộ, tỷ lệ 2,54%; 858 hộ cận nghèo/18.222 hộ, tỷ lệ 4,71%. "
         "Huyện Gò Công Tây hiện có 530 hộ nghèo/36.662 hộ, tỷ lệ 1,45%; 649 hộ cận nghèo/36.662 hộ, "
         "tỷ lệ {near}%.\n")


def test_a_rate_against_the_households_written_with_its_count(tmp_path):
    """'649 hộ cận nghèo/36.662 hộ, tỷ lệ 2,14%' is 1,77 %: a percent_mismatch against the written
    base, not a ratio_mismatch inferred from the poor households' rate."""
    con = load(tmp_path, tg=BASES.format(near="2,14"))
    got = [r for r in findings(con, "percent_mismatch") if r[3] != "info"]
    assert [(round(r[1], 2), r[2]) for r in got] == [(1.77, 2.14)]
    assert findings(con, "ratio_mismatch") == []


def test_rates_that_fit_their_written_bases_raise_nothing(tmp_path):
    con = load(tmp_path, tg=BASES.format(near="1,77"))
    assert findings(con, "percent_mismatch") == [] and findings(con, "ratio_mismatch") == []


def test_a_town_and_a_commune_of_one_name_with_their_own_households_are_not_compared(tmp_path):
    """Thị trấn Thới Bình and xã Thới Bình share a name (and a subject), but each row writes its own
    households: 38/4.215 and 90/3.377 are two places, not one place with two bases."""
    text = ("Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023 của huyện Thới Bình (Cà Mau)\n\n"
            "| TT | Đơn vị | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%) | Số hộ cận nghèo | Tỷ lệ (%) |\n"
            "| 1 | Thị trấn Thới Bình | 4.215 | 38 | 0,90 | 61 | 1,45 |\n"
            "| 2 | Xã Biển Bạch | 3.862 | 97 | 2,51 | 118 | 3,06 |\n"
            "| 3 | Xã Thới Bình | 3.377 | 69 | 2,04 | 90 | 2,67 |\n")
    con = load(tmp_path, tb=text)
    assert findings(con, "ratio_mismatch") == [] and findings(con, "percent_mismatch") == []


def test_a_province_and_a_district_of_the_same_name_are_two_units(tmp_path):
    """'Toàn tỉnh' of Phú Thọ and 'Thị xã Phú Thọ' share a name: their counts and rates have two bases."""
    text = ("PhuthoPortal - Ngày 24/1/2017, UBND tỉnh phê duyệt kết quả rà soát hộ nghèo năm 2016.\n\n"
            "| TT | Đơn vị | Tổng số hộ | Hộ nghèo | Tỷ lệ (%) | Hộ cận nghèo | Tỷ lệ (%) |\n"
            "| | Toàn tỉnh | 390.519 | 41.050 | 10,51 | 31.377 | 8,03 |\n"
            "| 1 | Thị xã Phú Thọ | 18.991 | 592 | 3,12 | 635 | 3,34 |\n"
            "| 2 | Huyện Lâm Thao | 30.112 | 1.806 | 6,00 | 1.505 | 5,00 |\n")
    con = load(tmp_path, pt=text)
    assert findings(con, "ratio_mismatch") == []


def test_parts_told_by_kind_of_commendation_after_a_total_add_up(tmp_path):
    """'; trong đó: khen thưởng theo công trạng ..., khen thưởng chuyên đề ...' and ', cụ thể như sau: ...' name
    kinds of commendation, not forms: the parts are of their total's form, and 27 + 16 is not 41."""
    text = ("Năm 2023, Chủ tịch UBND tỉnh tặng Bằng khen cho 20 tập thể và 41 cá nhân; trong đó: khen thưởng theo "
            "công trạng 12 tập thể, 27 cá nhân; khen thưởng chuyên đề, đột xuất 8 tập thể, 16 cá nhân.\n\n"
            "Chủ tịch UBND huyện tặng Giấy khen cho 60 tập thể, 150 cá nhân, cụ thể như sau: khen thưởng theo công "
            "trạng 35 tập thể, 90 cá nhân; khen thưởng chuyên đề 25 tập thể, 60 cá nhân.\n")
    con = load(tmp_path, bk=text)
    assert [(r[1], r[2]) for r in findings(con, "sum_mismatch")] == [(43, 41)]
    awards = con.execute("SELECT award, value FROM facts WHERE metric = 'award.count' ORDER BY char_start").fetchall()
    assert [a for a, v in awards if v in (12, 27, 8, 16)] == ["bang_khen_cap_bo_tinh"] * 4
    assert [a for a, v in awards if v in (35, 90, 25)] == ["giay_khen_cap_huyen"] * 3


def test_a_total_told_with_its_parts_and_again_in_a_table_is_one_figure(tmp_path):
    text = ("Năm 2023, kết quả khen thưởng như sau:\n\n"
            "- Bằng khen của Chủ tịch UBND tỉnh: 30 tập thể và 52 cá nhân; trong đó: khen thưởng theo công trạng 12 "
            "tập thể, 30 cá nhân; khen thưởng chuyên đề 18 tập thể, 24 cá nhân.\n\n"
            "| TT | Hình thức khen thưởng | Tập thể | Cá nhân |\n"
            "| 1 | Bằng khen của Chủ tịch UBND tỉnh | 30 | 52 |\n"
            "| 2 | Giấy khen của Chủ tịch UBND huyện | 120 | 310 |\n")
    con = load(tmp_path, tb=text)
    rows = con.execute("SELECT value, table_index IS NOT NULL FROM facts WHERE metric = 'award.count' "
                       "AND award = 'bang_khen_cap_bo_tinh' AND value IN (30, 52) AND parent_fact_id IS NULL "
                       "ORDER BY value").fetchall()
    assert rows == [(30, True), (52, True)]          # the table's cells, once each
    # the parts point at the table's cell: 30 + 24 is not 52
    assert [(r[1], r[2]) for r in findings(con, "sum_mismatch")] == [(54, 52)]


def test_a_running_total_after_trong_do_is_no_part(tmp_path):
    text = ("Năm 2023, thành phố tổ chức Lễ truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 15 mẹ; trong đó chỉ có mẹ "
            "Lê Thị Hoa hiện còn sống, nâng tổng số mẹ VNAH của thành phố lên 1.274 mẹ (có 64 mẹ còn sống).\n")
    con = load(tmp_path, bm=text)
    assert findings(con, "sum_mismatch") == []


def test_a_fraction_of_communes_and_its_share_of_them(tmp_path):
    text = "Đến hết năm 2023, toàn huyện có 11/17 xã đạt chuẩn nông thôn mới, chiếm 70,6% số xã.\n"
    con = load(tmp_path, nt=text)
    assert [(r[1], r[2]) for r in findings(con, "percent_mismatch")] == [(64.7, 70.6)]
    (tmp_path / "ok").mkdir()
    assert findings(load(tmp_path / "ok", nt=text.replace("70,6", "64,7")), "percent_mismatch") == []


GROUPED = ("Năm 2022, Chủ tịch UBND huyện công nhận danh hiệu Chiến sĩ thi đua cơ sở cho {text} cá nhân.\n\n"
           "Bảng 2. Kết quả khen thưởng năm 2022\n\n"
           "| TT | Hình thức khen thưởng | Tập thể | Cá nhân | Cộng |\n"
           "| I | Khen thưởng cấp tỉnh | 20 | 40 | 60 |\n"
           "| 1 | Cờ thi đua của UBND tỉnh | 5 | - | 5 |\n"
           "| 2 | Bằng khen của Chủ tịch UBND tỉnh | 15 | 40 | 55 |\n"
           "| II | Khen thưởng cấp huyện | 300 | 900 | {group} |\n"
           "| 1 | Tập thể lao động tiên tiến | 120 | - | 120 |\n"
           "| 2 | Chiến sĩ thi đua cơ sở | - | 180 | 180 |\n"
           "| 3 | Giấy khen của Chủ tịch UBND huyện | 180 | 720 | 900 |\n"
           "| | Tổng cộng (I + II) | 320 | 940 | 1.260 |\n")


def test_a_grouped_award_table_adds_up_by_its_groups(tmp_path):
    """Group rows (I, II) are sums of the rows under them; 'Tổng cộng (I + II)' is the sum of the groups,
    not of every row."""
    con = load(tmp_path, r=GROUPED.format(text="180", group="1.200"))
    assert findings(con, "sum_mismatch") == []


def test_a_group_rows_total_column_is_checked_though_the_rules_read_no_award_from_it(tmp_path):
    con = load(tmp_path, r=GROUPED.format(text="180", group="1.020"))
    assert [(r[1], r[2]) for r in findings(con, "sum_mismatch")] == [(1200, 1020)]


def test_the_value_a_tables_column_bears_out_is_the_expected_one(tmp_path):
    """The text says 108, the table 180; the table's group row (900 = 720 + 180) bears 180 out, so the
    text's 108 is the slip (observed), though it comes first."""
    con = load(tmp_path, r=GROUPED.format(text="108", group="1.200"))
    assert [(r[1], r[2]) for r in findings(con, "conflict_within_doc")] == [(180, 108)]


def test_a_total_rows_wrong_cell_is_one_finding_when_its_percent_fits_the_rows(tmp_path):
    """The rows add up to 1.957 and 13,59 % = 1.957/14.396: the total row's 1.975 is the slip, reported
    once by the sum check, not again as a percent that disagrees with it."""
    text = ("Kết quả rà soát hộ nghèo năm 2019 của huyện Sông Hinh\n\n"
            "| TT | Xã | Tổng số hộ | Hộ nghèo | Tỷ lệ (%) |\n"
            "| 1 | Xã Ea Bá | 4.396 | 600 | 13,65 |\n"
            "| 2 | Xã Ea Lâm | 10.000 | 1.357 | 13,57 |\n"
            "| | Toàn huyện | 14.396 | 1.975 | 13,59 |\n")
    con = load(tmp_path, sh=text)
    assert [(r[1], r[2]) for r in findings(con, "sum_mismatch")] == [(1957, 1975)]
    assert findings(con, "percent_mismatch") == []


NO_SLIP = [
    # a total of two statements is not a restatement of either
    pytest.param("conflict_within_doc",
                 "Năm 2022, Giám đốc Sở tặng Giấy khen cho 124 tập thể có thành tích trong năm học; tặng Giấy khen cho "
                 "18 tập thể có thành tích trong phòng, chống dịch.\n\n"
                 "Tổng cộng, trong năm Giám đốc Sở đã tặng Giấy khen cho 142 tập thể.\n", id="total-of-statements"),
    # a "trong đó" bracket inside a listed breakdown details the item before it, not the sentence's total
    pytest.param("sum_mismatch",
                 "Năm 2019, toàn huyện có 40 tập thể được khen thưởng, cụ thể: Chủ tịch UBND tỉnh tặng Bằng khen cho "
                 "03 tập thể; Chủ tịch UBND huyện tặng Giấy khen cho 37 tập thể (trong đó khen thưởng chuyên đề cho "
                 "12 tập thể).\n", id="nested-trong-do"),
]


@pytest.mark.parametrize("code,text", NO_SLIP)
def test_figures_that_agree_raise_nothing(tmp_path, code, text):
    assert findings(load(tmp_path, t=text), code) == []
