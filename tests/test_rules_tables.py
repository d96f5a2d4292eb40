"""Indicator tables, award tables and per-unit metric tables, on the seeds and the genre set."""
from rules_support import extract_text, pick, read_corpus

INDICATORS_002 = "\n".join([
    "TT\tChỉ tiêu\tĐơn vị tính\tMục tiêu\tKết quả\t",
    "\t\t\t\tƯớc thực hiện đến hết năm 2020\t% so với mục tiêu",
    "3\tGiá trị sản xuất nông nghiệp/ha\ttriệu đồng\t34\t36,88\t109",
    "\t- Vùng thấp\ttriệu đồng\t60\t63,70\t106",
    "4\tTổng sản lượng lương thực có hạt\ttấn\t17.68\t17.889\t102",
    "5\tDiện tích thuốc lá\tha\t650-700\t581,4\t83",
    "12\tTập huấn, đào tạo nghề mỗi năm trên\tngười\t800\t1.95\t244",
    "13\tSố hộ được xem truyền hình\t%\t> 95\t97\t102",
    "22\tKết nạp đảng viên mỗi năm\tđảng viên\t150\t1.020/750\t136",
]) + "\n"


def _rows(ex):
    out = {}
    for f in ex.facts:
        if f.metric.startswith("indicator."):
            out.setdefault(f.label, {})[f.metric.split(".")[1]] = f
    return out


def test_indicator_rows_resolve_numbers_with_the_row_arithmetic():
    rows = _rows(extract_text(INDICATORS_002, period="2015-2020"))
    v = {k: {m: f.value for m, f in r.items()} for k, r in rows.items()}
    assert v["Vùng thấp"] == {"target": 60, "result": 63.7, "percent_of_target": 106}
    assert rows["Vùng thấp"]["target"].qualifier == "Giá trị sản xuất nông nghiệp/ha"
    # '17.68' next to '17.889' and 102 %: the writer dropped a zero
    food = rows["Tổng sản lượng lương thực có hạt"]
    assert food["target"].value == 17680 and food["target"].raw == "17.68"
    assert food["target"].confidence < 1 and food["target"].note
    assert food["result"].value == 17889
    # '1.95' people against a target of 800 at 244 %: 1 950
    assert rows["Tập huấn, đào tạo nghề mỗi năm trên"]["result"].value == 1950
    # a range target takes the end the percent was computed from; a bound keeps its sign
    tobacco = rows["Diện tích thuốc lá"]["target"]
    assert (tobacco.value, tobacco.bound, tobacco.value_low, tobacco.value_high) == (700, "range", 650, 700)
    tv = rows["Số hộ được xem truyền hình"]["target"]
    assert (tv.value, tv.bound) == (95, ">")
    # '1.020/750' achieved of a cumulative target
    party = {m: f.value for m, f in rows["Kết nạp đảng viên mỗi năm"].items()}
    assert party == {"target": 750, "result": 1020, "percent_of_target": 136}
    for r in rows.values():
        units = {f.unit for m, f in r.items() if m != "percent_of_target"}
        assert len(units) == 1 and None not in units


def test_units_written_in_the_target_cell():
    text = "\n".join([
        "STT\tCác chỉ tiêu\tMục tiêu\tThực hiện\tTỷ lệ %\tGhi chú",
        "1\tThu nhập bình quân đầu người\t21 triệu đồng/năm\t21.00\t100\t",
        "3\tTổng sản lượng lương thực có hạt\t>13.000 tấn\t13.10\t101\t",
        "8\tTỷ lệ tăng dân số tự nhiên\t1%/ năm\t9,2\t920\t",
    ]) + "\n"
    rows = _rows(extract_text(text))
    income = rows["Thu nhập bình quân đầu người"]
    assert (income["target"].value, income["target"].unit, income["result"].value) == (21, "triệu đồng/năm", 21)
    food = rows["Tổng sản lượng lương thực có hạt"]
    assert (food["target"].value, food["target"].bound, food["result"].value) == (13000, ">", 13100)
    assert rows["Tỷ lệ tăng dân số tự nhiên"]["target"].unit == "%/năm"


def test_a_plans_table_of_targets_only():
    text = "\n".join([
        "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 | Ghi chú |",
        "|---|---|---|---|---|",
        "| 1 | Tốc độ tăng trưởng giá trị sản xuất | % | 6,5 | |",
        "| 3 | Tổng sản lượng lương thực có hạt | tấn | ≥ 38.000 | |",
    ]) + "\n"
    ex = extract_text(text, period="2024")
    got = sorted((f.metric, f.label, f.value) for f in ex.facts)
    assert got == [("indicator.target", "Tốc độ tăng trưởng giá trị sản xuất", 6.5),
                   ("indicator.target", "Tổng sản lượng lương thực có hạt", 38000)]


def test_award_table_by_recipient_columns_takes_the_period_of_its_lead():
    text = ("Kết quả khen thưởng chung năm 2021 như sau:\n\n"
            "| TT | Hình thức khen thưởng | Tập thể | Cá nhân | Cộng |\n|---|---|---|---|---|\n"
            "| 1 | Bằng khen của Thủ tướng Chính phủ | 01 | 01 | 02 |\n"
            "| 2 | Cờ thi đua của UBND tỉnh | 02 | - | 02 |\n"
            "| 5 | Bằng khen của các đoàn thể tỉnh¹ | 04 | 09 | 13 |\n"
            "| | Tổng cộng | 07 | 10 | 17 |\n")
    ex = extract_text(text, period="2022")
    got = sorted((f.award, f.recipient, f.value, f.period) for f in ex.facts)
    assert got == [("bang_khen_khac", "ca_nhan", 9, "2021"), ("bang_khen_khac", "tap_the", 4, "2021"),
                   ("bang_khen_thu_tuong", "ca_nhan", 1, "2021"), ("bang_khen_thu_tuong", "tap_the", 1, "2021"),
                   ("co_thi_dua_cap_bo_tinh", "tap_the", 2, "2021")]
    assert all(f.table_index == 0 and f.row_index is not None for f in ex.facts)


def test_award_table_by_year_rows_and_its_total_row():
    text = ("| Năm | Cờ thi đua của UBND tỉnh | Bằng khen của Chủ tịch UBND tỉnh (cá nhân) |\n|---|---|---|\n"
            "| 2016 | 38 | 986 |\n| 2017 | 41 | 1.042 |\n| Tổng cộng | 79 | 2.028 |\n")
    ex = extract_text(text, period="2016-2020")
    got = sorted((f.award, f.recipient, f.period, f.value) for f in ex.facts)
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", "2016", 986), ("bang_khen_cap_bo_tinh", "ca_nhan", "2016-2017", 2028),
                   ("bang_khen_cap_bo_tinh", "ca_nhan", "2017", 1042), ("co_thi_dua_cap_bo_tinh", "tap_the", "2016", 38),
                   ("co_thi_dua_cap_bo_tinh", "tap_the", "2016-2017", 79), ("co_thi_dua_cap_bo_tinh", "tap_the", "2017", 41)]


def test_poverty_table_per_commune():
    text = ("Theo kết quả rà soát cuối năm 2022 (chuẩn nghèo đa chiều giai đoạn 2022 - 2025), kết quả cụ thể "
            "từng xã, thị trấn như sau:\n\n"
            "| TT | Xã, thị trấn | Hộ nghèo (hộ) | Tỷ lệ hộ nghèo (%) | Hộ cận nghèo (hộ) | Tỷ lệ hộ cận nghèo (%) |\n"
            "|---|---|---|---|---|---|\n"
            "| 1 | Thị trấn Yên Phú | 87 | 6,00 | 72 | 4,97 |\n"
            "| | Toàn huyện | 3.264 | 27,35 | 1.732 | 14,51 |\n")
    ex = extract_text(text, period="2022")
    got = sorted((f.metric, f.subject or "", f.value, f.period) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.near_poor_households", "", 1732, "2022"), ("poverty.near_poor_households", "Yên Phú", 72, "2022"),
                   ("poverty.near_poor_rate", "", 14.51, "2022"), ("poverty.near_poor_rate", "Yên Phú", 4.97, "2022"),
                   ("poverty.poor_households", "", 3264, "2022"), ("poverty.poor_households", "Yên Phú", 87, "2022"),
                   ("poverty.poor_rate", "", 27.35, "2022"), ("poverty.poor_rate", "Yên Phú", 6.0, "2022")]


def test_the_002_tables_from_the_pdf_carry_pages_and_cells():
    doc, ex = read_corpus("002_0e22d76ab771f56c.pdf")
    ind = [f for f in ex.facts if f.metric.startswith("indicator.")]
    assert len(ind) >= 150
    for f in ind:
        assert f.page is not None and f.table_index is not None and f.row_index is not None
        assert doc.text[f.char_start:f.char_end] == f.raw
        assert f.text == doc.text[doc.blocks[f.block_index].rows[f.row_index].start:
                                  doc.blocks[f.block_index].rows[f.row_index].end]


def test_a_statistics_table_dates_each_family_of_columns_by_its_header_or_the_sentence_restating_it():
    text = ("Theo kết quả rà soát cuối năm 2023, tỷ lệ hộ nghèo bình quân của Cụm là 2,10%.\n\n"
            "Biểu: Kết quả chủ yếu của các đơn vị (tính đến ngày 30/6/2024)\n"
            "TT | Đơn vị | Số hộ nghèo cuối năm 2023 | Tỷ lệ hộ nghèo (%) | Xã đạt chuẩn NTM nâng cao (lũy kế)\n"
            "1 | Huyện An Lão | 410 | 2,30 | 3\n"
            "2 | Huyện Hoài Ân | 380 | 1,90 | 5\n"
            " | Tổng | 790 | 2,10 | 8\n")
    ex = extract_text(text, period="2024-H1")
    got = {(f.metric, f.subject): (f.period, f.period_source) for f in ex.facts if f.table_index is not None}
    assert got[("poverty.poor_households", "An Lão")] == ("2023", "column")
    # the rate column names no year: it is the rate of the count column it follows
    assert got[("poverty.poor_rate", "Hoài Ân")] == ("2023", "column")
    assert got[("ntm.communes_advanced", "An Lão")] == ("2024-H1", "lead_in")


def test_commendation_columns_of_a_statistics_table_take_the_award_the_text_gives_their_total():
    text = ("Biểu: Kết quả chủ yếu của các đơn vị (tính đến ngày 30/6/2024)\n"
            "TT | Đơn vị | Số hộ nghèo | Khen thưởng 6 tháng - Tập thể | Khen thưởng 6 tháng - Cá nhân\n"
            "1 | Huyện An Lão | 410 | 31 | 95\n"
            "2 | Huyện Hoài Ân | 380 | 22 | 60\n"
            " | Tổng | 790 | 53 | 155\n\n"
            "Sáu tháng đầu năm 2024, các đơn vị đã khen thưởng theo thẩm quyền (Giấy khen của Chủ tịch UBND cấp huyện) "
            "cho 53 tập thể, 155 cá nhân.\n")
    ex = extract_text(text, period="2024-H1")
    got = sorted((f.subject or "", f.recipient, f.value, f.award) for f in ex.facts
                 if f.metric == "award.count" and f.table_index is not None)
    assert got == [("", "ca_nhan", 155, "giay_khen_cap_huyen"), ("", "tap_the", 53, "giay_khen_cap_huyen"),
                   ("An Lão", "ca_nhan", 95, "giay_khen_cap_huyen"), ("An Lão", "tap_the", 31, "giay_khen_cap_huyen"),
                   ("Hoài Ân", "ca_nhan", 60, "giay_khen_cap_huyen"), ("Hoài Ân", "tap_the", 22, "giay_khen_cap_huyen")]


def test_a_units_households_column_is_the_total_its_counts_are_shares_of():
    # own wording: a per-commune table with the households of each commune; a wrong rate is checkable
    text = ("Kết quả rà soát hộ nghèo năm 2023 như sau:\n\n"
            "TT | Xã | Tổng số hộ | Hộ nghèo | Tỷ lệ hộ nghèo (%) | Hộ cận nghèo | Tỷ lệ hộ cận nghèo (%)\n"
            "1 | Xã Ea Tiêu | 2.000 | 100 | 5,00 | 60 | 3,00\n"
            "2 | Xã Hòa Hiệp | 1.500 | 90 | 9,60 | 45 | 3,00\n"
            " | Toàn huyện | 3.500 | 190 | 5,43 | 105 | 3,00\n")
    facts = extract_text(text, period="2023").facts
    got = sorted((f.subject or "", f.metric, f.value, f.of_total, f.stated_percent) for f in facts
                 if f.metric.endswith("_households"))
    assert got == [("", "poverty.near_poor_households", 105, 3500, 3.0), ("", "poverty.poor_households", 190, 3500, 5.43),
                   ("Ea Tiêu", "poverty.near_poor_households", 60, 2000, 3.0),
                   ("Ea Tiêu", "poverty.poor_households", 100, 2000, 5.0),
                   ("Hòa Hiệp", "poverty.near_poor_households", 45, 1500, 3.0),
                   ("Hòa Hiệp", "poverty.poor_households", 90, 1500, 9.6)]


STAGES = ("Kết quả xét khen thưởng năm 2022 như sau:\n\n"
          "TT | Hình thức khen thưởng | Phòng đề nghị | Phòng đề nghị | Hội đồng TĐKT huyện thống nhất | "
          "Hội đồng TĐKT huyện thống nhất\n"
          "TT | Hình thức khen thưởng | Tập thể | Cá nhân | Tập thể | Cá nhân\n"
          "1 | Bằng khen của Chủ tịch UBND tỉnh | 08 | 21 | 06 | 19\n"
          "2 | Giấy khen của Chủ tịch UBND huyện | 40 | 115 | 40 | 110\n"
          " | Tổng cộng | 48 | 136 | 46 | 129\n\n"
          "Trên cơ sở đó, Chủ tịch UBND huyện đã tặng Giấy khen cho 40 tập thể và 110 cá nhân.")


def test_an_award_table_of_stages_reads_the_recipients_under_each_stage():
    facts = [f for f in extract_text(STAGES, period="2022").facts if f.metric == "award.count"]
    got = sorted((f.award, f.recipient, f.value, f.qualifier, f.status) for f in facts if f.table_index is not None)
    assert ("bang_khen_cap_bo_tinh", "ca_nhan", 21, "Phòng đề nghị", "proposed") in got
    assert ("bang_khen_cap_bo_tinh", "ca_nhan", 19, "Hội đồng TĐKT huyện thống nhất", "proposed") in got
    # the sentence telling how the council's stage ended is that column's cells: one fact each, granted
    gk = [f for f in facts if f.award == "giay_khen_cap_huyen" and f.value in (40, 110)
          and f.qualifier != "Phòng đề nghị"]
    assert sorted((f.value, f.table_index is not None, f.status) for f in gk) == [(40, True, None), (110, True, None)]
    assert len(got) == 8


def test_award_table_of_one_award_named_in_its_caption():
    # own wording: the caption names the award; the rows are the movements it rewarded
    text = ("Bảng 2. Giấy khen của Ban Chấp hành Đoàn huyện năm 2022 theo nội dung thi đua\n\n"
            "| TT | Nội dung thi đua | Tập thể | Cá nhân |\n|---|---|---|---|\n"
            "| 1 | Phong trào Thanh niên tình nguyện | 07 | 19 |\n"
            "| 2 | Phong trào Tuổi trẻ sáng tạo | 03 | 11 |\n"
            "| | Tổng cộng | 10 | 30 |\n")
    ex = extract_text(text)
    got = sorted((f.award, f.recipient, f.value, f.period, f.qualifier) for f in ex.facts)
    assert got == [("giay_khen", "ca_nhan", 11, "2022", "Phong trào Tuổi trẻ sáng tạo"),
                   ("giay_khen", "ca_nhan", 19, "2022", "Phong trào Thanh niên tình nguyện"),
                   ("giay_khen", "tap_the", 3, "2022", "Phong trào Tuổi trẻ sáng tạo"),
                   ("giay_khen", "tap_the", 7, "2022", "Phong trào Thanh niên tình nguyện")]
