"""Per-unit and per-year metric tables, and award tables by year with a status or a granter in
their headers: passages of our own wording in the shapes district and cluster reports use."""
from rules_support import extract_text, pick


def _cells(ex, metric):
    return sorted((f.subject or "", f.period, f.value, f.of_total, f.qualifier)
                  for f in ex.facts if f.metric == metric and f.table_index is not None)


def test_a_bare_rate_column_takes_the_topic_of_the_count_before_it():
    text = ("Kết quả rà soát hộ nghèo cuối năm 2022 của từng xã:\n\n"
            "| TT | Xã, thị trấn | Tổng số hộ | Hộ nghèo | Tỷ lệ (%) | Hộ cận nghèo | Tỷ lệ (%) |\n"
            "|---|---|---|---|---|---|---|\n"
            "| 1 | Xã Tân An | 1.200 | 300 | 25,00 | 120 | 10,00 |\n"
            "| 2 | Thị trấn Phú Mỹ | 800 | 100 | 12,50 | 40 | 5,00 |\n"
            "|  | Toàn huyện | 2.000 | 400 | 20,00 | 160 | 8,00 |\n")
    ex = extract_text(text, period="2022")
    assert _cells(ex, "poverty.poor_rate") == [("", "2022", 20.0, None, None), ("Phú Mỹ", "2022", 12.5, None, None),
                                               ("Tân An", "2022", 25.0, None, None)]
    assert _cells(ex, "poverty.near_poor_rate") == [("", "2022", 8.0, None, None),
                                                    ("Phú Mỹ", "2022", 5.0, None, None),
                                                    ("Tân An", "2022", 10.0, None, None)]
    assert [f.unit for f in pick(ex.facts, metric="poverty.near_poor_rate")] == ["percent"] * 3
    # the total number of households is no poverty figure
    assert not pick(ex.facts, value=1200.0)


def test_a_rate_column_after_a_column_that_is_no_count_stays_unread():
    text = ("| Khu phố | Tổng số hộ | Hộ đạt gia đình văn hóa | Tỷ lệ (%) |\n|---|---|---|---|\n"
            "| Khu phố 1 | 500 | 480 | 96,00 |\n| Khu phố 2 | 400 | 390 | 97,50 |\n")
    ex = extract_text(text, period="2024")
    assert not [f for f in ex.facts if f.metric.startswith("poverty.")]


def test_two_header_rows_and_a_row_of_column_numbers():
    text = ("Tình hình hộ nghèo cuối năm 2021 theo từng xã:\n\n"
            "| TT | Xã | Hộ nghèo | | Hộ cận nghèo | |\n|---|---|---|---|---|---|\n"
            "| | | Số hộ | Tỷ lệ (%) | Số hộ | Tỷ lệ (%) |\n"
            "| (1) | (2) | (3) | (4) | (5) | (6) |\n"
            "| 1 | Xã Hòa Bình | 52 | 4,10 | 33 | 2,60 |\n")
    ex = extract_text(text, period="2021")
    got = sorted((f.metric, f.value) for f in ex.facts if f.table_index is not None)
    assert got == [("poverty.near_poor_households", 33), ("poverty.near_poor_rate", 2.6),
                   ("poverty.poor_households", 52), ("poverty.poor_rate", 4.1)]
    assert {f.subject for f in ex.facts if f.table_index is not None} == {"Hòa Bình"}


def test_ntm_columns_of_a_per_district_table():
    text = ("Bảng 1. Một số chỉ tiêu năm 2023 của các huyện trong Cụm\n\n"
            "TT\tĐơn vị\tTỷ lệ hộ nghèo (%)\tXã đạt chuẩn NTM (lũy kế)\tXã đạt chuẩn có thêm trong năm\tBình quân tiêu chí/xã\n"
            "1\tHuyện Sông Lam\t12,40\t8/21\t02\t15,6\n"
            "2\tThị xã Bến Đá\t3,15\t5/6\t-\t18,2\n"
            "\tToàn Cụm\t-\t13/27\t02\t-\n")
    ex = extract_text(text, period="2023")
    assert _cells(ex, "ntm.communes_standard") == [
        ("", "2023", 2.0, None, "tăng thêm"), ("", "2023", 13.0, 27.0, None),
        ("Bến Đá", "2023", 5.0, 6.0, None), ("Sông Lam", "2023", 2.0, None, "tăng thêm"),
        ("Sông Lam", "2023", 8.0, 21.0, None)]
    assert _cells(ex, "ntm.avg_criteria") == [("Bến Đá", "2023", 18.2, None, None),
                                              ("Sông Lam", "2023", 15.6, None, None)]
    assert {f.unit for f in ex.facts if f.metric == "ntm.avg_criteria"} == {"criterion"}
    assert _cells(ex, "poverty.poor_rate") == [("Bến Đá", "2023", 3.15, None, None),
                                               ("Sông Lam", "2023", 12.4, None, None)]


def test_a_table_whose_rows_are_years():
    text = ("Kết quả xây dựng nông thôn mới qua các năm:\n\n"
            "| Năm | Số xã đạt chuẩn tăng thêm | Số xã đạt chuẩn (lũy kế) | Tỷ lệ (%) | "
            "Xã đạt chuẩn NTM nâng cao (lũy kế) | Bình quân tiêu chí/xã |\n|---|---|---|---|---|---|\n"
            "| 2019 (đầu kỳ) | - | 03/12 | 25,00 | - | 13,1 |\n"
            "| 2020 | 02 | 05/12 | 41,67 | 01 | 14,2 |\n"
            "| Cộng | 02 | | | | |\n")
    ex = extract_text(text, period="2019-2020")
    std = _cells(ex, "ntm.communes_standard")
    assert std == [("", "2019", 3.0, 12.0, None), ("", "2020", 2.0, None, "tăng thêm"),
                   ("", "2020", 5.0, 12.0, None)]
    # the rate beside a fraction is the percent the writer computed from it
    assert [f.stated_percent for f in ex.facts if f.metric == "ntm.communes_standard" and f.of_total] == [25.0, 41.67]
    assert _cells(ex, "ntm.communes_advanced") == [("", "2020", 1.0, None, None)]
    assert _cells(ex, "ntm.avg_criteria") == [("", "2019", 13.1, None, None), ("", "2020", 14.2, None, None)]


def test_award_table_by_year_with_the_status_in_each_column():
    text = ("Kết quả công nhận danh hiệu năm 2022 và đề nghị của Hội đồng đối với năm 2023 như sau:\n\n"
            "TT\tDanh hiệu\tNăm 2022 (đã công nhận)\tNăm 2023 (đề nghị)\n"
            "1\tTập thể lao động xuất sắc\t05\t06\n"
            "2\tLao động tiên tiến\t210\t224\n"
            "3\tTỷ lệ Chiến sĩ thi đua cơ sở/Lao động tiên tiến (%)\t14\t15\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.award, f.period, f.status, f.value) for f in ex.facts)
    assert got == [("lao_dong_tien_tien", "2022", None, 210), ("lao_dong_tien_tien", "2023", "proposed", 224),
                   ("tap_the_lao_dong_xuat_sac", "2022", None, 5),
                   ("tap_the_lao_dong_xuat_sac", "2023", "proposed", 6)]


def test_award_table_rows_name_their_granter_after_bch_or_btv():
    text = ("Năm 2023, các cấp Hội được khen thưởng như sau:\n\n"
            "| TT | Hình thức khen thưởng | Tập thể | Cá nhân | Cộng |\n|---|---|---|---|---|\n"
            "| 1 | Bằng khen của Chủ tịch UBND tỉnh | 01 | 02 | 03 |\n"
            "| 2 | Bằng khen của Trung ương Hội Nông dân Việt Nam | 02 | 04 | 06 |\n"
            "| 3 | Cờ thi đua của BCH Hội Nông dân tỉnh | 03 | - | 03 |\n"
            "| 4 | Bằng khen của BTV Hội Nông dân tỉnh | 11 | 25 | 36 |\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.award, f.recipient, f.value, f.granter) for f in ex.facts)
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 2, "Chủ tịch UBND tỉnh"),
                   ("bang_khen_cap_bo_tinh", "ca_nhan", 4, "Trung ương Hội Nông dân Việt Nam"),
                   ("bang_khen_cap_bo_tinh", "tap_the", 1, "Chủ tịch UBND tỉnh"),
                   ("bang_khen_cap_bo_tinh", "tap_the", 2, "Trung ương Hội Nông dân Việt Nam"),
                   ("bang_khen_khac", "ca_nhan", 25, "Hội Nông dân tỉnh"),
                   ("bang_khen_khac", "tap_the", 11, "Hội Nông dân tỉnh"),
                   ("co_thi_dua_khac", "tap_the", 3, "Hội Nông dân tỉnh")]


def test_a_table_with_an_indicator_in_each_row_and_a_year_in_each_column():
    text = ("Chỉ tiêu toàn huyện\n\n"
            "| Chỉ tiêu | Đơn vị tính | 2020 | 2021 | 2022 | 2023 |\n"
            "|---|---|---|---|---|---|\n"
            "| Tổng số hộ | hộ | 10.000 | 10.200 | 10.400 | |\n"
            "| Số hộ nghèo | hộ | 820 | 714 | 600 | |\n"
            "| Tỷ lệ hộ nghèo | % | 8,20 | 7,00 | 5,77 | |\n")
    ex = extract_text(text, period="2023")
    assert _cells(ex, "poverty.poor_households") == [("", "2020", 820, 10000, None), ("", "2021", 714, 10200, None),
                                                     ("", "2022", 600, 10400, None)]
    assert [(f.period, f.value, f.status, f.period_source) for f in ex.facts if f.metric == "poverty.poor_rate"] == [
        ("2020", 8.2, None, "column"), ("2021", 7.0, None, "column"), ("2022", 5.77, None, "column")]
    # each year's count states the rate under it (7,00 is checked against 714/10.200 = 7,0)
    assert [f.stated_percent for f in pick(ex.facts, metric="poverty.poor_households")] == [8.2, 7.0, 5.77]


def test_a_statistics_page_copied_as_text_is_a_table_read_from_its_first_year():
    text = ("Chỉ tiêu ĐVT 2019 2020 2021 2022\n"
            "Số hộ nghèo hộ 1250.00 1104.00 980.00\n"
            "Tỷ lệ hộ nghèo % 9.12 8.05 7.10\n")
    ex = extract_text(text, period="2022")
    got = sorted((f.metric, f.period, f.value) for f in ex.facts if f.table_index is not None)
    assert got == [("poverty.poor_households", "2019", 1250), ("poverty.poor_households", "2020", 1104),
                   ("poverty.poor_households", "2021", 980), ("poverty.poor_rate", "2019", 9.12),
                   ("poverty.poor_rate", "2020", 8.05), ("poverty.poor_rate", "2021", 7.1)]
