"""Poverty and nông thôn mới rules on sentences from the seeds and the genre set."""
import pytest
from rules_support import extract_text, pick


def test_seed_001_poverty_pairs_take_the_year_of_the_survey():
    text = ("Chỉ đạo thực hiện có hiệu quả công tác giảm nghèo trên địa bàn, đảm bảo tỷ lệ giảm nghèo đạt chỉ "
            "tiêu kế hoạch giao: ban hành Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2021 "
            "theo tiêu chuẩn đa chiều giai đoạn 2022-2025: tổng số hộ nghèo 5.858 hộ, tỷ lệ 33,59%; hộ cận "
            "nghèo 2.596 hộ, tỷ lệ 14,88%; báo cáo kết quả rà soát xác định huyện nghèo.\n")
    ex = extract_text(text, period="2022")
    got = sorted((f.metric, f.value, f.period, f.status) for f in ex.facts)
    assert got == [("poverty.near_poor_households", 2596, "2021", None), ("poverty.near_poor_rate", 14.88, "2021", None),
                   ("poverty.poor_households", 5858, "2021", None), ("poverty.poor_rate", 33.59, "2021", None)]


def test_rates_of_named_communes_and_lists_of_them():
    text = ("Điển hình như xã Hoạt Giang hộ nghèo giảm còn (3,7%); xã Hà Vinh giảm còn (3,72%).\n\n"
            "Theo kết quả rà soát cuối năm 2023, tỷ lệ hộ nghèo bình quân toàn Cụm là 2,24%; trong đó Hải Lộc "
            "còn 2,15%, Minh Lộc 1,86%, Hưng Lộc 2,40%.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.subject or "", f.value) for f in pick(ex.facts, metric="poverty.poor_rate"))
    assert got == [("", 2.24), ("Hoạt Giang", 3.7), ("Hà Vinh", 3.72), ("Hưng Lộc", 2.4), ("Hải Lộc", 2.15),
                   ("Minh Lộc", 1.86)]


def test_level_versus_reduction_and_years_attached_to_figures():
    text = ("Nhờ huy động tổng hợp các nguồn lực, tỷ lệ hộ nghèo toàn tỉnh giảm từ 11,72% năm 2016 xuống còn "
            "2,69% năm 2020, bình quân mỗi năm giảm 2,26%.\n")
    ex = extract_text(text, period="2016-2020")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts)
    assert got == [("poverty.poor_rate", 2.69, "2020"), ("poverty.poor_rate", 11.72, "2016"),
                   ("poverty.poor_rate_reduction", 2.26, "2016-2020")]


def test_beneficiaries_are_not_poor_household_counts():
    text = ("Tổ chức rà soát trình UBND tỉnh phê duyệt hỗ trợ xây mới, sửa chữa nhà ở cho 40 hộ nghèo khó khăn "
            "về nhà ở năm 2023 với số tiền 3,2 tỷ đồng. Kết quả rà soát cuối năm 2023, toàn huyện còn 945 hộ "
            "nghèo chiếm tỷ lệ 1,95%, 1.160 hộ cận nghèo chiếm tỷ lệ 2,4%.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.near_poor_households", 1160), ("poverty.near_poor_rate", 2.4),
                   ("poverty.poor_households", 945), ("poverty.poor_rate", 1.95)]


def test_seed_001_ntm_bands_criteria_and_stated_percents():
    text = ("kết quả thực hiện các tiêu chí nông thôn mới: Có 03/19 xã đạt 19 tiêu chí, chiếm 15,8% (gồm các xã "
            "Phong Châu, Cao Chương, Ngọc Côn); 10/19 xã đạt từ 10 - 14 tiêu chí chiếm 52,6%; 06/19 xã dưới "
            "tiêu chí, chiếm 31,6%...\n\n"
            "Đến nay, các xã hoàn thành 02/22 tiêu chí đã đăng ký trong năm 2022, đạt 9,1%; bình quân toàn huyện "
            "đạt 11 tiêu chí/xã. Thực hiện các tiêu chí nâng cao: Phong Châu thực hiện đạt 08/19 tiêu chí; Cao "
            "Chương đạt 05/19 tiêu chí; Ngọc Côn đạt 5/19 tiêu chí.\n")
    ex = extract_text(text, period="2022")
    bands = sorted((f.label, f.value, f.of_total, f.stated_percent) for f in pick(ex.facts, metric="ntm.communes_by_criteria"))
    assert bands == [("10-14", 10, 19, 52.6), ("19", 3, 19, 15.8), ("<10", 6, 19, 31.6)]
    met = sorted((f.subject or "", f.value, f.of_total, f.qualifier) for f in pick(ex.facts, metric="ntm.criteria_met"))
    assert met == [("", 2, 22, None), ("Cao Chương", 5, 19, "nâng cao"), ("Ngọc Côn", 5, 19, "nâng cao"),
                   ("Phong Châu", 8, 19, "nâng cao")]
    assert [f.value for f in pick(ex.facts, metric="ntm.avg_criteria")] == [11]


def test_ntm_kinds_added_counts_and_running_totals():
    text = ("Năm 2023, toàn tỉnh có thêm 11 xã đạt chuẩn nông thôn mới, nâng tổng số lên 63/188 xã, chiếm "
            "33,5%; 04 xã đạt chuẩn nông thôn mới nâng cao; 01 xã đạt chuẩn nông thôn mới kiểu mẫu.\n\n"
            "Các thôn đạt chuẩn NTM đã được công nhận gồm: Hà Giang 4/4 thôn, Hà Vinh 4/7 thôn.\n\n"
            "c) Xã nông thôn mới kiểu mẫu: năm 2022 có 01 xã, năm 2023 có 02 xã được công nhận.\n\n"
            "Có 5/5 xã trong cụm duy trì và phát huy xã đạt chuẩn bộ tiêu chí quốc gia về y tế.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.of_total or 0, f.qualifier or "", f.subject or "", f.period) for f in ex.facts)
    assert got == [
        ("ntm.communes_advanced", 4, 0, "", "", "2023"),
        ("ntm.communes_model", 1, 0, "", "", "2022"),
        ("ntm.communes_model", 1, 0, "", "", "2023"),
        ("ntm.communes_model", 2, 0, "", "", "2023"),
        ("ntm.communes_standard", 11, 0, "tăng thêm", "", "2023"),
        ("ntm.communes_standard", 63, 188, "", "", "2023"),
        ("ntm.villages_standard", 4, 4, "", "Hà Giang", "2023"),
        ("ntm.villages_standard", 4, 7, "", "Hà Vinh", "2023"),
    ]


def test_a_rate_in_brackets_after_its_count_and_a_yearly_average_over_the_span():
    text = ("Kết quả rà soát cuối năm 2021, toàn huyện có 2.306 hộ nghèo (tỷ lệ 7,41%). Đến cuối năm 2024 "
            "còn 1.190 hộ nghèo, chiếm 3,62%; bình quân mỗi năm giảm 1,26%.\n")
    ex = extract_text(text, period="2021-2025")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.poor_households", 1190, "2024"), ("poverty.poor_households", 2306, "2021"),
                   ("poverty.poor_rate", 3.62, "2024"), ("poverty.poor_rate", 7.41, "2021"),
                   ("poverty.poor_rate_reduction", 1.26, "2021-2025")]
    # in a one-year report the same words keep the year of the sentence
    one = extract_text(text, period="2024")
    assert [f.period for f in pick(one.facts, metric="poverty.poor_rate_reduction")] == ["2024"]


def test_a_bound_over_a_group_of_communes_is_not_a_rate():
    text = ("Tỷ lệ hộ nghèo các xã vùng cao đều trên 25%; tập trung nguồn lực cho những xã có tỷ lệ hộ nghèo "
            "dưới 3%. Đến cuối năm, có 03 đơn vị có tỷ lệ hộ nghèo dưới 2%. Toàn huyện còn 812 hộ nghèo, chiếm 4,05%.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.poor_households", 812), ("poverty.poor_rate", 4.05)]


def test_a_breakdown_and_the_rest_take_the_year_of_the_count_they_follow():
    text = ("Số xã đạt chuẩn nông thôn mới tăng từ 03/12 xã năm 2021 lên 05/12 xã năm 2022 và 07/12 xã năm "
            "2023; trong đó có 01 xã đạt chuẩn nông thôn mới nâng cao. Các xã còn lại bình quân đạt 16,2 "
            "tiêu chí/xã.\n")
    ex = extract_text(text, period="2021-2025")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts if f.metric.startswith("ntm."))
    assert got == [("ntm.avg_criteria", 16.2, "2023"), ("ntm.communes_advanced", 1, "2023"),
                   ("ntm.communes_standard", 3, "2021"), ("ntm.communes_standard", 5, "2022"),
                   ("ntm.communes_standard", 7, "2023")]


def test_a_start_of_year_stock_is_the_previous_year_end():
    text = ("Đầu năm 2024, toàn huyện có 2.031 hộ nghèo, chiếm 5,12%. Qua rà soát cuối năm theo chuẩn nghèo đa "
            "chiều giai đoạn 2022 - 2025, có 508 hộ thoát nghèo, 44 hộ nghèo phát sinh; tổng số hộ nghèo còn "
            "1.567 hộ/40.310 hộ, tỷ lệ 3,89% (trong đó 702 hộ nghèo không có khả năng lao động, chiếm 44,8% "
            "số hộ nghèo). Xã còn tỷ lệ hộ nghèo cao nhất là Nghĩa Lâm (6,31%); thấp nhất là thị trấn Sông Vệ "
            "(0,96%).\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.metric, f.value, f.period, f.subject or "") for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.escaped_households", 508, "2024", ""), ("poverty.new_poor_households", 44, "2024", ""),
                   ("poverty.poor_households", 702, "2024", ""), ("poverty.poor_households", 1567, "2024", ""),
                   ("poverty.poor_households", 2031, "2023", ""),
                   ("poverty.poor_rate", 0.96, "2024", "Sông Vệ"), ("poverty.poor_rate", 3.89, "2024", ""),
                   ("poverty.poor_rate", 5.12, "2023", ""), ("poverty.poor_rate", 6.31, "2024", "Nghĩa Lâm")]


def test_levels_in_a_falling_series_and_the_households_behind_a_rate():
    text = ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều cuối năm 2021 là 12,40%. Tỷ lệ hộ nghèo giảm đều qua các "
            "năm: cuối năm 2021 là 12,40%; năm 2022 còn 10,15%; năm 2023 còn 8,02% (1.206 hộ), bình quân giảm "
            "2,2%/năm.\n")
    ex = extract_text(text, period="2021-2025")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.poor_households", 1206, "2023"), ("poverty.poor_rate", 8.02, "2023"),
                   ("poverty.poor_rate", 10.15, "2022"), ("poverty.poor_rate", 12.4, "2021"),
                   ("poverty.poor_rate_reduction", 2.2, "2021-2025")]     # 12,40% restated: one figure


def test_start_of_year_then_end_of_year_in_one_survey_sentence():
    text = ("Kết quả rà soát hộ nghèo cuối năm 2023: đầu năm toàn huyện có 3.210 hộ nghèo, trong năm có 615 hộ "
            "thoát nghèo và 72 hộ nghèo phát sinh; cuối năm còn 2.667 hộ nghèo, chiếm 11,02% tổng số hộ.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.escaped_households", 615, "2023"), ("poverty.new_poor_households", 72, "2023"),
                   ("poverty.poor_households", 2667, "2023"), ("poverty.poor_households", 3210, "2022"),
                   ("poverty.poor_rate", 11.02, "2023")]


def test_a_stated_percent_after_the_quoted_name_and_the_population_growth_rate():
    text = ("Năm 2024 công nhận thêm 05 thôn, nâng tổng số lên 19/60 thôn đạt chuẩn “Thôn nông thôn mới kiểu mẫu”, "
            "tỷ lệ 31,7%. Dân số 96.210 người, tỷ lệ tăng dân số tự nhiên bình quân là 1,15%/năm.\n")
    ex = extract_text(text, period="2024")
    m = [(f.value, f.of_total, f.stated_percent) for f in pick(ex.facts, metric="ntm.villages_model")]
    assert (19, 60, 31.7) in m
    growth = [f for f in ex.facts if f.rule == "qty.rate.population_growth"]
    assert [(g.value, g.unit, g.label) for g in growth] == [(1.15, "percent", "tỷ lệ tăng dân số tự nhiên")]


# --- counts written after their topic, changes, places of the sentence before (our wording) ---
def test_counts_after_their_topic_and_the_place_of_the_sentence_before():
    text = ("Huyện Phú Tân có 53.575 hộ. Trong đó, số hộ nghèo: 2.803; số hộ cận nghèo: 3.936;\n\n"
            "Toàn tỉnh, tổng số hộ nghèo còn 16.003/80.276 hộ, giảm 1.432 hộ nghèo so với đầu năm.")
    ex = extract_text(text, period="2016")
    got = sorted((f.metric, f.value, f.of_total, f.subject) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [("poverty.escaped_households", 1432, None, None),   # 'giảm 1.432 hộ nghèo': those that left, net
                   ("poverty.near_poor_households", 3936, None, "Phú Tân"),
                   ("poverty.poor_households", 2803, None, "Phú Tân"),
                   ("poverty.poor_households", 16003, 80276, None)]


def test_a_semicolon_list_of_places_continues_the_rate_it_started():
    text = ("Tỷ lệ hộ nghèo cao nhất là huyện Mường Tè với 31,20%; tiếp theo là huyện Sìn Hồ 28,40%; "
            "huyện Phong Thổ 20,15%; thấp nhất là thành phố Lai Châu 1,20%.")
    ex = extract_text(text, period="2019")
    got = [(f.subject, f.value) for f in ex.facts if f.metric == "poverty.poor_rate"]
    assert got == [("Mường Tè", 31.2), ("Sìn Hồ", 28.4), ("Phong Thổ", 20.15), ("Lai Châu", 1.2)]


def test_criteria_bands_recognised_communes_and_villages_named_by_their_title():
    text = ("Toàn tỉnh có 31 xã đạt chuẩn tất cả 19 tiêu chí, trong đó 30 xã được công nhận xã nông thôn mới. "
            "Có 12 xã đạt chuẩn từ 15 - 18 tiêu chí; 40 xã đạt chuẩn từ 10 - 14 tiêu chí. Ngoài ra, tỉnh có 03 "
            "khu dân cư nông thôn mới kiểu mẫu và 06 thôn nông thôn mới kiểu mẫu.")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2021").facts if f.metric.startswith("ntm."))
    assert got == [("ntm.communes_by_criteria", 12), ("ntm.communes_by_criteria", 31),
                   ("ntm.communes_by_criteria", 40), ("ntm.communes_standard", 30),
                   ("ntm.villages_model", 3), ("ntm.villages_model", 6)]


def test_the_place_a_sentence_opens_with_is_its_figures_subject():
    text = ("Như vậy, đến nay huyện Hương Sơn có 16/20 xã đạt chuẩn nông thôn mới. Huyện Cầu Kè có 3/13 xã đạt "
            "chuẩn nông thôn mới nâng cao. Toàn tỉnh có 112 xã đạt chuẩn nông thôn mới.")
    got = [(f.value, f.subject) for f in extract_text(text, period="2022", province="Hà Tĩnh").facts
           if f.metric.startswith("ntm.")]
    assert got == [(16, "Hương Sơn"), (3, "Cầu Kè"), (112, None)]


def test_an_average_written_as_a_fraction_and_a_band_written_with_den():
    got = sorted((f.metric, f.value, f.label) for f in extract_text(
        "Bình quân toàn huyện đạt 12,6/19 tiêu chí nông thôn mới; 67 xã đạt từ 14 đến 18 tiêu chí nông thôn mới.",
        period="2023").facts if f.metric.startswith("ntm."))
    assert got == [("ntm.avg_criteria", 12.6, None), ("ntm.communes_by_criteria", 67, "14-18")]


def test_a_model_village_named_without_nong_thon_moi():
    got = [(f.metric, f.value) for f in extract_text(
        "Huyện có thêm 12 thôn được công nhận đạt chuẩn thôn kiểu mẫu.", period="2021").facts]
    assert got == [("ntm.villages_model", 12)]


def test_a_fall_said_after_a_level_and_contest_medals():
    ex = extract_text("Tại 7 huyện nghèo, tỷ lệ nghèo đa chiều giảm từ 70,10% (2021) xuống còn 60,50%, tương đương "
                      "giảm 9,60%.", period="2023")
    assert sorted((f.metric, f.value, f.scope) for f in ex.facts if f.metric.startswith("poverty.")) == [
        ("poverty.multidim_rate", 60.5, "7 huyện nghèo"), ("poverty.multidim_rate", 70.1, "7 huyện nghèo")]
    medals = extract_text("Đội tuyển giành được 5 Huy chương các loại, gồm 2 Huy chương Vàng và 3 Huy chương Bạc.",
                          period="2025").facts
    assert [f for f in medals if f.metric == "award.count"] == []


def test_communes_registered_to_reach_the_standard_are_a_target():
    text = ("Năm 2024, huyện có 9 xã đăng ký đạt chuẩn nông thôn mới và 2 xã đăng ký đạt chuẩn nông thôn "
            "mới nâng cao.\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.metric, f.value, f.status) for f in ex.facts if f.metric.startswith("ntm."))
    assert got == [("ntm.communes_advanced", 2, "target"), ("ntm.communes_standard", 9, "target")]


def test_the_kind_of_one_count_stops_where_the_next_item_begins():
    text = "Đến nay toàn huyện có 14 xã đạt chuẩn nông thôn mới, trong đó có 4 xã đạt chuẩn nông thôn mới nâng cao.\n"
    ex = extract_text(text, period="2024")
    assert sorted((f.metric, f.value) for f in ex.facts) == [("ntm.communes_advanced", 4), ("ntm.communes_standard", 14)]
    text = "Năm 2024 có 6 xã đạt chuẩn nông thôn mới và 1 xã đạt chuẩn nông thôn mới kiểu mẫu.\n"
    ex = extract_text(text, period="2024")
    assert sorted((f.metric, f.value) for f in ex.facts) == [("ntm.communes_model", 1), ("ntm.communes_standard", 6)]


def test_bare_counts_coordinated_before_an_ntm_count_share_its_predicate_and_list_head():
    text = ("Kết quả đạt được: có thêm 7 xã, 31 bản đạt chuẩn NTM; 3 xã đạt chuẩn NTM nâng cao; 2 xã, "
            "9 bản đạt chuẩn NTM kiểu mẫu. Hiện toàn tỉnh có 5 đơn vị cấp huyện, 201 xã và 640 bản đạt chuẩn NTM.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.qualifier) for f in ex.facts)
    assert got == [("ntm.communes_advanced", 3, "tăng thêm"), ("ntm.communes_model", 2, "tăng thêm"),
                   ("ntm.communes_standard", 7, "tăng thêm"), ("ntm.communes_standard", 201, None),
                   ("ntm.districts_standard", 5, None), ("ntm.villages_model", 9, "tăng thêm"),
                   ("ntm.villages_standard", 31, "tăng thêm"), ("ntm.villages_standard", 640, None)]


def test_a_whole_before_its_part_is_no_conjunct():
    ex = extract_text("Trong tổng số 18 xã, 11 xã đạt chuẩn nông thôn mới; huyện có 16 xã, 9 xã đạt chuẩn NTM nâng cao.\n",
                      period="2023")
    assert sorted((f.metric, f.value) for f in ex.facts) == [("ntm.communes_advanced", 9), ("ntm.communes_standard", 11)]


def test_what_a_resolution_sets_for_a_year_ahead_is_a_target():
    text = ("Tỉnh đã vượt chỉ tiêu (theo Nghị quyết Đại hội, đến năm 2025, toàn tỉnh có ít nhất 120 xã đạt "
            "chuẩn nông thôn mới).\n")
    f = pick(extract_text(text, period="2024").facts, metric="ntm.communes_standard")[0]
    assert (f.value, f.status) == (120, "target")


def test_a_count_listed_place_by_place_after_its_topic():
    text = ("Theo kết quả rà soát năm 2022, số hộ nghèo của các huyện, thị xã như sau: Mường Lát 3.120 hộ, "
            "Quan Sơn 1.877 hộ, Bá Thước 2.045 hộ và thị xã Bỉm Sơn - Hà Trung 96 hộ.\n")
    ex = extract_text(text, period="2022")
    got = sorted((f.subject, f.value) for f in pick(ex.facts, metric="poverty.poor_households"))
    assert got == [("Bá Thước", 2045), ("Bỉm Sơn - Hà Trung", 96), ("Mường Lát", 3120), ("Quan Sơn", 1877)]


def test_a_bracket_or_the_names_between_a_commune_count_and_its_predicate():
    text = ("Đến cuối năm 2022, tỉnh có 96 xã (bằng 71,6% tổng số xã) đạt chuẩn nông thôn mới; 2 xã: Tân Lập, "
            "Hòa Bình (huyện Lục Yên) đạt chuẩn nông thôn mới nâng cao.\n")
    ex = extract_text(text, period="2022")
    assert sorted((f.metric, f.value) for f in ex.facts if f.metric.startswith("ntm.")) == [
        ("ntm.communes_advanced", 2), ("ntm.communes_standard", 96)]


def test_the_place_a_clause_opens_with_is_its_subject():
    text = ("TTXVN - Đến nay, huyện Mỏ Cày Nam đạt 9/9 tiêu chí huyện nông thôn mới và 16/16 xã đạt chuẩn NTM; "
            "TP. Vĩnh Long có 3/3 xã đạt chuẩn NTM.\n\n"
            "Phấn đấu đến năm 2025, Trà Cú có 05 xã đạt chuẩn nông thôn mới nâng cao.\n\n"
            "Sau 4 năm thực hiện bộ tiêu chí mới, Long Hòa cơ bản hoàn thành 19/19 tiêu chí.\n\n"
            "Toàn tỉnh có 91 xã đạt chuẩn NTM.\n")
    got = sorted((f.value, f.subject) for f in extract_text(text, period="2024").facts)
    assert got == [(3, "Vĩnh Long"), (5, "Trà Cú"), (9, "Mỏ Cày Nam"), (16, "Mỏ Cày Nam"), (19, "Long Hòa"), (91, None)]


@pytest.mark.parametrize("text, want", [
    ("Đến nay toàn tỉnh đạt 13,5 tiêu chí/xã, tăng bình quân 11,89 tiêu chí/xã so với năm 2011.", 13.5),
    ("Đến cuối tháng 6/2015, số tiêu chí đạt bình quân/xã của toàn tỉnh là 14,1 tiêu chí.", 14.1),
    ("Số tiêu chí đạt chuẩn trung bình của toàn huyện là 16,4 tiêu chí.", 16.4),
])
def test_average_criteria_per_commune_in_its_shapes_and_never_the_rise(text, want):
    got = [f.value for f in extract_text(text + "\n", period="2020").facts if f.metric == "ntm.avg_criteria"]
    assert got == [want]


def test_ntm_counts_in_words_and_a_year_is_no_count():
    text = "Toàn huyện có hai xã đạt chuẩn nông thôn mới kiểu mẫu và mười hai thôn đạt chuẩn NTM. Năm 2019 xã đạt chuẩn nông thôn mới.\n"
    assert sorted((f.metric, f.value) for f in extract_text(text, period="2020").facts) == [
        ("ntm.communes_model", 2), ("ntm.villages_standard", 12)]


def test_a_figure_only_expected_stays_proposed():
    ex = extract_text("Hết năm 2024, tỉnh dự kiến thêm 6 xã đạt chuẩn nông thôn mới.\n", period="2024")
    assert [(f.value, f.status) for f in ex.facts] == [(6, "proposed")]


def test_communes_named_by_their_title_and_increases_in_brackets_keep_the_kind_just_stated():
    text = ("Đến tháng 9/2023, tỉnh đã có 3 đơn vị cấp huyện đạt chuẩn nông thôn mới (tăng 1 đơn vị so với năm 2022); "
            "97 xã đạt chuẩn NTM (tăng 5 xã so với năm 2022) và 14 xã NTM nâng cao (tăng 3 xã so với năm 2022).\n")
    got = sorted((f.metric, f.value, f.qualifier) for f in extract_text(text, period="2023").facts)
    assert got == [("ntm.communes_advanced", 3, "tăng thêm"), ("ntm.communes_advanced", 14, None),
                   ("ntm.communes_standard", 5, "tăng thêm"), ("ntm.communes_standard", 97, None),
                   ("ntm.districts_standard", 1, "tăng thêm"), ("ntm.districts_standard", 3, None)]


def test_a_place_named_without_prefix_takes_its_level_from_the_gazetteer():
    f = extract_text("Phấn đấu đến năm 2025, Cầu Ngang có 08 xã đạt chuẩn nông thôn mới nâng cao.\n", period="2024").facts[0]
    assert (f.subject, f.subject_level) == ("Cầu Ngang", "district")


def test_the_level_a_reduction_is_measured_from_is_the_rate_of_its_year():
    text = ("Theo kết quả rà soát năm 2024, toàn huyện còn 3.902 hộ nghèo, chiếm tỷ lệ 21,40% (giảm 3,15% so với "
            "năm 2023 là 24,55%).\n")
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text, period="2024").facts)
    assert got == [("poverty.poor_households", 3902, "2024"), ("poverty.poor_rate", 21.4, "2024"),
                   ("poverty.poor_rate", 24.55, "2023"), ("poverty.poor_rate_reduction", 3.15, "2024")]


def test_a_total_broken_down_place_by_place():
    text = ("Năm 2023, toàn tỉnh có thêm 17 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.\n\n"
            "Cụ thể, huyện Hiệp Đức công bố thêm 6 thôn, gồm: Thôn 1, Thôn 2, xã Quế Thọ. Huyện Tiên Phước thêm "
            "4 thôn gồm: Thôn 3, xã Tiên Lập; các huyện Phú Ninh, Núi Thành mỗi đơn vị có 3 thôn và Bắc Trà My có 1 thôn.\n\n"
            "Toàn tỉnh hiện có 41 xã và 12 hộ tham gia.\n")
    got = sorted((f.value, f.subject, f.metric, f.qualifier, f.period) for f in extract_text(text, period="2023").facts)
    assert got == [(1, "Bắc Trà My", "ntm.villages_model", "tăng thêm", "2023"),
                   (4, "Tiên Phước", "ntm.villages_model", "tăng thêm", "2023"),
                   (6, "Hiệp Đức", "ntm.villages_model", "tăng thêm", "2023"),
                   (17, None, "ntm.villages_model", "tăng thêm", "2023")]


def test_a_unit_named_by_its_level_alone_points_back_at_the_one_named_before():
    text = ("Xã Tân Phú Đông đạt chuẩn nông thôn mới nâng cao\n\n"
            "Đối với huyện Giồng Trôm, tổng nguồn lực huy động trên 900 tỷ đồng. Huyện có 09 xã đạt chuẩn nông thôn mới.\n\n"
            "Nhờ thu nhập khá nên tỷ lệ hộ nghèo của xã đã giảm còn 2,6%.\n\n"
            "Sau hơn 10 năm thực hiện chương trình, đến nay huyện Chợ Gạo đã có 11/11 xã đạt chuẩn nông thôn mới.\n")
    got = sorted((f.value, f.subject) for f in extract_text(text).facts if f.metric.startswith(("ntm.", "poverty.")))
    assert got == [(2.6, "Tân Phú Đông"), (9, "Giồng Trôm"), (11, "Chợ Gạo")]
    # in a report of its own the unit is the reporting unit (no subject)
    f = pick(extract_text("Nhờ thu nhập khá nên tỷ lệ hộ nghèo của xã đã giảm còn 2,6%.\n", period="2023",
                          doc_type="bao_cao").facts, metric="poverty.poor_rate")[0]
    assert f.subject is None


def test_a_bands_rise_is_no_count_of_communes_and_an_article_is_no_count():
    text = ("Toàn tỉnh có 31 xã đạt chuẩn NTM; 58 xã đạt từ 15 đến 18 tiêu chí (tăng 20 xã so với năm 2015); "
            "có điểm sáng một xã nông thôn mới.\n")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2020").facts)
    assert got == [("ntm.communes_by_criteria", 58), ("ntm.communes_standard", 31)]


def test_a_cultural_village_title_is_never_an_ntm_figure():
    text = "Xã có 5/8 thôn đạt chuẩn nông thôn mới và 8/8 thôn đạt chuẩn thôn văn hóa.\n"
    got = sorted((f.metric, f.value, f.award) for f in extract_text(text, period="2022").facts)
    assert got == [("award.count", 8, "thon_van_hoa"), ("ntm.villages_standard", 5, None)]


def test_units_still_preparing_their_dossier_are_proposed():
    text = ("Đến nay, toàn tỉnh có 4/9 huyện hoàn thành nhiệm vụ xây dựng nông thôn mới, 2 huyện đang hoàn thiện hồ sơ "
            "trình Trung ương thẩm định công nhận đạt chuẩn nông thôn mới.\n")
    got = sorted((f.value, f.status) for f in extract_text(text, period="2024").facts)
    assert got == [(2, "proposed"), (4, None)]


def test_lower_than_is_a_fall_and_households_that_arose_are_new_poor():
    text = ("Toàn tỉnh có 9.870 hộ nghèo, chiếm tỷ lệ 4,20%, thấp hơn 1,35% so với năm 2022. Trong năm có 25 hộ "
            "thoát nghèo, phát sinh mới 04 hộ nghèo.\n")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2023").facts)
    assert got == [("poverty.escaped_households", 25), ("poverty.new_poor_households", 4),
                   ("poverty.poor_households", 9870), ("poverty.poor_rate", 4.2), ("poverty.poor_rate_reduction", 1.35)]
    got = [(f.metric, f.value, f.period) for f in extract_text(
        "Tỷ lệ nghèo đa chiều giảm từ 58,10% (2021) xuống còn 49,30%.\n", period="2023").facts]
    assert got == [("poverty.multidim_rate", 58.1, "2021"), ("poverty.multidim_rate", 49.3, "2023")]


def test_poverty_counts_of_an_organisations_members_keep_their_scope():
    text = ("Các cấp Hội đã giúp đỡ 920 hộ hội viên thoát nghèo. Cuối năm, số hộ hội viên nông dân nghèo toàn tỉnh còn "
            "2.410 hộ, chiếm 1,95%; Hội đã hỗ trợ vốn cho 40 hộ nghèo.\n")
    got = sorted((f.metric, f.value, f.scope) for f in extract_text(text, period="2023").facts)
    assert got == [("poverty.escaped_households", 920, None), ("poverty.poor_households", 2410, "hộ hội viên nông dân"),
                   ("poverty.poor_rate", 1.95, "hộ hội viên nông dân")]


def test_an_ordinal_commune_counts_for_the_unit_named_after_it():
    # own wording: the n-th commune of a district / province, the unit named in full or by its level only
    text = ("Huyện Long Phú tổ chức lễ công bố xã Tân Hưng đạt chuẩn nông thôn mới. Đây là xã thứ 6/11 của "
            "huyện Long Phú và xã thứ 41/80 xã nông thôn của tỉnh Sóc Trăng đạt chuẩn nông thôn mới.\n\n"
            "Xã Phú Tâm thuộc huyện Châu Thành được công nhận đạt chuẩn nông thôn mới nâng cao, là xã thứ 3 "
            "của huyện và thứ 12 của tỉnh đạt chuẩn nông thôn mới nâng cao.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.of_total, f.subject) for f in ex.facts if f.metric.startswith("ntm."))
    assert got == [("ntm.communes_advanced", 3, None, "Châu Thành"), ("ntm.communes_advanced", 12, None, "Sóc Trăng"),
                   ("ntm.communes_standard", 6, 11, "Long Phú"), ("ntm.communes_standard", 41, 80, "Sóc Trăng")]


def test_a_contrast_states_what_was_reached_and_bands_of_one_count_stay_apart():
    # own wording: the plan before "tuy nhiên" does not make the figures after it targets
    text = ("Đến cuối tháng 6/2018, tỉnh có 12 xã đăng ký phấn đấu đạt chuẩn nông thôn mới, tuy nhiên mới có "
            "2 xã đạt 18 tiêu chí; 2 xã đạt 17 tiêu chí; 3 xã đạt 15 tiêu chí.\n")
    got = sorted((f.value, f.label, f.status) for f in extract_text(text, period="2018").facts
                 if f.metric == "ntm.communes_by_criteria")
    assert got == [(2, "17", None), (2, "18", None), (3, "15", None)]


def test_place_names_with_an_apostrophe():
    text = "Huyện Đắk R'lấp có 4/9 xã đạt chuẩn nông thôn mới; huyện Cư M'gar có 6/17 xã đạt chuẩn nông thôn mới.\n"
    got = sorted((f.subject, f.value) for f in extract_text(text, period="2019", province="Đắk Nông").facts)
    assert got == [("Cư M'gar", 6), ("Đắk R'lấp", 4)]


def test_households_in_the_poor_category_and_a_count_over_its_total():
    text = "Ước đến cuối năm 2021, toàn huyện còn 2.145/41.020 hộ thuộc diện nghèo, chiếm tỷ lệ 5,23%.\n"
    got = sorted((f.metric, f.value, f.of_total) for f in extract_text(text, period="2021").facts)
    assert got == [("poverty.poor_households", 2145, 41020), ("poverty.poor_rate", 5.23, None)]


def test_a_change_in_brackets_is_not_the_level_and_places_before_their_brackets():
    text = ("Đến cuối năm 2022, toàn tỉnh còn 8.120 hộ nghèo (giảm 2.310 hộ so với cuối năm 2021), chiếm tỷ lệ "
            "2,95%. Có 3 huyện đạt kế hoạch giảm tỷ lệ hộ nghèo là huyện Ia Grai (giảm 3,1%), huyện Mang Yang (giảm 2,4%) "
            "và thị xã An Khê (giảm 1,2%).\n")
    got = sorted((f.metric, f.value, f.subject) for f in extract_text(text, period="2022", province="Gia Lai").facts
                 if f.metric.startswith("poverty.poor_rate"))
    assert got == [("poverty.poor_rate", 2.95, None), ("poverty.poor_rate_reduction", 1.2, "An Khê"),
                   ("poverty.poor_rate_reduction", 2.4, "Mang Yang"), ("poverty.poor_rate_reduction", 3.1, "Ia Grai")]


def test_a_percent_followed_by_its_topic_and_shares_covered_or_helped():
    text = ("Năm 2022, huyện Giồng Trôm kéo giảm 1,9% tỷ lệ hộ nghèo. Hiện toàn huyện còn 3,2% hộ nghèo và 2,8% hộ "
            "cận nghèo. Xã Lương Hòa giảm 3,4% hộ nghèo. Đã có 100% hộ nghèo được cấp thẻ bảo hiểm y tế; các đơn vị "
            "hỗ trợ 100% hộ nghèo, hộ cận nghèo phát triển sinh kế.\n")
    got = sorted((f.metric, f.value, f.subject or "") for f in extract_text(text, period="2022").facts)
    assert got == [("poverty.near_poor_rate", 2.8, "Giồng Trôm"), ("poverty.poor_rate", 3.2, "Giồng Trôm"),
                   ("poverty.poor_rate_reduction", 1.9, "Giồng Trôm"), ("poverty.poor_rate_reduction", 3.4, "Lương Hòa")]


def test_criteria_met_by_a_commune_named_before_them():
    text = ("Đến nay, xã Ia Lốp đạt 16 tiêu chí; xã Ea Bung đạt 12 tiêu chí nông thôn mới; toàn huyện có 4 xã đạt "
            "14 tiêu chí nông thôn mới.\n")
    got = sorted((f.metric, f.value, f.subject or "") for f in extract_text(text, period="2019").facts)
    assert got == [("ntm.communes_by_criteria", 4, ""), ("ntm.criteria_met", 12, "Ea Bung"),
                   ("ntm.criteria_met", 16, "Ia Lốp")]


def test_a_province_owning_the_rate_and_a_district_opening_a_bullet_of_a_news_page():
    got = [(f.value, f.subject, f.subject_level) for f in extract_text(
        "Tỷ lệ hộ nghèo của Quảng Trị giảm từ 25,3% năm 2010 xuống còn 6,1% năm 2020.").facts]
    assert got == [(25.3, "Quảng Trị", "province"), (6.1, "Quảng Trị", "province")]
    assert [f.subject for f in extract_text("Tỷ lệ hộ nghèo của Chủ tịch xã còn 5%.").facts] == [None]


def test_a_sentence_going_on_with_the_rate_the_sentence_before_gave():
    text = ("Năm 2015, tỷ lệ hộ nghèo của huyện ở mức 8,4%. Đến năm 2019, con số này là 3,1% và dự kiến năm 2020 "
            "chỉ còn 2,5%.\n")
    got = [(f.metric, f.value, f.period) for f in extract_text(text).facts]
    assert got == [("poverty.poor_rate", 8.4, "2015"), ("poverty.poor_rate", 3.1, "2019"), ("poverty.poor_rate", 2.5, "2020")]


def test_bands_of_communes_and_towns_and_of_the_communes_left():
    text = ("Trong đó, có 4 xã hoàn thành 19 tiêu chí nông thôn mới; 6 xã còn lại đạt từ 15 đến 18 tiêu chí; "
            "12 xã, thị trấn đạt dưới 15 tiêu chí.\n")
    got = sorted((f.value, f.label) for f in extract_text(text, period="2019").facts
                 if f.metric == "ntm.communes_by_criteria")
    assert got == [(4, "19"), (6, "15-18"), (12, "<15")]


def test_the_title_before_the_count_of_communes_it_is_recognised_for():
    text = ("Quyết định công nhận xã đạt chuẩn nông thôn mới năm 2022 cho 4 xã; xã nông thôn mới nâng cao năm 2022 "
            "cho 3 xã; xã nông thôn mới kiểu mẫu năm 2022 cho 1 xã. Tỉnh cũng hỗ trợ xây dựng nông thôn mới cho 6 xã.")
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text).facts)
    assert got == [("ntm.communes_advanced", 3, "2022"), ("ntm.communes_model", 1, "2022"),
                   ("ntm.communes_standard", 4, "2022")]


def test_households_behind_a_rate_and_escaped_households_recognised():
    text = ("Toàn xã có 84 hộ được công nhận thoát nghèo. Tỷ lệ hộ cận nghèo chiếm 7,5% tổng số hộ (tương đương "
            "với 312 hộ).")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2021").facts)
    assert got == [("poverty.escaped_households", 84), ("poverty.near_poor_households", 312),
                   ("poverty.near_poor_rate", 7.5)]


def test_a_semicolon_list_of_the_same_rate_year_by_year():
    text = ("Tỷ lệ hộ nghèo giảm từ 16,4% (năm 2016) xuống còn 12,1% (năm 2017); 9,75% (năm 2018); 7,02% (năm 2019); "
            "62% hộ dân có nước sạch.")
    got = [(f.value, f.period) for f in extract_text(text, period="2019").facts if f.metric == "poverty.poor_rate"]
    assert got == [(16.4, "2016"), (12.1, "2017"), (9.75, "2018"), (7.02, "2019")]


def test_the_places_a_total_lists_after_its_colon():
    text = ("Năm 2023 có 9 xã đạt chuẩn nông thôn mới nâng cao gồm: 04 xã thuộc huyện Gia Bình (Đông Cứu, Lãng Ngâm, "
            "Quỳnh Phú, Song Giang); 03 xã thuộc huyện Lương Tài và 2 xã thuộc huyện Quế Võ.")
    got = sorted((f.value, f.subject) for f in extract_text(text).facts if f.metric == "ntm.communes_advanced")
    assert got == [(2, "Quế Võ"), (3, "Lương Tài"), (4, "Gia Bình"), (9, None)]


def test_a_rise_a_share_of_the_poor_and_the_percent_of_a_fraction_of_communes_are_no_rates():
    text = ("Tỉ lệ hộ cận nghèo ở khu vực đô thị tăng 1,35%. Hộ nghèo là người dân tộc thiểu số có 412 hộ, chiếm 88,2% "
            "hộ nghèo toàn huyện. Đến nay, 9/9 xã có tỉ lệ hộ nghèo dưới 4%, đạt tỉ lệ 100%.")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2022").facts)
    assert got == [("poverty.poor_households", 412)]


def test_communes_meeting_all_criteria_written_as_a_fraction_are_a_band():
    text = "Toàn huyện có 6 xã đạt 19/19 tiêu chí nông thôn mới; 4 xã đạt từ 15 - 18 tiêu chí."
    got = sorted((f.metric, f.value, f.label) for f in extract_text(text, period="2020").facts)
    assert got == [("ntm.communes_by_criteria", 4, "15-18"), ("ntm.communes_by_criteria", 6, "19")]


def test_places_named_bare_where_a_ranking_clause_opens_if_the_gazetteer_knows_them():
    text = ("Xếp theo số hộ nghèo: Mường Tè có nhiều hộ nghèo nhất với 2.915 hộ, Sìn Hồ 2.604 hộ. TP.Lai Châu có tỷ "
            "lệ hộ nghèo thấp nhất với 0,85% (96 hộ). Ban Chỉ đạo có tỷ lệ hộ nghèo 3,1%.")
    got = sorted((f.value, f.subject) for f in extract_text(text, province="Lai Châu", period="2020").facts)
    assert got == [(0.85, "Lai Châu"), (3.1, None), (96, "Lai Châu"), (2604, "Sìn Hồ"), (2915, "Mường Tè")]


def test_communes_counted_with_the_one_unit_they_belong_to():
    text = ("Tỉnh công nhận thêm 4 xã thuộc các huyện Kim Bảng, Thanh Liêm đạt chuẩn nông thôn mới nâng cao, 3 xã "
            "thuộc huyện Lý Nhân đạt chuẩn nông thôn mới kiểu mẫu.")
    got = sorted((f.metric, f.value, f.subject) for f in extract_text(text, period="2023").facts)
    assert got == [("ntm.communes_advanced", 4, None), ("ntm.communes_model", 3, "Lý Nhân")]


def test_communes_a_decision_recognises_are_no_pointer_back_at_a_commune_named_before():
    from rules import read
    from tests.rules_support import doc_from_text
    ex = read(doc_from_text("Nghệ An: Công nhận các xã đạt chuẩn nông thôn mới năm 2022\n\n"
                            "Một góc xã Nghi Phong, huyện Nghi Lộc được công nhận xã nông thôn mới nâng cao.\n\n"
                            "Theo đó, công nhận xã đạt chuẩn nông thôn mới năm 2022 cho 3 xã."))
    assert [(f.value, f.subject) for f in ex.facts if f.metric.startswith("ntm.")] == [(3, "Nghệ An")]


def test_districts_named_by_their_title_expected_figures_and_a_percent_of_its_own_after_a_fraction():
    text = ("Đến nay, tỉnh có 6/8 huyện nông thôn mới, 100% xã đạt chuẩn nông thôn mới. Dự kiến đến hết năm 2024, "
            "sẽ có thêm 2 xã đạt chuẩn nông thôn mới kiểu mẫu.")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.of_total, f.status, f.stated_percent) for f in ex.facts)
    assert got == [("ntm.communes_model", 2, None, "target", None), ("ntm.districts_standard", 6, 8, None, None)]


def test_a_forecast_level_is_a_target_but_a_proposal_said_in_words_stays_proposed():
    text = ("Dự kiến đến cuối năm 2022, toàn huyện có 19 xã đạt chuẩn nông thôn mới. Dự kiến tỷ lệ hộ nghèo "
            "giảm còn 1,2% vào cuối năm 2022. Hội đồng dự kiến trình UBND tỉnh đề nghị công nhận 3 xã đạt chuẩn "
            "nông thôn mới nâng cao.")
    got = sorted((f.metric, f.value, f.status) for f in extract_text(text, period="2022").facts)
    assert got == [("ntm.communes_advanced", 3, "proposed"), ("ntm.communes_standard", 19, "target"),
                   ("poverty.poor_rate", 1.2, "target")]


def test_the_households_written_after_a_count_are_its_base_not_a_count():
    facts = extract_text("Xã Phú Thành có 52 hộ nghèo trên tổng số 3.023 hộ, chiếm 1,72%; huyện Chợ Lách "
                         "có 834 hộ nghèo/53.577 hộ, tỷ lệ 1,56%.", period="2023").facts
    poor = [(f.value, f.of_total) for f in facts if f.metric == "poverty.poor_households"]
    assert poor == [(52, 3023), (834, 53577)]


def test_the_households_behind_a_rate_and_the_clause_after_them_are_the_rates_place():
    text = ("Trong đó Thuận Bắc có tỷ lệ hộ nghèo 23,57% (2.045 hộ), tỷ lệ hộ cận nghèo 10,09% (876 hộ) và "
            "huyện Thuận Nam có tỷ lệ hộ nghèo chiếm 13,79% (1.622 hộ), tỷ lệ hộ cận nghèo 7,31% (859 hộ).")
    facts = extract_text(text, period="2011", province="Ninh Thuận").facts
    got = {(f.metric.split(".")[1], f.value): f.subject for f in facts}
    assert got[("poor_households", 1622)] == "Thuận Nam"
    assert got[("near_poor_rate", 7.31)] == "Thuận Nam" and got[("near_poor_households", 859)] == "Thuận Nam"
    assert got[("near_poor_rate", 10.09)] == "Thuận Bắc"


def test_a_count_of_an_ethnic_group_has_that_scope():
    facts = extract_text("Toàn tỉnh có 9.214 hộ nghèo, chiếm 3,22%; hộ nghèo dân tộc Khmer còn 5.394 hộ, chiếm "
                         "6,05% so với tổng số hộ dân cư dân tộc Khmer.", period="2019").facts
    scopes = {f.value: f.scope for f in facts if f.metric.startswith("poverty.poor")}
    assert scopes[9214] is None and scopes[3.22] is None
    assert scopes[5394] == "dân tộc Khmer" and scopes[6.05] == "dân tộc Khmer"


def test_a_start_of_year_column_and_its_rate_are_the_year_before():
    text = ("Bảng 3. Kết quả giảm nghèo năm 2019\n\n"
            "TT | Xã, thị trấn | Tổng số hộ | Hộ nghèo đầu năm 2019 | Tỷ lệ (%) | Hộ nghèo cuối năm 2019 | Tỷ lệ (%)\n"
            "1 | Xã Ea Bá | 812 | 301 | 37,07 | 236 | 29,06\n"
            "2 | Xã Ea Bar | 1.655 | 241 | 14,56 | 176 | 10,63\n")
    facts = [f for f in extract_text(text, period="2019").facts if f.subject == "Ea Bá"]
    got = {(f.metric, f.value): (f.period, f.stated_percent) for f in facts}
    assert got[("poverty.poor_households", 301)] == ("2018", 37.07)
    assert got[("poverty.poor_rate", 37.07)][0] == "2018"
    assert got[("poverty.poor_households", 236)] == ("2019", 29.06)


def test_a_district_named_with_its_province_is_the_figures_place():
    text = ("Năm 2017, tỷ lệ hộ nghèo trên địa bàn huyện Tiên Yên, tỉnh Quảng Ninh giảm 4,1% (từ 20,5% xuống còn "
            "16,4%). Tỉnh Quảng Ninh còn 8.000 hộ nghèo.")
    got = {f.value: (f.subject, f.subject_level) for f in extract_text(text).facts}
    assert got[4.1] == ("Tiên Yên", "district") and got[16.4] == ("Tiên Yên", "district")
    assert got[8000] == ("Quảng Ninh", "province")


def test_the_rate_of_poverty_reduction_and_a_yearly_average_of_it_over_the_span():
    text = ("Giai đoạn 2016 - 2020, bình quân tỷ lệ giảm nghèo của huyện đạt 3,15%/năm, bằng 105% kế hoạch; "
            "phấn đấu giai đoạn 2021 - 2025 giảm tỷ lệ hộ nghèo bình quân 2%/năm. Riêng xã A đạt 160% kế hoạch "
            "giảm nghèo.")
    got = sorted((f.value, f.period, f.status) for f in extract_text(text, period="2016-2020").facts
                 if f.metric == "poverty.poor_rate_reduction")
    assert got == [(2, "2021-2025", "target"), (3.15, "2016-2020", None)]


def test_a_unit_named_as_recognised_is_a_count_of_one():
    text = ("Công nhận huyện Phù Mỹ, tỉnh Bình Định đạt chuẩn nông thôn mới\n\n"
            "Ngày 10/3/2023, Thủ tướng Chính phủ ký Quyết định số 215/QĐ-TTg công nhận huyện Phù Mỹ, tỉnh Bình Định "
            "đạt chuẩn nông thôn mới năm 2021. Cùng dịp, UBND tỉnh công nhận xã Mỹ Lợi, huyện Phù Mỹ đạt chuẩn nông "
            "thôn mới nâng cao năm 2022. Xã Mỹ Tài và xã Mỹ Chánh được công nhận đạt chuẩn nông thôn mới. "
            "Huyện đang đề nghị công nhận thị xã Hoài Nhơn hoàn thành nhiệm vụ xây dựng nông thôn mới.")
    got = sorted((f.metric, f.value, f.subject, f.period, f.raw) for f in extract_text(text).facts
                 if f.metric.startswith("ntm."))
    # the headline and the lede name one district: one figure, dated by the year the lede writes; two
    # communes named together are no count of one, and a proposal is a step of the process
    assert got == [("ntm.communes_advanced", 1, "Phù Mỹ", "2022", "xã Mỹ Lợi"),
                   ("ntm.districts_standard", 1, "Phù Mỹ", "2021", "huyện Phù Mỹ")]


def test_a_rate_clause_after_a_semicolon_takes_the_count_before_it():
    # own wording: a list of counts, each with its rate in a ';' clause that names no topic
    text = ("Kết quả rà soát cuối năm 2022:\n- Tổng số hộ nghèo: 2.315 hộ; chiếm tỷ lệ 8,41%.\n"
            "- Tổng số hộ cận nghèo: 1.907; Tỷ lệ: 6,93%.\n")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2022").facts)
    assert got == [("poverty.near_poor_households", 1907), ("poverty.near_poor_rate", 6.93),
                   ("poverty.poor_households", 2315), ("poverty.poor_rate", 8.41)]


def test_counts_after_a_list_of_communes_keep_the_whole_unit_and_its_snapshot_date():
    # own wording: a headline naming two communes is no place of the text; "N xã đạt" is a count, not
    # "the commune" pointing back; "tính đến thời điểm 30.6.2024" is a snapshot written with dots
    text = ("Xã Tân Hòa và Phước Lộc đạt chuẩn nông thôn mới nâng cao\n\n"
            "Năm 2023 có 2 xã đạt chuẩn NTM nâng cao gồm: xã Tân Hòa (huyện Lai Vung) và xã Phước Lộc (huyện Tân Hồng).\n\n"
            "Tính đến thời điểm 30.6.2024, toàn tỉnh có 95/115 xã đạt chuẩn NTM, 31 xã đạt chuẩn NTM nâng cao.\n")
    got = sorted((f.metric, f.value, f.subject, f.period) for f in extract_text(text).facts)
    assert got == [("ntm.communes_advanced", 2, None, "2023"), ("ntm.communes_advanced", 31, None, "2024-H1"),
                   ("ntm.communes_standard", 95, None, "2024-H1")]


def test_a_national_rate_broken_down_by_region_with_the_households_after_each_rate():
    # own wording: regions are places; "r% với N hộ" gives the households behind the rate; the first region
    # of the list follows a long lead-in after the national figures
    text = ("Năm 2023, tỷ lệ hộ nghèo chung cả nước 2,93% với 815.101 hộ, chia theo vùng như sau: Tây Nguyên "
            "6,62% với 104.004 hộ; Đồng bằng sông Cửu Long 1,74% với 84.930 hộ.")
    got = sorted((f.metric, f.value, f.subject, f.subject_level) for f in extract_text(text).facts)
    assert got == [("poverty.poor_households", 84930, "Đồng bằng sông Cửu Long", "region"),
                   ("poverty.poor_households", 104004, "Tây Nguyên", "region"),
                   ("poverty.poor_households", 815101, "Việt Nam", "country"),
                   ("poverty.poor_rate", 1.74, "Đồng bằng sông Cửu Long", "region"),
                   ("poverty.poor_rate", 2.93, "Việt Nam", "country"),
                   ("poverty.poor_rate", 6.62, "Tây Nguyên", "region")]


def test_households_compared_with_after_a_rate_are_not_behind_it():
    text = "Số hộ nghèo toàn tỉnh là 11.206 hộ, chiếm 5,12% so với 218.900 hộ dân toàn tỉnh."
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2020").facts)
    assert got == [("poverty.poor_households", 11206), ("poverty.poor_rate", 5.12)]



def test_a_district_named_as_owner_in_the_headline_and_as_the_whole_unit_of_a_clause():
    # own wording: the province acts, the communes belong to the district; "toàn huyện X có" opens the
    # clause's subject; after a ';' a clause naming the title itself keeps its own kind
    text = ("Thanh Hóa công nhận 2 xã của huyện Nông Cống đạt nông thôn mới nâng cao\n\n"
            "Theo đó, 2 xã vừa được UBND tỉnh công nhận đạt chuẩn nông thôn mới nâng cao năm 2023 gồm: Tế Lợi và Minh Nghĩa.\n\n"
            "Như vậy, đến nay toàn huyện Nông Cống có 6 xã đạt chuẩn nông thôn mới nâng cao; 28/28 xã được công nhận "
            "đạt chuẩn nông thôn mới.\n")
    from rules import read
    from tests.rules_support import doc_from_text
    got = sorted((f.metric, f.value, f.subject) for f in read(doc_from_text(text)).facts)
    assert got == [("ntm.communes_advanced", 2, "Nông Cống"), ("ntm.communes_advanced", 6, "Nông Cống"),
                   ("ntm.communes_standard", 28, "Nông Cống")]


@pytest.mark.parametrize("headline", ["Lào Cai: Huyện Bảo Yên có 12 xã đạt chuẩn nông thôn mới nâng cao",
                                      "Bảo Yên (Lào Cai): Có thêm 3 xã đạt chuẩn nông thôn mới nâng cao"])
def test_a_headline_naming_the_district_with_its_province_is_about_the_district(headline):
    # own wording: "Province: Huyện X ..." and "X (Province): ..." name the district the text is about; a
    # running total names its kind in its own phrase; "Theo đó, trong năm 2023, huyện X" opens the subject
    from rules import read
    from tests.rules_support import doc_from_text
    text = (headline + "\n\nTheo đó, trong năm 2023, huyện Bảo Yên có thêm 3 xã đạt chuẩn NTM nâng cao, nâng tổng số "
            "xã NTM nâng cao của huyện lên 12 xã.\n")
    ex = read(doc_from_text(text))
    assert (ex.meta.province, ex.meta.district) == ("Lào Cai", "Bảo Yên")
    got = sorted((f.metric, f.value, f.subject) for f in ex.facts if f.block_index == 1)
    assert got == [("ntm.communes_advanced", 3, "Bảo Yên"), ("ntm.communes_advanced", 12, "Bảo Yên")]


def test_a_count_of_two_kinds_together_is_no_figure_of_either():
    text = ("Huyện Lục Yên có 11 xã đạt chuẩn nông thôn mới kiểu mẫu và nông thôn mới nâng cao; trong đó 3 xã đạt "
            "chuẩn nông thôn mới kiểu mẫu, 8 xã đạt chuẩn nông thôn mới nâng cao.")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2024").facts)
    assert got == [("ntm.communes_advanced", 8), ("ntm.communes_model", 3)]
    # advanced first: the model communes are advanced ones too
    text = "Đến năm 2025 có 40 xã đạt chuẩn NTM nâng cao, NTM kiểu mẫu."
    assert [(f.metric, f.value) for f in extract_text(text, period="2025").facts] == [("ntm.communes_advanced", 40)]


# own wording, one shape each: the facts of a sentence, (metric, value, subject)
SHAPES = [
    # a running total takes the kind its own phrase names
    ("Năm 2024 có thêm 02 xã đạt chuẩn nông thôn mới nâng cao (Tân Lập, Hòa Bình), nâng tổng số xã đạt chuẩn "
     "nông thôn mới nâng cao lên 07 xã.", "2024",
     [("ntm.communes_advanced", 2, None), ("ntm.communes_advanced", 7, None)]),
    # "X là xã có ..." names the commune; "giảm N hộ, chiếm tỉ lệ r%" is how much the rate fell; a rise's share is none
    ("Tân Lập là xã có hộ nghèo giảm nhiều nhất huyện, giảm 64 hộ, chiếm tỉ lệ 8,2%; xã Hòa Bình tăng 12 hộ, "
     "chiếm tỷ lệ 1,1%.", "2021", [("poverty.escaped_households", 64, "Tân Lập"),
                                   ("poverty.poor_rate_reduction", 8.2, "Tân Lập")]),
    # a rate in brackets after a count is of the count's place
    ("Năm 2022, Điện Biên là tỉnh có số hộ nghèo nhiều nhất vùng. Đứng thứ hai về số hộ nghèo là Sơn La "
     "với 38.120 hộ (12,4%).", None, [("poverty.poor_households", 38120, "Sơn La"), ("poverty.poor_rate", 12.4, "Sơn La")]),
    # households moving between groups are no stock of either
    ("Trong năm 2022, số hộ thoát nghèo là 1.250 hộ; có 96 hộ cận nghèo trở thành hộ nghèo; "
     "số hộ nghèo phát sinh mới là 310 hộ.", None,
     [("poverty.escaped_households", 1250, None), ("poverty.new_poor_households", 310, None)]),
    # a rate said to have fallen the least is how much it fell
    ("Xã Tân Lập có tỉ lệ hộ nghèo giảm ít nhất toàn huyện là 0,61%.", "2020",
     [("poverty.poor_rate_reduction", 0.61, "Tân Lập")]),
]


@pytest.mark.parametrize("text,period,expected", SHAPES)
def test_own_wording_shapes(text, period, expected):
    meta = {"period": period} if period else {}
    got = sorted((f.metric, f.value, f.subject) for f in extract_text(text, **meta).facts)
    assert got == sorted(expected)


def test_a_region_opening_its_sentence_is_the_subject_and_the_country_is_viet_nam():
    text = ("Năm 2023, tỷ lệ hộ nghèo cả nước là 2,93%. Phân theo vùng, tại Tây Nguyên, tỷ lệ hộ nghèo là 6,12%; "
            "tổng số hộ nghèo là 101.250 hộ. Đồng bằng sông Cửu Long, tỷ lệ hộ nghèo là 2,41%. "
            "Tại vùng Đông Nam Bộ, tỷ lệ hộ nghèo là 0,21%. Bắc Trung Bộ và Duyên hải miền Trung có tỷ lệ hộ nghèo "
            "là 3,97%.\n")
    got = sorted((f.value, f.subject, f.subject_level) for f in extract_text(text, period="2023").facts
                 if f.metric.startswith("poverty."))
    assert got == [(0.21, "Đông Nam Bộ", "region"), (2.41, "Đồng bằng sông Cửu Long", "region"),
                   (2.93, "Việt Nam", "country"), (3.97, "Bắc Trung Bộ và Duyên hải miền Trung", "region"),
                   (6.12, "Tây Nguyên", "region"), (101250, "Tây Nguyên", "region")]


def test_the_criteria_a_commune_met_in_brackets_after_it_or_in_its_own_part_of_the_sentence():
    text = ("Có 03 xã đạt từ 15 đến 18 tiêu chí, gồm: Tam Hiệp (đạt 15/19 tiêu chí), Tam Lộc (đạt 18/19 tiêu chí) "
            "và Tam Thành (đạt 16/19 tiêu chí). Hiện nay, huyện Phú Ninh có 9/10 xã đạt chuẩn nông thôn mới, "
            "xã Tam Dân đã được thẩm định đạt 19/19 tiêu chí.\n")
    got = sorted((f.value, f.subject) for f in extract_text(text, period="2023").facts if f.metric == "ntm.criteria_met")
    assert got == [(15, "Tam Hiệp"), (16, "Tam Thành"), (18, "Tam Lộc"), (19, "Tam Dân")]


def test_a_fall_from_a_start_of_year_level_with_its_rate_in_brackets():
    # the bracket and the start-of-year words after the level the fall starts from part neither the topic from
    # the level it falls to, nor date that level: it is the year's; the level it starts from is the year before's
    text = ("Năm 2024, số hộ nghèo toàn huyện giảm từ 2.318 hộ (tỷ lệ 5,02%) đầu năm xuống còn 1.604 hộ, chiếm tỷ lệ "
            "3,47%, giảm 1,55% so với đầu năm; số hộ cận nghèo là 2.010 hộ, chiếm tỷ lệ 4,35%.\n")
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text, period="2024").facts
                 if f.metric.startswith("poverty."))
    assert got == [("poverty.near_poor_households", 2010, "2024"), ("poverty.near_poor_rate", 4.35, "2024"),
                   ("poverty.poor_households", 1604, "2024"), ("poverty.poor_households", 2318, "2023"),
                   ("poverty.poor_rate", 3.47, "2024"), ("poverty.poor_rate", 5.02, "2023"),
                   ("poverty.poor_rate_reduction", 1.55, "2024")]


def test_communes_that_basically_meet_the_standard_are_not_communes_meeting_it():
    text = ("Năm 2020, tỉnh đã công nhận thêm 7 xã đạt chuẩn và cơ bản đạt chuẩn nông thôn mới. Trong đó, 4 xã đạt "
            "chuẩn nông thôn mới gồm: Thanh Xương, Thanh An, Noong Hẹt, Sam Mứn; 3 xã cơ bản đạt chuẩn nông thôn mới "
            "gồm: Pú Nhi, Na Son, Keo Lôm.\n")
    got = [(f.metric, f.value) for f in extract_text(text, period="2020").facts if f.metric.startswith("ntm.")]
    assert got == [("ntm.communes_standard", 4)]


def test_criteria_bands_named_before_their_counts():
    text = ("Kết quả xây dựng nông thôn mới năm 2019 của tỉnh:\n\n"
            "- Số xã đạt từ 15-18 tiêu chí : 31 xã.\n"
            "- Nhóm 3 (từ 10 – 14 tiêu chí): Có 18 xã (chiếm 17,3%).\n")
    got = sorted((f.value, f.label) for f in extract_text(text, period="2019").facts
                 if f.metric == "ntm.communes_by_criteria")
    assert got == [(18, "10-14"), (31, "15-18")]


def _rows(text, **meta):
    meta.setdefault("period", "2023")
    return sorted((f.metric, f.value, f.subject, f.period) for f in extract_text(text, **meta).facts
                  if f.metric.startswith(("poverty.", "ntm.")))


def test_a_rate_in_brackets_after_a_count_whose_topic_came_first():
    got = _rows("Năm 2023, số hộ nghèo là 2.315 hộ (tỷ lệ 3,12%), hộ cận nghèo là 1.870 hộ (tỷ lệ 2,52%).")
    assert ("poverty.poor_rate", 3.12, None, "2023") in got and ("poverty.near_poor_rate", 2.52, None, "2023") in got


def test_a_poor_rate_its_poor_and_near_poor_parts_add_up_to_is_of_both():
    text = ("Đến cuối năm 2023, tỷ lệ hộ nghèo đa chiều toàn huyện là 5,64%; trong đó: số hộ nghèo là 2.315 hộ "
            "(tỷ lệ 3,12%), hộ cận nghèo là 1.870 hộ (tỷ lệ 2,52%).")
    got = _rows(text)
    assert ("poverty.multidim_rate", 5.64, None, "2023") in got and ("poverty.poor_rate", 3.12, None, "2023") in got
    assert not [r for r in got if r[0] == "poverty.poor_rate" and r[1] == 5.64]
    # parts that do not add up leave a poor rate what it says
    got = _rows(text.replace("5,64%", "3,12%").replace("(tỷ lệ 3,12%)", "(chiếm 55%)"))
    assert ("poverty.poor_rate", 3.12, None, "2023") in got and not [r for r in got if r[0] == "poverty.multidim_rate"]


def test_a_unit_named_with_a_descriptor_and_what_its_sentence_goes_on_to_say():
    # 'huyện nghèo Ea Súp': the descriptor between prefix and name; the 'trong đó' parts after it are its own
    got = _rows("Tỷ lệ nghèo đa chiều huyện nghèo Ea Súp là 41,20%; trong đó: số hộ nghèo là 3.105 hộ.",
                province="Đắk Lắk")
    assert ("poverty.multidim_rate", 41.2, "Ea Súp", "2023") in got
    assert ("poverty.poor_households", 3105, "Ea Súp", "2023") in got
    # the communes counted after a district's own fraction are that district's
    got = _rows("Đến nay, 12/12 xã của huyện Yên Khánh đạt chuẩn NTM, 5 xã đạt chuẩn NTM nâng cao.", province="Ninh Bình")
    assert ("ntm.communes_advanced", 5, "Yên Khánh", "2023") in got
    # ... but not after another place is named, nor communes after a commune
    got = _rows("Xã Khánh Thủy đạt 19/19 tiêu chí, huyện Yên Khánh có 5 xã đạt chuẩn NTM nâng cao.", province="Ninh Bình")
    assert ("ntm.communes_advanced", 5, "Yên Khánh", "2023") in got
    got = _rows("Năm 2023, xã Khánh Thủy đạt chuẩn NTM nâng cao, 3 xã đạt chuẩn NTM kiểu mẫu.", province="Ninh Bình")
    assert [r for r in got if r[0] == "ntm.communes_model"] == [("ntm.communes_model", 3, None, "2023")]


def test_districts_counted_in_a_text_about_a_district_are_its_provinces():
    import rules
    from rules_support import doc_from_text
    text = ("Huyện Tân Hiệp, tỉnh Kiên Giang đạt chuẩn nông thôn mới\n\n"
            "Ngày 10/8/2021, UBND tỉnh Kiên Giang công bố Quyết định công nhận huyện Tân Hiệp đạt chuẩn nông thôn "
            "mới năm 2020. Đây là đơn vị thứ 3 trong số 3 huyện, thành phố của tỉnh đạt chuẩn nông thôn mới.\n")
    ex = rules.read(doc_from_text(text))
    assert (ex.meta.province, ex.meta.district) == ("Kiên Giang", "Tân Hiệp")
    got = {(f.value, f.subject, f.subject_level) for f in ex.facts if f.metric == "ntm.districts_standard"}
    assert (3, "Kiên Giang", "province") in got and (3, "Tân Hiệp", "district") not in got


def test_a_rate_after_a_count_that_carries_its_people():
    got = _rows("Năm 2021, tổng số hộ nghèo là 1.204 hộ/3.311 người, tỷ lệ 0,52%; hộ cận nghèo là 2.740 hộ/8.150 "
                "nhân khẩu, chiếm tỷ lệ 1,19%.")
    assert ("poverty.poor_rate", 0.52, None, "2023") not in got      # the text's own year, 2021, is in the sentence
    assert ("poverty.poor_rate", 0.52, None, "2021") in got and ("poverty.near_poor_rate", 1.19, None, "2021") in got


def test_communes_not_yet_meeting_the_standard_are_not_counted_as_meeting_it():
    got = _rows("Toàn huyện có 11/17 xã đạt chuẩn nông thôn mới. Trong 06 xã chưa đạt chuẩn, có 02 xã đạt từ 15 - 18 "
                "tiêu chí, 04 xã đạt từ 10 - 14 tiêu chí.")
    assert [r[1] for r in got if r[0] == "ntm.communes_standard"] == [11]
    assert sorted(r[1] for r in got if r[0] == "ntm.communes_by_criteria") == [2, 4]


def test_a_baseline_written_so_without_voi_and_a_place_that_is_the_one_with_the_figure():
    text = ("Năm 2024, tỷ lệ hộ nghèo toàn tỉnh là 11,24%. Trong đó, Mèo Vạc là địa phương có tỷ lệ hộ nghèo cao "
            "nhất, chiếm 30,15% (giảm 6,2% so năm 2023), tiếp đó là huyện Đồng Văn với 27,40% (giảm 5,1%).")
    got = _rows(text, province="Hà Giang", period="2024")
    assert ("poverty.poor_rate", 30.15, "Mèo Vạc", "2024") in got
    assert ("poverty.poor_rate", 27.4, "Đồng Văn", "2024") in got      # not the baseline's 2023


def test_a_target_said_in_the_brackets_it_opens():
    text = ("Năm 2023, toàn huyện có 318 hộ thoát nghèo, đạt 159% so với kế hoạch (chỉ tiêu tỉnh giao: thoát nghèo "
            "200 hộ); phát sinh 41 hộ nghèo mới.")
    got = {(f.value, f.status) for f in extract_text(text, period="2023").facts if f.metric == "poverty.escaped_households"}
    assert got == {(318, None), (200, "target")}


def test_a_movement_named_in_quotes_is_not_the_whole_country():
    text = ('Nổi bật là phong trào thi đua "Cả nước chung sức xây dựng nông thôn mới", đến nay toàn cụm có 19 xã đạt '
            'chuẩn nông thôn mới.')
    assert [r[2] for r in _rows(text) if r[0] == "ntm.communes_standard"] == [None]
    assert [r[2] for r in _rows("Đến nay, cả nước có 6.000 xã đạt chuẩn nông thôn mới.")
            if r[0] == "ntm.communes_standard"] == ["Việt Nam"]


def test_a_clause_saying_only_how_much_the_rate_fell_and_a_rate_after_a_bracketed_plan():
    text = ("Năm 2023, toàn huyện còn 612 hộ nghèo, giảm 0,71% so với năm 2022 (kế hoạch giao 0,6-1%), chiếm 2,05% "
            "tổng số hộ; trong đó:\n\n"
            "- Hộ nghèo là người dân tộc thiểu số 344 hộ, chiếm 6,2% số hộ dân tộc thiểu số, giảm 1,4% so với năm 2022.\n")
    got = _rows(text, period="2023")
    assert ("poverty.poor_rate_reduction", 0.71, None, "2023") in got
    assert ("poverty.poor_rate", 2.05, None, "2023") in got
    assert [r[1] for r in got if r[0] == "poverty.poor_rate_reduction"] == [0.71, 1.4]
    assert [r[1] for r in got if r[0] == "poverty.poor_rate"] == [2.05, 6.2]


def test_districts_the_communes_belong_to_and_a_total_named_before_with_its_place():
    text = ("Chủ tịch UBND tỉnh vừa ký quyết định công nhận 24 xã thuộc 7 huyện đạt chuẩn nông thôn mới năm 2023. "
            "Đến nay, tổng số xã đạt chuẩn nông thôn mới trên toàn tỉnh là 215 xã; có 4 huyện đạt chuẩn nông thôn mới.")
    got = _rows(text, period="2023")
    assert [r[1] for r in got if r[0] == "ntm.communes_standard"] == [24, 215]
    assert [r[1] for r in got if r[0] == "ntm.districts_standard"] == [4]


def test_a_comma_clause_naming_its_own_title_and_a_fraction_with_its_own_criteria():
    text = ("Năm 2023, huyện có thêm 4 xã đạt chuẩn nông thôn mới nâng cao, 2 xã đạt chuẩn nông thôn mới. "
            "Như vậy, đến nay huyện có 9 xã đạt chuẩn nông thôn mới nâng cao; 17/20 xã đạt 19/19 tiêu chí nông thôn mới.")
    got = _rows(text, period="2023")
    assert [r[1] for r in got if r[0] == "ntm.communes_advanced"] == [4, 9]
    assert [r[1] for r in got if r[0] == "ntm.communes_standard"] == [2]
    assert [r[1] for r in got if r[0] == "ntm.communes_by_criteria"] == [17]


def test_a_span_inside_a_movements_quoted_name_is_no_period():
    text = ("Tiền Phong: 30 xã đạt chuẩn nông thôn mới\n\n"
            "Ngày 5/12/2017, UBND tỉnh cho biết đã công nhận thêm 6 xã đạt chuẩn nông thôn mới năm 2017.\n\n"
            "Hưởng ứng phong trào thi đua “Chung sức xây dựng nông thôn mới, giai đoạn 2016 - 2020”, các địa phương "
            "triển khai nhiều cách làm. Hiện bình quân mỗi xã đạt 15 tiêu chí.\n")
    got = _rows(text, period=None)
    assert ("ntm.avg_criteria", 15, None, "2017") in got


def test_a_criteria_band_counted_in_words():
    got = _rows("Đến thời điểm này, toàn tỉnh đã có một xã đạt 16 tiêu chí, 12 xã đạt 10 - 14 tiêu chí.")
    assert sorted(r[1] for r in got if r[0] == "ntm.communes_by_criteria") == [1, 12]


def test_the_level_a_fall_starts_from_after_its_baseline_and_a_fall_of_a_rate_with_no_reduction_metric():
    text = ("Năm 2023, tỷ lệ hộ nghèo giảm 1,86% so với năm 2022, từ 9,41% xuống còn 7,55%. "
            "Tỷ lệ hộ cận nghèo giảm 0,12% so với năm 2022, từ 6,30% xuống còn 6,18%.")
    got = _rows(text, period="2023")
    assert ("poverty.poor_rate", 9.41, None, "2022") in got and ("poverty.poor_rate", 7.55, None, "2023") in got
    assert ("poverty.near_poor_rate", 6.3, None, "2022") in got and ("poverty.near_poor_rate", 6.18, None, "2023") in got
    assert [r[1] for r in got if r[0] == "poverty.near_poor_rate"] == [6.18, 6.3]     # not the fall, 0,12


def test_a_headline_figure_the_body_states_with_its_own_year_and_the_level_at_a_spans_start():
    text = ("Hòa Bình: Tỷ lệ hộ nghèo ở các huyện vùng cao giảm còn 18,4%\n\n"
            "Thực hiện Nghị quyết của Tỉnh ủy về giảm nghèo bền vững giai đoạn 2021 – 2025, 3 năm qua tỷ lệ hộ nghèo "
            "giảm nhanh. Cụ thể, tỷ lệ hộ nghèo ở các huyện vùng cao giảm còn 18,4% vào cuối năm 2023.\n\n"
            "Giai đoạn từ năm 2016 đến cuối năm 2020, huyện Lạc Sơn đã giảm tỷ lệ hộ nghèo từ 31,5% xuống còn 12,2%.\n")
    got = _rows(text, period=None)
    assert [(r[1], r[3]) for r in got if r[1] == 18.4] == [(18.4, "2023")]
    assert ("poverty.poor_rate", 31.5, "Lạc Sơn", "2016") in got and ("poverty.poor_rate", 12.2, "Lạc Sơn", "2020") in got


def test_the_whole_province_in_a_text_about_one_of_its_districts():
    text = ("Huyện Bù Đăng được công nhận đạt chuẩn nông thôn mới năm 2022\n\n"
            "Thủ tướng Chính phủ vừa ban hành quyết định công nhận huyện Bù Đăng, tỉnh Bình Phước đạt chuẩn nông thôn mới "
            "năm 2022.\n\nTính đến tháng 10/2023, toàn tỉnh có 77 xã được công nhận đạt chuẩn nông thôn mới; huyện có "
            "15/15 xã đạt chuẩn.\n")
    got = _rows(text, period=None, doc_type="other")
    assert ("ntm.communes_standard", 77, "Bình Phước", "2023") in got
    assert [r[2] for r in got if r[1] == 15] == ["Bù Đăng"]


def test_a_sentence_breaking_down_a_target_and_a_standard_compared_with():
    text = ("Theo kết quả rà soát cuối năm 2022, toàn tỉnh có 9.120 hộ nghèo, chiếm tỷ lệ 6,4%. Tỉnh phấn đấu cuối năm "
            "2023 số hộ nghèo còn 6.050 hộ, chiếm tỷ lệ 4,2%.\n\n"
            "Trong đó, tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm từ 4% trở lên. 100% hộ nghèo, hộ cận nghèo thiếu "
            "hụt về tiêu chí thu nhập được hỗ trợ vay vốn.\n\n"
            "Theo chuẩn đa chiều mới, toàn tỉnh có 12.400 hộ nghèo, chiếm tỷ lệ 8,7%, tăng 3.280 hộ so với chuẩn áp dụng "
            "cho giai đoạn 2011 - 2015.\n")
    got = {(f.metric, f.value): (f.period, f.status) for f in extract_text(text, period="2022").facts}
    assert got[("poverty.poor_rate_reduction", 4)] == ("2023", "target")
    assert ("poverty.multidim_rate", 100) not in got
    assert got[("poverty.poor_rate", 8.7)] == ("2022", None) and got[("poverty.poor_households", 12400)] == ("2022", None)


def test_a_year_after_the_dateline_is_a_target_and_bands_counted_after_co():
    text = ("Quảng Trị: Có 30 xã NTM vào năm 2020\n\nThứ Ba, ngày 07/08/2018 05:16 AM (GMT+7)\n\n"
            "Trong tổng số 117 xã, qua khảo sát, số xã đạt từ 10 tiêu chí trở lên có 41 xã; số xã đạt từ 7-9 tiêu chí "
            "có 52 xã. Theo kế hoạch, từ nay đến năm 2020, toàn tỉnh phấn đấu có 30 xã đạt chuẩn xã NTM.\n\n"
            "Đến nay có thêm 3 xã đạt chuẩn NTM, nâng số địa phương đạt chuẩn NTM toàn tỉnh lên 12 xã.\n")
    got = sorted((f.metric, f.value, f.period, f.status) for f in extract_text(text, doc_type="other").facts
                 if f.metric.startswith("ntm."))
    assert got == [("ntm.communes_by_criteria", 41, "2018", None), ("ntm.communes_by_criteria", 52, "2018", None),
                   ("ntm.communes_standard", 3, "2018", None), ("ntm.communes_standard", 12, "2018", None),
                   ("ntm.communes_standard", 30, "2020", "target")]


def test_an_explicit_proposal_for_communes_that_registered_stays_proposed():
    text = ("Hội đồng thẩm định tỉnh đã thống nhất đề nghị UBND tỉnh quyết định công nhận đối với 6 xã đăng ký đạt "
            "chuẩn NTM năm 2023.")
    got = [(f.value, f.status) for f in extract_text(text, period="2023").facts if f.metric == "ntm.communes_standard"]
    assert got == [(6, "proposed")]


def test_poor_households_said_to_have_escaped_are_escaped_households():
    got = _rows("Năm 2023, đã có 1.215 hộ nghèo trên địa bàn huyện được thoát nghèo; toàn huyện còn 2.040 hộ nghèo.")
    assert [(r[0], r[1]) for r in got] == [("poverty.escaped_households", 1215), ("poverty.poor_households", 2040)]


def test_the_levels_of_a_fall_told_in_brackets_and_the_province_owning_a_rate():
    text = ("Trong giai đoạn 2016-2020 tỷ lệ hộ nghèo trên địa bàn huyện Tân Lạc đã giảm 18,2% (từ 35,4% xuống còn "
            "17,2%), bình quân hàng năm giảm là trên 3,5%.\n\n"
            "Theo kết quả rà soát cuối năm 2021, tỷ lệ hộ nghèo chung trên địa bàn huyện Mai Châu giảm 4,5% (từ 21,3% "
            "xuống còn 16,8%). Đến cuối năm 2021, tỷ lệ hộ nghèo của huyện là 16,8%, của tỉnh là 9,6%.\n")
    got = {(f.metric, f.value, f.subject, f.period)
           for f in extract_text(text, province="Hòa Bình", district="Mai Châu", period="2021").facts}
    assert ("poverty.poor_rate", 35.4, "Tân Lạc", "2016") in got and ("poverty.poor_rate", 17.2, "Tân Lạc", "2020") in got
    assert ("poverty.poor_rate_reduction", 3.5, "Tân Lạc", "2016-2020") in got
    assert ("poverty.poor_rate", 21.3, "Mai Châu", "2020") in got and ("poverty.poor_rate", 16.8, "Mai Châu", "2021") in got
    assert ("poverty.poor_rate", 9.6, "Hòa Bình", "2021") in got     # not the reporting district's


def test_counts_of_a_fall_each_with_its_own_year_after_the_unit():
    got = _rows("Số hộ nghèo của xã giảm từ 512 hộ (năm 2019) xuống còn 377 hộ (năm 2021); số hộ cận nghèo giảm từ "
                "230 hộ năm 2019 xuống còn 198 hộ năm 2021.", period="2021")
    assert got == [("poverty.near_poor_households", 198, None, "2021"), ("poverty.near_poor_households", 230, None, "2019"),
                   ("poverty.poor_households", 377, None, "2021"), ("poverty.poor_households", 512, None, "2019")]


def test_the_count_a_fall_starts_from_is_the_year_before_when_it_names_none():
    got = _rows("Năm 2022, số hộ nghèo toàn xã giảm từ 96 hộ xuống còn 71 hộ.", period="2022")
    assert got == [("poverty.poor_households", 71, None, "2022"), ("poverty.poor_households", 96, None, "2021")]


def test_a_comma_clause_of_its_share_between_a_count_of_communes_and_its_predicate():
    got = _rows("Toàn huyện có 14/16 xã đạt 19 tiêu chí, trong đó có 12 xã, chiếm 75% số xã được công nhận đạt chuẩn "
                "nông thôn mới.", period="2020")
    assert ("ntm.communes_standard", 12, None, "2020") in got and ("ntm.communes_by_criteria", 14, None, "2020") in got


def test_list_items_under_a_lead_naming_a_part_of_the_population_and_the_households_behind_a_rate():
    text = ("Kết quả rà soát năm 2023 của huyện như sau:\n\n"
            "- Tỷ lệ nghèo đa chiều khu vực thành thị: 2,41%; tổng số hộ: 612 hộ. Trong đó:\n\n"
            "+ Tỷ lệ hộ nghèo: 1,02%; tổng số hộ nghèo: 259 hộ.\n\n"
            "+ Tỷ lệ hộ cận nghèo: 1,39%; tổng số hộ cận nghèo: 353 hộ.\n\n"
            "- Phân theo nhóm hộ dân tộc thiểu số:\n\n"
            "+ Hộ cận nghèo DTTS có 148 hộ, chiếm tỷ lệ 41,9% tổng số HCN.\n")
    got = {(f.metric, f.value, f.scope) for f in extract_text(text, period="2023").facts}
    assert ("poverty.multidim_households", 612, "khu vực thành thị") in got
    assert ("poverty.poor_rate", 1.02, "khu vực thành thị") in got
    assert ("poverty.near_poor_households", 353, "khu vực thành thị") in got
    assert not any(v == 41.9 for _, v, _ in got)     # a share of the near-poor, no rate


def test_the_year_closing_a_series_of_rates_dates_each_one():
    got = _rows("Nhờ đó, tỷ lệ hộ nghèo của huyện giảm xuống còn 3,12%, hộ cận nghèo còn 6,05% vào cuối năm 2019.",
                period="2016")
    assert got == [("poverty.near_poor_rate", 6.05, None, "2019"), ("poverty.poor_rate", 3.12, None, "2019")]


def test_a_scope_of_an_ethnic_area_stops_at_its_figure_and_poverty_with_near_poverty_is_multidimensional():
    text = ("Năm 2019, tại vùng đồng bào DTTS di cư tự do, tỷ lệ nghèo và cận nghèo chiếm hơn 35%; vùng đồng bào DTTS "
            "tại chỗ hộ nghèo chiếm 12,6%, hộ cận nghèo chiếm 20,1%.")
    got = {(f.metric, f.value, f.scope) for f in extract_text(text, period="2019").facts}
    assert got == {("poverty.multidim_rate", 35, "vùng đồng bào DTTS di cư tự do"),
                   ("poverty.poor_rate", 12.6, "vùng đồng bào DTTS tại chỗ"),
                   ("poverty.near_poor_rate", 20.1, "vùng đồng bào DTTS tại chỗ")}


def test_another_indicators_rate_after_a_poverty_topic_and_districts_named_after_a_colon():
    text = ("Năm 2022, tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo, tỷ lệ người dân tham gia bảo hiểm y tế 92%; phấn đấu "
            "3 huyện: Hòa An, Hà Quảng, Bảo Lạc đạt chuẩn nông thôn mới.")
    got = {(f.metric, f.value, f.status) for f in extract_text(text, period="2022").facts}
    assert got == {("poverty.poor_rate_reduction", 1.5, "target"), ("ntm.districts_standard", 3, "target")}


def test_a_gap_to_the_average_is_no_fall_and_an_average_per_one_commune():
    text = ("Đến năm 2020, tỷ lệ hộ nghèo của huyện giảm còn 9,8%, thấp hơn 1,7% so với trung bình toàn tỉnh; "
            "số tiêu chí bình quân đến năm 2020 là 14,2 tiêu chí/1 xã.")
    got = {(f.metric, f.value) for f in extract_text(text, period="2020").facts}
    assert got == {("poverty.poor_rate", 9.8), ("ntm.avg_criteria", 14.2)}


def test_a_level_at_the_start_of_a_year_is_that_years_unless_the_text_tells_the_years_end():
    alone = _rows("Đầu năm 2021, toàn xã có 58 hộ nghèo, chiếm tỷ lệ 2,4%.", period="2021")
    assert alone == [("poverty.poor_households", 58, None, "2021"), ("poverty.poor_rate", 2.4, None, "2021")]
    both = _rows("Đầu năm 2021, toàn xã có 58 hộ nghèo, chiếm tỷ lệ 2,4%. Đến cuối năm 2021, toàn xã còn 41 hộ "
                 "nghèo, chiếm 1,7%.", period="2021")
    assert both == [("poverty.poor_households", 41, None, "2021"), ("poverty.poor_households", 58, None, "2020"),
                    ("poverty.poor_rate", 1.7, None, "2021"), ("poverty.poor_rate", 2.4, None, "2020")]
    f = next(f for f in extract_text("Đầu năm 2021, toàn xã có 58 hộ nghèo.", period="2021").facts)
    assert f.period_source == "start_of_year"


def test_a_group_named_after_a_count_is_that_counts_and_a_reduced_rate_said_with_là():
    text = ("Kết quả rà soát năm 2022: hộ nghèo có 8.412 hộ, chiếm 2,9%, trong đó có 2.106 hộ nghèo vùng đồng bào "
            "dân tộc; hộ cận nghèo có 11.020 hộ, chiếm 3,8%. Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là "
            "0,52%, đạt 100% kế hoạch.")
    got = {(f.metric, f.value, f.scope) for f in extract_text(text, period="2022").facts}
    assert ("poverty.poor_households", 2106, "vùng đồng bào dân tộc") in got
    assert ("poverty.near_poor_households", 11020, None) in got and ("poverty.near_poor_rate", 3.8, None) in got
    assert ("poverty.poor_rate_reduction", 0.52, None) in got


def test_a_quoted_ve_dich_and_a_second_ordinal_of_a_larger_unit():
    text = ("Năm 2023, tỉnh có thêm 5 xã được công nhận đạt chuẩn nông thôn mới và 2 xã 'về đích' nông thôn mới "
            "nâng cao. Đây là xã thứ 6/9 của huyện Trần Văn Thời được công nhận đạt chuẩn nông thôn mới và là xã "
            "thứ 61/82 của tỉnh “về đích” nông thôn mới.")
    got = sorted((f.metric, f.value, f.of_total) for f in extract_text(text, period="2023").facts)
    assert got == [("ntm.communes_advanced", 2, None), ("ntm.communes_standard", 5, None),
                   ("ntm.communes_standard", 6, 9), ("ntm.communes_standard", 61, 82)]


def test_a_recognition_naming_who_recognised_it_and_the_villages_named_before_it():
    text = ("Năm 2024, xã có 3 thôn Đông Hòa, Tây Sơn, Bắc Lũy và Nam Phước đã được huyện công nhận thôn nông thôn "
            "mới kiểu mẫu. Toàn huyện có 2 xã được tỉnh công nhận xã nông thôn mới nâng cao.")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2024").facts)
    assert got == [("ntm.communes_advanced", 2), ("ntm.villages_model", 3)]


def test_a_fall_in_poor_households_is_the_households_that_left_poverty_unless_the_paragraph_counts_them():
    got = [(f.metric, f.value) for f in extract_text("Năm 2023, toàn huyện đã giảm được 412 hộ nghèo.", period="2023").facts]
    assert got == [("poverty.escaped_households", 412)]
    both = extract_text("So với đầu năm giảm 157 hộ nghèo; trong năm có 183 hộ thoát nghèo, 26 hộ nghèo phát sinh. "
                        "Hộ cận nghèo tăng 12 hộ.", period="2023").facts
    assert sorted((f.metric, f.value) for f in both) == [("poverty.escaped_households", 183),
                                                         ("poverty.new_poor_households", 26)]


def test_units_that_completed_the_programme_and_a_fraction_said_with_tren():
    text = ("Đến nay, toàn tỉnh có 48/97 xã và 2 đơn vị cấp huyện gồm: huyện Tân Phước, thị xã Cai Lậy hoàn thành "
            "Chương trình mục tiêu quốc gia về xây dựng nông thôn mới. Huyện Chợ Gạo có 19/19 xã hoàn thành "
            "Chương trình mục tiêu quốc gia về xây dựng nông thôn mới; toàn vùng có 5 trên 11 đơn vị cấp huyện "
            "hoàn thành nhiệm vụ xây dựng nông thôn mới.")
    got = sorted((f.metric, f.value, f.of_total) for f in extract_text(text, period="2022").facts)
    assert got == [("ntm.communes_standard", 19, 19), ("ntm.communes_standard", 48, 97),
                   ("ntm.districts_standard", 2, None), ("ntm.districts_standard", 5, 11)]


def test_the_level_a_target_starts_from_is_reached_and_a_plan_beaten_sets_no_target_for_its_breakdown():
    got = sorted((f.value, f.period, f.status) for f in extract_text(
        "Huyện phấn đấu giảm tỷ lệ hộ nghèo từ 12,6% năm 2021, xuống còn dưới 5% vào năm 2025.", period="2022").facts)
    assert got == [(5, "2025", "target"), (12.6, "2021", None)]
    text = ("Tỷ lệ giảm nghèo hằng năm của huyện đạt trên 6%, vượt so với mục tiêu chung của tỉnh 3%. Cụ thể, năm 2021, "
            "tỷ lệ hộ nghèo của huyện là 41,2%, giảm 6,3% so với năm 2020.")
    got = sorted((f.value, f.status) for f in extract_text(text, period="2021-2025").facts)
    assert got == [(3, "target"), (6, None), (6.3, None), (41.2, None)]


def test_a_completed_target_is_no_target_and_a_breakdown_of_what_a_plan_text_reached_is_reached():
    got = [(f.value, f.status) for f in extract_text(
        "Tỉnh đã hoàn thành mục tiêu xây dựng NTM với 98/98 xã đạt chuẩn nông thôn mới.", period="2023").facts]
    assert got == [(98, None)]
    text = ("Bắc Hà phấn đấu đạt chuẩn nông thôn mới vào năm 2026\n\n"
            "Đến nay, toàn huyện đạt 190 tiêu chí, bình quân 13,6 tiêu chí/xã. Trong đó có 2 xã đạt 19/19 tiêu chí; "
            "5 xã đạt từ 15-18 tiêu chí.")
    got = sorted((f.metric, f.value, f.status) for f in extract_text(text).facts if f.metric == "ntm.communes_by_criteria")
    assert got == [("ntm.communes_by_criteria", 2, None), ("ntm.communes_by_criteria", 5, None)]


def test_all_households_before_their_poor_parts_are_no_count_of_the_survey_topic():
    text = ("Theo kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2023, toàn xã có 2.410 hộ; trong đó có 96 hộ nghèo, "
            "chiếm tỷ lệ 3,98%; 141 hộ cận nghèo, chiếm tỷ lệ 5,85%.")
    got = sorted((f.metric, f.value) for f in extract_text(text, period="2023").facts)
    assert got == [("poverty.near_poor_households", 141), ("poverty.near_poor_rate", 5.85),
                   ("poverty.poor_households", 96), ("poverty.poor_rate", 3.98)]


def test_criteria_met_by_each_place_of_a_list_and_by_list_items_without_their_verb():
    # our wording: a paragraph that details the one before, places coordinated before "đạt", and ';' items
    # that leave the verb out
    text = ("Năm 2022, huyện Hòa Lạc đạt tổng cộng 120/171 tiêu chí nông thôn mới.\n\n"
            "Cụ thể, các xã Tân Mỹ, Đồng Xuân đạt và cơ bản đạt 18 tiêu chí; Yên Phú, Ea Kiết 15 tiêu chí; "
            "Hòa Sơn 11 tiêu chí.\n\n"
            "Kết quả thẩm định nông thôn mới nâng cao, xã Phú An và xã Mỹ Lợi đạt 19/19 tiêu chí.\n")
    ex = extract_text(text)
    got = [(f.subject, f.value) for f in pick(ex.facts, metric="ntm.criteria_met") if f.subject != "Hòa Lạc"]
    assert sorted(got) == sorted([("Đồng Xuân", 18.0), ("Ea Kiết", 15.0), ("Hòa Sơn", 11.0), ("Mỹ Lợi", 19.0),
                                  ("Phú An", 19.0), ("Tân Mỹ", 18.0), ("Yên Phú", 15.0)])
    assert {f.period for f in pick(ex.facts, metric="ntm.criteria_met", subject="Yên Phú")} == {"2022"}
    listed = pick(ex.facts, metric="ntm.criteria_met", subject="Hòa Sơn")[0]
    assert text[listed.char_start:listed.char_end] == "11" and listed.rule.endswith("/listed")


def test_a_percent_of_the_poor_who_have_something_is_no_poverty_rate():
    # our wording: targets for services to the poor, a share of the poor who are of a group, then a real rate
    text = ("Năm 2023, tỷ lệ hộ nghèo của huyện còn 6,71%. Đến năm 2025 phấn đấu nâng mức tiếp cận dịch vụ "
            "cho hộ nghèo: 100% người nghèo, cận nghèo được cấp thẻ bảo hiểm y tế; 85% hộ nghèo có nhà ở đảm "
            "bảo; 98% hộ nghèo sử dụng nước hợp vệ sinh; hơn 40% hộ nghèo là người dân tộc thiểu số.\n")
    ex = extract_text(text)
    assert sorted(f.value for f in pick(ex.facts, metric="poverty.poor_rate")) == [6.71]


def test_a_breakdown_sentence_and_its_verbless_items_keep_the_fall_the_sentence_before_told():
    # our wording: a fall, then "Cụ thể:" place by place, items after the first leaving out "giảm"
    text = ("Năm 2021, tỷ lệ hộ nghèo toàn tỉnh giảm 1,85%, vượt kế hoạch. Cụ thể: huyện Đồng Tiến giảm 4,2%; "
            "Hòa Mỹ 3,05%; Tân Lập 2,1% và thị xã Phú An 0,4%.\n\n"
            "Năm 2022, tỷ lệ hộ nghèo giảm mạnh xuống còn 1,9% (Yên Lạc 0,3%, Bình Xuyên 0,85%).\n")
    ex = extract_text(text)
    falls = {f.subject: f.value for f in pick(ex.facts, metric="poverty.poor_rate_reduction")}
    assert falls == {None: 1.85, "Đồng Tiến": 4.2, "Hòa Mỹ": 3.05, "Tân Lập": 2.1, "Phú An": 0.4}
    levels = {f.subject: f.value for f in pick(ex.facts, metric="poverty.poor_rate")}
    assert levels == {None: 1.9, "Yên Lạc": 0.3, "Bình Xuyên": 0.85}


def test_now_in_a_text_on_a_span_published_in_january_is_the_year_just_ended():
    # our wording: a news text on the 2016-2020 programme, dated 15/01/2019, telling the state "đến nay"
    text = ("Tỉnh Hòa Lâm: 21/90 xã đạt chuẩn nông thôn mới\n\n15/01/2019, 08:10 (GMT+7)\n\n"
            "Thực hiện Chương trình MTQG xây dựng NTM giai đoạn 2016 - 2020, đến nay tỉnh Hòa Lâm đã có 21/90 xã "
            "đạt chuẩn nông thôn mới, 12 xã đạt từ 15 đến 18 tiêu chí.\n")
    ex = extract_text(text)
    (f,) = pick(ex.facts, metric="ntm.communes_standard")
    assert (f.value, f.period) == (21.0, "2018")


def test_communes_still_being_appraised_are_proposed():
    # our wording: the running total, then communes "đang được thẩm định"
    ex = extract_text("Năm 2019, toàn tỉnh có 52/120 xã đạt chuẩn nông thôn mới; hiện còn 06 xã đang được khẩn "
                      "trương thẩm định để được công nhận đạt chuẩn NTM năm 2019.\n")
    got = sorted((f.value, f.status) for f in pick(ex.facts, metric="ntm.communes_standard"))
    assert got == [(6.0, "proposed"), (52.0, None)]


def test_a_text_opening_with_plans_is_of_the_one_year_it_names_as_reached():
    # our wording: plans to 2020 with a 2015 baseline, then the one year the text reports, then the stock "Hiện"
    text = ("Hòa Lâm: Giảm nghèo vùng đồng bào dân tộc thiểu số\n\n"
            "Tỉnh phấn đấu từ nay đến năm 2020, mỗi năm giảm từ 2 - 3% tỷ lệ hộ nghèo; thu nhập của hộ nghèo tăng "
            "lên 1,8 lần so với cuối năm 2015.\n\n"
            "Ngay trong năm 2018, tỉnh đã hỗ trợ 12.000 lượt hộ nghèo vay vốn. Hiện, trên địa bàn tỉnh có 41.200 hộ "
            "nghèo, chiếm 15,2% tổng số hộ.\n")
    ex = extract_text(text)
    assert {(f.metric, f.value, f.period) for f in ex.facts if f.metric in ("poverty.poor_households", "poverty.poor_rate")} \
        == {("poverty.poor_households", 41200.0, "2018"), ("poverty.poor_rate", 15.2, "2018")}


def test_the_kind_after_a_bracketed_abbreviation_and_a_bounded_change_per_commune():
    # our wording: "(NTM)" between the title and its kind, and an increase per commune with "hơn"
    text = ("Năm 2021, tỉnh công nhận 6 xã đạt chuẩn nông thôn mới (NTM) nâng cao và 2 thôn đạt chuẩn nông thôn "
            "mới (NTM) kiểu mẫu. Bình quân mỗi xã đạt 14,2 tiêu chí, tăng hơn 1,35 tiêu chí/xã so với năm 2020.\n")
    ex = extract_text(text)
    got = sorted((f.metric, f.value) for f in ex.facts)
    assert got == [("ntm.avg_criteria", 14.2), ("ntm.communes_advanced", 6), ("ntm.villages_model", 2)]


def test_a_number_of_years_ending_with_the_texts_year_is_their_span():
    # our wording: a fall "trong 4 năm" in a 2022 text; "qua 10 năm thực hiện" leads to a stock of now
    text = ("Năm 2018, tỷ lệ hộ nghèo của huyện là 9,4%. Như vậy, trong 4 năm, tỷ lệ hộ nghèo giảm 5,1%. "
            "Qua 10 năm thực hiện, huyện đã có 12/14 xã đạt chuẩn nông thôn mới.\n")
    ex = extract_text(text, period="2022")
    assert [f.period for f in pick(ex.facts, metric="poverty.poor_rate_reduction")] == ["2019-2022"]
    assert [f.period for f in pick(ex.facts, metric="ntm.communes_standard")] == ["2022"]


def test_a_second_reduced_rate_with_its_scope_and_a_yearly_fall_in_its_own_sentence():
    # our wording: "đã giảm tỷ lệ hộ nghèo X% và giảm tỷ lệ hộ nghèo <scope> là Y%", then a topicless
    # sentence giving the yearly fall of the figure before, of that figure's span
    text = ("Trong 4 năm, huyện đã giảm tỷ lệ hộ nghèo 4,2% và giảm tỷ lệ hộ nghèo trong đồng bào dân tộc Mông "
            "là trên 6,8%. Bình quân mỗi năm giảm 1,05%.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value, f.period) for f in ex.facts)
    assert got == [("poverty.poor_rate_reduction", 1.05, "2020-2023"),
                   ("poverty.poor_rate_reduction", 4.2, "2020-2023"),
                   ("poverty.poor_rate_reduction", 6.8, "2020-2023")]


def test_criteria_met_by_the_places_a_numbered_phrase_points_back_at():
    # our wording: a list opened by "gồm:" with ';' parts, then "3 xã trên" in the next paragraph;
    # "các xã trên" without its number points at nothing certain
    text = ("Đợt này, Hội đồng thẩm định xét các xã gồm: Tân Lạc (huyện Ba Vì); Phú Hòa và Đông Xuyên (huyện Quốc Oai).\n\n"
            "Đến nay, 3 xã trên đều đạt 19/19 tiêu chí nông thôn mới.\n\n"
            "Các xã được đề nghị gồm: Hòa Bình, Yên Lạc. Các xã trên đều đạt 18/19 tiêu chí.\n")
    ex = extract_text(text, period="2023")
    got = [(f.subject, f.value) for f in pick(ex.facts, metric="ntm.criteria_met")]
    assert sorted(g for g in got if g[1] == 19) == [("Phú Hòa", 19.0), ("Tân Lạc", 19.0), ("Đông Xuyên", 19.0)]
    assert all(s not in ("Hòa Bình", "Yên Lạc") for s, _ in got)


def test_the_title_before_the_communes_it_is_recognised_for_with_doi_voi():
    # our wording: "công nhận đạt chuẩn NTM đối với N xã" and "công nhận đạt các tiêu chí NTM kiểu mẫu cho N xã"
    text = ("Năm 2023, Hội đồng thẩm định tỉnh bỏ phiếu công nhận đạt chuẩn NTM đối với 5 xã. Hội đồng cũng bỏ "
            "phiếu công nhận đạt các tiêu chí NTM kiểu mẫu cho 2 xã.\n")
    got = sorted((f.metric, f.value) for f in extract_text(text).facts)
    assert got == [("ntm.communes_model", 2), ("ntm.communes_standard", 5)]


def test_a_breakdown_sentence_of_an_ntm_paragraph_with_years_after_dat_chuan_and_planned_communes():
    # our wording: the parts of an NTM total in the next sentence, each "đạt chuẩn năm YYYY", and communes
    # only planned to meet the standard
    text = ("Năm 2020, huyện có 6 xã đạt chuẩn NTM. Trong đó có Tân An và Tân Hòa là 02 xã đạt chuẩn năm 2016; "
            "04 xã Phú Lộc, Phú Hữu, Mỹ An, Mỹ Lợi đạt chuẩn năm 2019. Đối với 02 xã nằm trong kế hoạch đạt "
            "chuẩn năm 2021 là Long Hòa 17 tiêu chí, Long Phú 15 tiêu chí.\n")
    got = sorted((f.value, f.period) for f in pick(extract_text(text).facts, metric="ntm.communes_standard"))
    assert got == [(2, "2016"), (4, "2019"), (6, "2020")]


def test_a_fall_from_a_count_with_its_rate_to_the_count_it_falls_to():
    # our wording: "giảm từ A hộ, chiếm tỷ lệ X% đầu năm xuống còn B hộ"
    text = "Năm 2021, số hộ nghèo toàn xã giảm từ 320 hộ, chiếm tỷ lệ 9,2% đầu năm xuống còn 251 hộ, chiếm tỷ lệ 7,1%.\n"
    got = sorted(f.value for f in pick(extract_text(text).facts, metric="poverty.poor_households"))
    assert got == [251, 320]
