"""Award counts and shares, on sentences from the seed reports and the genre set."""
from rules_support import extract_text, pick

SEED_001_2021 = (
    "9. Công tác khen thưởng\n\n"
    "- Kết quả khen thưởng năm 2021: 01 tập thể được tặng Huân chương Lao động hạng ba (Đảng bộ, chính "
    "quyền và Nhân dân xã Quang Hán); 01 tập thể được tặng danh hiệu Cờ thi đua của Chính phủ (Trường THCS "
    "thị trấn Trùng Khánh); 03 tập thể được tặng danh hiệu Cờ thi đua của UBND tỉnh (Nhân dân và cán bộ xã "
    "Quang Hán, Trường Mầm non Quang Vinh, Trường Tiểu học thị trấn Trùng Khánh); 11 tập thể được tặng danh "
    "hiệu Tập thể Lao động xuất sắc; 21 tập thể và 25 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh. 74 "
    "Tập thể lao động tiên tiến, 73 Chiến sĩ thi đua cơ sở (trong đó Người lao động trực tiếp đạt 82%), 1015 "
    "cá nhân Lao động tiên tiến (trong đó Người lao động trực tiếp đạt 92%), Giấy khen của Chủ tịch UBND "
    "huyện tặng cho 154 tập thể và 372 cá nhân (Trong đó Người lao động trực tiếp đạt 81%).\n"
)


def test_seed_001_counts_awards_recipients_and_period():
    ex = extract_text(SEED_001_2021, period="2022")
    counts = {(f.award, f.recipient): f.value for f in pick(ex.facts, metric="award.count")}
    assert counts == {
        ("huan_chuong_lao_dong_3", "tap_the"): 1, ("co_thi_dua_chinh_phu", "tap_the"): 1,
        ("co_thi_dua_cap_bo_tinh", "tap_the"): 3, ("tap_the_lao_dong_xuat_sac", "tap_the"): 11,
        ("bang_khen_cap_bo_tinh", "tap_the"): 21, ("bang_khen_cap_bo_tinh", "ca_nhan"): 25,
        ("tap_the_lao_dong_tien_tien", "tap_the"): 74, ("chien_si_thi_dua_co_so", "ca_nhan"): 73,
        ("lao_dong_tien_tien", "ca_nhan"): 1015, ("giay_khen_cap_huyen", "tap_the"): 154,
        ("giay_khen_cap_huyen", "ca_nhan"): 372,
    }
    # the report is of 2022 but these are the 2021 results, stated at the start of the list item
    assert {f.period for f in ex.facts} == {"2021"}
    shares = {f.award: f.value for f in pick(ex.facts, metric="award.direct_worker_share")}
    assert shares == {"chien_si_thi_dua_co_so": 82, "lao_dong_tien_tien": 92, "giay_khen_cap_huyen": 81}


def test_every_fact_points_at_its_figure():
    ex = extract_text(SEED_001_2021, period="2022")
    from rules_support import doc_from_text
    doc = doc_from_text(SEED_001_2021)
    for f in ex.facts:
        assert doc.text[f.char_start:f.char_end] == f.raw
        assert f.raw in f.text and f.rule


SEED_004_BREAKDOWN = (
    "b) Về khen thưởng cấp tỉnh\n\n"
    "Chủ tịch Ủy ban nhân dân tỉnh tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 04 tập thể; tặng danh hiệu "
    "“Tập thể Lao động xuất sắc” cho 24 tập thể; tặng Bằng khen cho 52 tập thể, 78 cá nhân đã có thành tích "
    "xuất sắc trong các phong trào thi đua của tỉnh, cụ thể như sau:\n\n"
    "- Khen thưởng theo công trạng, thành tích đạt được: Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh "
    "đã tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 04 tập thể; tặng danh hiệu “Tập thể Lao động xuất sắc” "
    "cho 24 tập thể; tặng Bằng khen cho 12 tập thể, 39 cá nhân. Tỷ lệ khen thưởng cá nhân là người trực tiếp "
    "lao động, sản xuất đạt 71%; tỷ lệ khen thưởng cá nhân là lãnh đạo, quản lý đạt 29%.\n\n"
    "- Khen thưởng chuyên đề, khen thưởng đột xuất: Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh đã "
    "tặng Bằng khen cho 40 tập thể, 39 cá nhân. Tỷ lệ khen thưởng cá nhân là người trực tiếp lao động, sản "
    "xuất đạt 69%; tỷ lệ khen thưởng cá nhân là lãnh đạo, quản lý đạt 31%.\n\n"
    "c) Về khen thưởng cấp huyện\n\n"
    "Chủ tịch UBND huyện đã khen thưởng cho **186** tập thể và **692** cá nhân, cụ thể:\n\n"
    "- Khen thưởng theo công trạng, thành tích đạt được: 32 tập thể và 413 cá nhân;\n"
    "- Khen thưởng chuyên đề, đột xuất: 154 tập thể và 279 cá nhân.\n"
)


def test_seed_004_breakdown_parts_point_at_their_totals_and_add_up():
    ex = extract_text(SEED_004_BREAKDOWN, period="2023")
    facts = ex.facts
    by_local = {f.local_id: f for f in facts}
    bk_total_tt = pick(facts, award="bang_khen_cap_bo_tinh", recipient="tap_the", value=52)[0]
    parts = [f for f in facts if f.parent_local_id == bk_total_tt.local_id]
    assert sorted(f.value for f in parts) == [12, 40]
    assert sum(f.value for f in parts) == bk_total_tt.value
    assert {f.qualifier for f in parts} == {"theo công trạng, thành tích đạt được", "chuyên đề, đột xuất"}
    # a district chairman's commendation is a Giấy khen of the district
    gk = pick(facts, award="giay_khen_cap_huyen")
    assert sorted(f.value for f in gk) == [32, 154, 186, 279, 413, 692]
    for f in gk:
        if f.parent_local_id is not None:
            assert by_local[f.parent_local_id].recipient == f.recipient
    total_cn = pick(facts, award="giay_khen_cap_huyen", recipient="ca_nhan", value=692)[0]
    assert sum(f.value for f in facts if f.parent_local_id == total_cn.local_id) == 692
    shares = sorted((f.metric, f.value, f.qualifier) for f in facts if f.metric.endswith("_share"))
    assert shares == [("award.direct_worker_share", 69, "chuyên đề, đột xuất"),
                      ("award.direct_worker_share", 71, "theo công trạng, thành tích đạt được"),
                      ("award.leader_share", 29, "theo công trạng, thành tích đạt được"),
                      ("award.leader_share", 31, "chuyên đề, đột xuất")]


def test_proposals_and_generic_commendations():
    text = ("* Hội đồng thi đua khen thưởng các xã trong cụm trong năm đã xét đề nghị Chủ tịch UBND xã khen "
            "thưởng cho hơn 200 tập thể và cá nhân có thành tích trong các phong trào thi đua.\n\n"
            "Tại Hội nghị điển hình tiên tiến lần thứ IV huyện Hà Quảng giai đoạn 2015 – 2020, dự kiến khen "
            "thưởng 42 tập thể và 75 cá nhân điển hình tiên tiến.\n")
    ex = extract_text(text, period="2022")
    f200 = pick(ex.facts, value=200)[0]
    assert (f200.award, f200.recipient, f200.status, f200.bound) == ("khen_thuong", "mixed", "proposed", ">")
    dh = pick(ex.facts, award="dien_hinh_tien_tien")
    assert sorted((f.recipient, f.value, f.status, f.period) for f in dh) == [
        ("ca_nhan", 75, "proposed", "2015-2020"), ("tap_the", 42, "proposed", "2015-2020")]


def test_issuer_of_a_bare_award_comes_from_the_granter_or_the_heading():
    text = ("1. Khen thưởng cấp Nhà nước\n\n"
            "- Thủ tướng Chính phủ tặng Bằng khen cho 02 tập thể; Chủ tịch nước tặng thưởng Huân chương Lao "
            "động hạng Nhì cho 01 tập thể.\n\n"
            "2. Khen thưởng cấp tỉnh\n\n"
            "- Tặng Bằng khen cho 05 cá nhân; các đoàn thể tỉnh tặng Bằng khen cho 03 tập thể.\n\n"
            "- Chủ tịch UBND các xã trong Cụm đã tặng Giấy khen cho 118 tập thể, 342 cá nhân.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.award, f.recipient, f.value) for f in pick(ex.facts, metric="award.count"))
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 5), ("bang_khen_khac", "tap_the", 3),
                   ("bang_khen_thu_tuong", "tap_the", 2), ("giay_khen_cap_xa", "ca_nhan", 342),
                   ("giay_khen_cap_xa", "tap_the", 118), ("huan_chuong_lao_dong_2", "tap_the", 1)]


def test_abbreviations_lists_under_an_award_heading_and_receiving_communes():
    text = ("**2. Giấy khen của Chủ tịch UBND xã năm 2024**\n"
            "- Tập thể: 11\n- Cá nhân: 34\n\n"
            "3. Ngành giáo dục\n\n"
            "- BK của Chủ tịch UBND tỉnh: 03 TT, 06 CN;\n\n"
            "Riêng xã Ngư Lộc được Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể và 03 cá nhân.\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.award, f.recipient, f.value, f.subject) for f in pick(ex.facts, metric="award.count"))
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 3, "Ngư Lộc"), ("bang_khen_cap_bo_tinh", "ca_nhan", 6, None),
                   ("bang_khen_cap_bo_tinh", "tap_the", 1, "Ngư Lộc"), ("bang_khen_cap_bo_tinh", "tap_the", 3, None),
                   ("giay_khen_cap_xa", "ca_nhan", 34, None), ("giay_khen_cap_xa", "tap_the", 11, None)]


def test_culture_titles_with_fractions_keep_the_denominator_and_stated_percent():
    text = ("Kết quả bình xét năm 2022: toàn xã có 2.315/2.604 hộ đạt danh hiệu “Gia đình văn hóa”, đạt 88,9%; "
            "14/16 thôn đạt danh hiệu “Thôn văn hóa”; 05/06 cơ quan, đơn vị đạt chuẩn văn hóa.\n")
    ex = extract_text(text, period="2023")
    got = sorted((f.award, f.value, f.of_total, f.stated_percent) for f in ex.facts)
    assert got == [("co_quan_van_hoa", 5, 6, None), ("gia_dinh_van_hoa", 2315, 2604, 88.9),
                   ("thon_van_hoa", 14, 16, None)]


def test_a_tờ_trình_counts_proposals_and_a_plan_section_targets():
    text = "1. Tặng Cờ thi đua của UBND tỉnh cho 02 tập thể dẫn đầu khối thi đua của huyện.\n"
    ex = extract_text(text, period="2022", doc_type="to_trinh")
    assert [(f.award, f.status) for f in ex.facts] == [("co_thi_dua_cap_bo_tinh", "proposed")]
    plan = ("Phần thứ hai\n\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023\n\n"
            "1. Phấn đấu có thêm 02 xã đạt chuẩn nông thôn mới; giảm tỷ lệ hộ nghèo 2% trở lên.\n")
    ex = extract_text(plan, period="2022")
    assert {(f.metric, f.status, f.period) for f in ex.facts} == {
        ("ntm.communes_standard", "target", "2023"), ("poverty.poor_rate_reduction", "target", "2023")}


def test_no_award_from_counts_of_other_things():
    text = ("Hội đồng thi đua, khen thưởng huyện gồm 17 thành viên, gồm 01 Chủ tịch, 02 Phó Chủ tịch và 14 "
            "ủy viên. UBND huyện trình đề nghị cấp đổi, cấp lại hiện vật khen thưởng cấp Nhà nước cho 07 "
            "trường hợp. Hội đồng đã công nhận 20 sáng kiến kinh nghiệm của 65 tác giả.\n")
    ex = extract_text(text, period="2023")
    assert [f for f in ex.facts if f.metric.startswith("award.")] == []


def test_the_year_an_award_rewards_is_not_when_it_was_given():
    """Granted in the first half of 2024 for what was done in 2023: the figure's
    period is 2024-H1; without a granting period the rewarded year is used."""
    text = ("Sáu tháng đầu năm 2024, Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể và 35 cá nhân có thành tích "
            "trong tổng kết năm 2023; trong đó, qua sơ kết phong trào “Dân vận khéo” tặng Giấy khen cho 05 tập "
            "thể, 09 cá nhân.\n")
    ex = extract_text(text, period="2024-H1", issuer="UBND xã Ninh Thới")
    assert {(f.value, f.period) for f in ex.facts if f.metric == "award.count"} == {
        (12.0, "2024-H1"), (35.0, "2024-H1"), (5.0, "2024-H1"), (9.0, "2024-H1")}
    only = "Khen thưởng tổng kết năm 2023: tặng Giấy khen cho 05 tập thể.\n"
    ex = extract_text(only, period="2024-H1", issuer="UBND xã Ninh Thới")
    assert [(f.value, f.period) for f in ex.facts] == [(5.0, "2023")]


def test_a_year_written_with_the_title_is_its_period():
    """'Đầu năm 2024, ... công nhận 15.804 hộ đạt danh hiệu Gia đình văn hóa năm 2023': the title's year."""
    text = ("- Đầu năm 2024, Ủy ban nhân dân phường đã công nhận 15.804 hộ đạt danh hiệu Gia đình văn hóa năm "
            "2023 (đạt 93,1%); 57/57 khu phố được công nhận danh hiệu Khu phố văn hóa năm 2023.\n")
    ex = extract_text(text, period="2024-Q1", issuer="UBND phường Hiệp Bình Chánh")
    assert [(f.award, f.value, f.period) for f in ex.facts if f.metric == "award.count"] == [
        ("gia_dinh_van_hoa", 15804.0, "2023"), ("thon_van_hoa", 57.0, "2023")]


def test_five_written_as_a_word_and_a_total_split_in_the_next_paragraph():
    text = ("Giám đốc Sở Giáo dục và Đào tạo tặng Giấy khen cho ba tập thể và năm cá nhân. Năm học "
            "2023-2024, trường có 40 giáo viên.\n\n"
            "Năm 2024, Hội Cựu chiến binh tỉnh đã tặng 75 Bằng khen của Ban Thường vụ Hội Cựu chiến binh tỉnh "
            "và 210 Giấy khen của Hội cấp huyện.\n\n"
            "Bằng khen của Ban Thường vụ Hội Cựu chiến binh tỉnh được tặng cho 21 tập thể và 54 cá nhân.\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.award, f.recipient or "", f.value) for f in pick(ex.facts, metric="award.count"))
    assert ("giay_khen", "ca_nhan", 5) in got and ("giay_khen", "tap_the", 3) in got
    assert ("bang_khen_khac", "mixed", 75) in got          # 75 = 21 + 54, said in the next paragraph
    assert ("bang_khen_khac", "tap_the", 21) in got and ("bang_khen_khac", "ca_nhan", 54) in got
    assert ("giay_khen", "", 210) in got                    # nothing splits it: no recipient guessed
    assert not any(v == 2023 or v == 2024 for _, _, v in got)


def test_a_commendation_total_whose_forms_follow_is_not_one_form():
    text = ("Năm 2024, Chủ tịch UBND xã đã khen thưởng 31 lượt tập thể, cá nhân, gồm Giấy khen cho 9 tập thể "
            "và 22 cá nhân.\n\n"
            "Chủ tịch UBND xã đã khen thưởng cho 14 tập thể và 40 cá nhân, cụ thể:\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.award, f.recipient, f.value) for f in pick(ex.facts, metric="award.count"))
    assert got == [("giay_khen_cap_xa", "ca_nhan", 22), ("giay_khen_cap_xa", "ca_nhan", 40),
                   ("giay_khen_cap_xa", "tap_the", 9), ("giay_khen_cap_xa", "tap_the", 14),
                   ("khen_thuong", "mixed", 31)]


def test_each_share_takes_the_cue_nearest_to_it():
    text = "- CSTĐCS: 36 cá nhân (người lao động trực tiếp chiếm 75%, cán bộ lãnh đạo chiếm 25%);\n"
    ex = extract_text(text, period="2023")
    got = sorted((f.metric, f.value) for f in ex.facts if "share" in f.metric)
    assert got == [("award.direct_worker_share", 75), ("award.leader_share", 25)]


def test_spelled_out_counts_and_parts_after_gồm_take_the_granting_year():
    text = ("Tặng Giấy khen của Chủ tịch UBND huyện cho 03 (ba) tập thể và 07 (bảy) cá nhân.\n\n"
            "- Chủ tịch UBND huyện tặng Giấy khen cho 90 tập thể và 200 cá nhân, gồm: khen thưởng tổng kết năm "
            "2022 là 40 tập thể, 120 cá nhân; khen thưởng chuyên đề, đột xuất là 50 tập thể, 80 cá nhân.\n\n"
            "Trong 6 tháng đầu năm 2024, Chủ tịch UBND xã đã tặng Giấy khen cho mười tập thể và hai mươi cá "
            "nhân có thành tích trong thực hiện nhiệm vụ năm 2023, trong đó: ba tập thể và tám cá nhân có "
            "thành tích xuất sắc.\n")
    ex = extract_text(text, period="2023")
    got = [(f.value, f.recipient, f.period) for f in pick(ex.facts, metric="award.count")]
    assert got[:2] == [(3, "tap_the", "2023"), (7, "ca_nhan", "2023")]
    parts = {(f.value, f.period) for f in ex.facts if f.parent_local_id is not None}
    assert {(40, "2023"), (120, "2023"), (50, "2023"), (80, "2023")} <= parts
    h1 = {(f.value, f.period) for f in pick(ex.facts, metric="award.count") if f.block_index == 2}
    assert h1 == {(10, "2024-H1"), (20, "2024-H1"), (3, "2024-H1"), (8, "2024-H1")}


def test_event_labels_and_running_achievements_are_not_the_granting_period():
    text = ("III. KẾT QUẢ KHEN THƯỞNG QUÝ III NĂM 2024\n\n"
            "2. GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN\n\n"
            "- Sơ kết phong trào \"Dân vận khéo\" giai đoạn 2021 - 2024: 10 tập thể và 16 cá nhân;\n"
            "- Hội thao cấp huyện năm 2024: 04 tập thể, 11 cá nhân.\n\n"
            "Tổng cộng: 14 tập thể và 27 cá nhân.\n\n"
            "3. HỒ SƠ ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG\n\n"
            "- Trình Thủ tướng Chính phủ tặng Bằng khen cho 01 tập thể có thành tích xuất sắc trong xây dựng "
            "nông thôn mới giai đoạn 2021 - 2025.\n")
    ex = extract_text(text, period="2024-Q3", issuer="UBND huyện Trảng Bom")
    got = sorted((f.award, f.value, f.period) for f in pick(ex.facts, metric="award.count"))
    assert got == [("bang_khen_thu_tuong", 1, "2024-Q3"),
                   ("giay_khen_cap_huyen", 4, "2024-Q3"), ("giay_khen_cap_huyen", 10, "2024-Q3"),
                   ("giay_khen_cap_huyen", 11, "2024-Q3"), ("giay_khen_cap_huyen", 14, "2024-Q3"),
                   ("giay_khen_cap_huyen", 16, "2024-Q3"), ("giay_khen_cap_huyen", 27, "2024-Q3")]


def test_awards_of_a_group_or_company_are_of_another_issuer():
    text = ("- Bằng khen của Bộ trưởng Bộ Công Thương: 01 tập thể;\n"
            "- Bằng khen của Tổng Giám đốc Tổng công ty: 04 tập thể, 09 cá nhân;\n"
            "- Cờ thi đua của Tập đoàn Dệt May Việt Nam: 01 tập thể.\n")
    ex = extract_text(text, period="2023")
    assert [(f.award, f.value) for f in pick(ex.facts, metric="award.count")] == [
        ("bang_khen_cap_bo_tinh", 1), ("bang_khen_khac", 4), ("bang_khen_khac", 9), ("co_thi_dua_khac", 1)]


def test_a_command_or_a_party_committee_is_another_issuer_the_bare_labour_confederation_is_central():
    text = ("Trong lĩnh vực công đoàn, Tổng Liên đoàn tặng bằng khen cho 06 tập thể; Bộ Tư lệnh Cảnh sát biển tặng "
            "Bằng khen cho 3 cá nhân; Ban Thường vụ Huyện ủy tặng Giấy khen cho 9 đảng viên; Thành ủy tặng Cờ thi "
            "đua cho 2 tập thể.\n")
    ex = extract_text(text, period="2023")
    assert [(f.award, f.value) for f in pick(ex.facts, metric="award.count")] == [
        ("bang_khen_cap_bo_tinh", 6), ("bang_khen_khac", 3), ("giay_khen", 9), ("co_thi_dua_khac", 2)]


def test_a_long_merit_phrase_with_its_span_before_the_award_and_a_granter_after_xuat_sac():
    text = ("Giai đoạn 2016-2021, có 2 tập thể được Chính phủ tặng cờ thi đua, 11 lượt tập thể được tặng cờ thi đua "
            "xuất sắc của UBND tỉnh. Tại hội nghị, 31 tập thể và 64 cá nhân có thành tích xuất sắc trong phong trào "
            "thi đua yêu nước giai đoạn 2016-2021 đã được Chủ tịch UBND huyện tặng giấy khen.\n")
    got = [(f.award, f.recipient, f.value) for f in pick(extract_text(text, period="2021").facts, metric="award.count")]
    assert got == [("co_thi_dua_chinh_phu", "tap_the", 2), ("co_thi_dua_cap_bo_tinh", "tap_the", 11),
                   ("giay_khen_cap_huyen", "tap_the", 31), ("giay_khen_cap_huyen", "ca_nhan", 64)]


def test_teachers_counted_and_consecutive_years_are_not_the_period():
    text = ("Ngoài ra, 03 nhà giáo được Bộ trưởng Bộ GD&ĐT tặng Kỷ niệm chương “Vì sự nghiệp giáo dục”.\n\n"
            "4. Công nhận danh hiệu “Chiến sĩ thi đua cấp tỉnh” cho 01 cá nhân: ông Lê Văn Tám, đã có 03 năm liên "
            "tục (2021 - 2023) đạt danh hiệu Chiến sĩ thi đua cơ sở.\n")
    ex = extract_text(text, period="2023", doc_type="to_trinh")
    got = [(f.award, f.recipient, f.value, f.period) for f in pick(ex.facts, metric="award.count")]
    assert got == [("ky_niem_chuong", "ca_nhan", 3, "2023"), ("chien_si_thi_dua_cap_bo_tinh", "ca_nhan", 1, "2023")]


def test_a_cluster_report_sentence_about_one_district_and_a_council_proposal():
    text = ("Huyện Mường Ảng chú trọng khen thưởng người lao động trực tiếp, năm 2022 đã công nhận 842 cá nhân đạt "
            "danh hiệu Lao động tiên tiến.\n\n"
            "Hội đồng Thi đua - Khen thưởng huyện đã họp xét, đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập "
            "thể; công nhận danh hiệu Tập thể lao động xuất sắc cho 04 tập thể.\n")
    ex = extract_text(text, period="2022")                      # no district: a cluster's report
    got = [(f.award, f.value, f.subject, f.status) for f in pick(ex.facts, metric="award.count")]
    assert got == [("lao_dong_tien_tien", 842, "Mường Ảng", None), ("bang_khen_cap_bo_tinh", 3, None, "proposed"),
                   ("tap_the_lao_dong_xuat_sac", 4, None, "proposed")]
    own = extract_text(text, period="2022", district="Mường Ảng")  # the district's own report: no subject
    assert pick(own.facts, metric="award.count")[0].subject is None


def test_bch_and_btv_before_the_issuer():
    text = ("Năm 2024, Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể; tặng Bằng khen của BCH Hội LHPN tỉnh cho "
            "38 tập thể và Cờ thi đua của BTV Tỉnh đoàn cho 3 tập thể.\n")
    ex = extract_text(text, period="2024")
    assert [(f.award, f.value) for f in pick(ex.facts, metric="award.count")] == [
        ("bang_khen_cap_bo_tinh", 2), ("bang_khen_khac", 38), ("co_thi_dua_khac", 3)]


def test_culture_titles_kept_and_an_english_thousands_count():
    text = ("Năm 2024, toàn huyện có 38,412 hộ đạt danh hiệu \"Gia đình văn hoá\", chiếm 88,1% tổng số hộ; 61/70 "
            "ấp, khu vực được công nhận danh hiệu \"Ấp văn hoá\"; 25/27 thôn giữ vững danh hiệu \"Thôn văn hoá\".\n")
    ex = extract_text(text, period="2024")
    got = [(f.award, f.value, f.of_total) for f in pick(ex.facts, metric="award.count")]
    assert got == [("gia_dinh_van_hoa", 38412, None), ("thon_van_hoa", 61, 70), ("thon_van_hoa", 25, 27)]
    f = pick(ex.facts, metric="award.count")[0]
    assert f.confidence < 1 and "38.412" in f.note        # the reader had to choose: shown to the analyst


# --- commendations whose form is not named, counts of times, flags (real-text shapes, our wording) ---
def _aw(text, period="2022"):
    from rules_support import extract_text
    return [(f.value, f.award, f.recipient) for f in extract_text(text, period=period).facts if f.metric == "award.count"]


def test_generic_commendations_with_a_kind_and_said_after_the_count():
    assert _aw("UBND xã khen thưởng thường xuyên cho 12 tập thể, 30 cá nhân; khen thưởng đột xuất cho 02 tập thể.") == \
        [(12, "khen_thuong", "tap_the"), (30, "khen_thuong", "ca_nhan"), (2, "khen_thuong", "tap_the")]
    assert _aw("Trong 5 năm, 1.250 lượt tập thể, 9.100 lượt cá nhân được các cấp khen thưởng.") == \
        [(1250, "khen_thuong", "tap_the"), (9100, "khen_thuong", "ca_nhan")]
    # a body names no form; the chairman's own commendation is his Giấy khen
    assert _aw("UBND xã khen thưởng 8 hộ gia đình.") == [(8, "khen_thuong", "ho_gia_dinh")]
    assert _aw("Chủ tịch UBND huyện đã khen thưởng cho 48 tập thể.") == [(48, "giay_khen_cap_huyen", "tap_the")]


def test_times_a_unit_was_given_a_flag():
    assert _aw("Công an tỉnh đã 2 lần được tặng cờ thi đua của Thủ tướng Chính phủ; 3 lần được tặng cờ thi đua "
               "của Bộ Công an.") == [(2, "co_thi_dua_chinh_phu", "tap_the"), (3, "co_thi_dua_cap_bo_tinh", "tap_the")]


def test_a_breakdown_listed_after_trong_do_colon_and_people_counted_by_their_kinds():
    from rules_support import extract_text
    ex = extract_text("Chủ tịch UBND huyện tặng Giấy khen cho 90 tập thể, 220 cá nhân, trong đó: khen thưởng theo "
                      "công trạng 40 tập thể, 130 cá nhân; khen thưởng chuyên đề, đột xuất 48 tập thể, 88 cá nhân.",
                      period="2022")
    by_value = {f.value: f for f in ex.facts if f.metric == "award.count"}
    assert by_value[48].parent_local_id == by_value[90].local_id       # the second part links to its total
    assert by_value[40].parent_local_id == by_value[90].local_id
    assert by_value[88].parent_local_id == by_value[220].local_id
    got = [(f.value, f.award, f.recipient) for f in extract_text(
        "Có 30 cán bộ, giáo viên, nhân viên được công nhận danh hiệu Lao động tiên tiến.", period="2023").facts]
    assert got == [(30, "lao_dong_tien_tien", "ca_nhan")]


def test_each_ranked_order_keeps_the_count_given_to_it_and_titles_inside_recipient_words():
    text = ("Bộ CHQS tỉnh đã trao Huân chương Bảo vệ Tổ quốc hạng Nhất cho 1 cá nhân; Huân chương Bảo vệ Tổ quốc "
            "hạng Nhì cho 3 cá nhân và 2 Huân chương Bảo vệ Tổ quốc hạng Ba cho 2 cá nhân.")
    assert sorted(_aw(text)) == [(1, "huan_chuong_bao_ve_to_quoc_1", "ca_nhan"),
                                 (2, "huan_chuong_bao_ve_to_quoc_3", "ca_nhan"),     # '2 Huân chương ... cho 2 cá nhân': one figure
                                 (3, "huan_chuong_bao_ve_to_quoc_2", "ca_nhan")]
    assert _aw("Toàn xã có 6/6 ấp đạt chuẩn văn hóa, có 3.157 hộ gia đình văn hóa.")[-1] == \
        (3157, "gia_dinh_van_hoa", "ho_gia_dinh")


def test_proposed_and_then_granted_is_granted_for_the_whole_list():
    text = ("Huyện đề nghị và được Chủ tịch UBND tỉnh tặng Cờ thi đua cho 01 tập thể; công nhận danh hiệu "
            "Tập thể lao động xuất sắc cho 07 tập thể.\n")
    ex = extract_text(text, period="2023")
    assert sorted((f.value, f.status) for f in ex.facts if f.metric == "award.count") == [(1, None), (7, None)]


def test_the_form_named_in_brackets_after_the_verb_and_a_share_of_the_whole():
    text = ("Quý III năm 2024, các xã trong Cụm đã khen thưởng theo thẩm quyền (Giấy khen của Chủ tịch UBND "
            "cấp xã) cho 64 tập thể, 210 cá nhân, trong đó tháng 9/2024 là 20 tập thể, 71 cá nhân; tỷ lệ cá "
            "nhân là người lao động trực tiếp được khen thưởng đạt 61%.\n")
    ex = extract_text(text, period="2024")
    got = sorted((f.metric, f.value, f.award, f.period) for f in ex.facts)
    assert ("award.count", 64, "giay_khen_cap_xa", "2024-Q3") in got
    assert ("award.count", 210, "giay_khen_cap_xa", "2024-Q3") in got
    assert ("award.direct_worker_share", 61, "giay_khen_cap_xa", "2024-Q3") in got


def test_a_sentence_going_on_with_the_one_before_takes_its_proposal_and_striving_is_no_target():
    text = ("08 tập thể được đề nghị tặng Cờ thi đua của Chính phủ. Ngoài ra, còn có Cờ thi đua của UBND tỉnh: "
            "31 tập thể; Chiến sĩ thi đua cấp tỉnh: 45 cá nhân.\n\n"
            "Qua 60 năm không ngừng phấn đấu, huyện có 52 tập thể, cá nhân được tặng danh hiệu Anh hùng lực lượng vũ trang.\n")
    got = sorted((f.value, f.status) for f in extract_text(text, period="2023").facts if f.metric == "award.count")
    assert got == [(8, "proposed"), (31, "proposed"), (45, "proposed"), (52, None)]


def test_cases_counted_are_no_school():
    text = "Trong 5 năm, có 1.204 trường hợp được Thủ tướng Chính phủ tặng bằng khen và 3 trường được tặng Cờ thi đua của Chính phủ.\n"
    got = sorted((f.value, f.award, f.recipient) for f in extract_text(text, period="2020-2025").facts)
    assert got == [(3, "co_thi_dua_chinh_phu", "tap_the"), (1204, "bang_khen_thu_tuong", None)]


def test_people_counted_with_collectives_and_a_description_before_the_commendation():
    text = ("UBND huyện đã tuyên dương, khen thưởng 8 tập thể, 37 giáo viên tiêu biểu và 410 học sinh giỏi.\n\n"
            "Toàn tỉnh có 96 tập thể, 152 cá nhân hoàn thành xuất sắc nhiệm vụ được khen thưởng tại Đại hội.\n\n"
            "Có 14 tập thể hoàn thành xuất sắc nhiệm vụ được tặng Bằng khen của Chủ tịch UBND tỉnh; "
            "toàn tỉnh có 1.150 bà mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng.\n\n"
            "Trường có 42 giáo viên và 525 học sinh.\n")
    got = sorted((f.value, f.award, f.recipient) for f in extract_text(text, period="2023").facts
                 if f.metric == "award.count")
    assert got == [(8, "khen_thuong", "tap_the"), (14, "bang_khen_cap_bo_tinh", "tap_the"), (37, "khen_thuong", "ca_nhan"),
                   (96, "khen_thuong", "tap_the"), (152, "khen_thuong", "ca_nhan"), (410, "khen_thuong", "ca_nhan"),
                   (1150, "ba_me_viet_nam_anh_hung", "ca_nhan")]


def test_an_award_right_before_its_count_and_the_collective_form_of_a_title():
    text = ("Nhân dịp này, UBND huyện đã tặng Giấy khen 180 tập thể, 402 cá nhân; công nhận 91 tập thể và 350 cá nhân "
            "Lao động tiên tiến.\n")
    got = sorted((f.value, f.award) for f in extract_text(text, period="2023").facts)
    assert got == [(91, "tap_the_lao_dong_tien_tien"), (180, "giay_khen_cap_huyen"), (350, "lao_dong_tien_tien"),
                   (402, "giay_khen_cap_huyen")]


def test_a_list_item_takes_the_granter_of_the_line_it_hangs_from():
    text = ("Hội đồng Thi đua - Khen thưởng xã đã họp xét và thống nhất đề nghị Chủ tịch UBND huyện:\n\n"
            "- Công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 02 cá nhân;\n\n"
            "- Tặng Giấy khen cho 03 tập thể và 06 cá nhân.\n")
    got = sorted((f.value, f.award, f.status) for f in extract_text(text, period="2023").facts)
    assert got == [(2, "chien_si_thi_dua_co_so", "proposed"), (3, "giay_khen_cap_huyen", "proposed"),
                   (6, "giay_khen_cap_huyen", "proposed")]


def test_the_ranks_of_an_order_in_the_bracket_after_its_total_are_its_parts():
    text = "Năm 2024, đơn vị được trao 11 Huân chương Chiến công (2 hạng nhất, 4 hạng nhì, 5 hạng ba).\n"
    facts = extract_text(text, period="2024").facts
    total = pick(facts, award="huan_chuong_chien_cong")[0]
    parts = sorted((f.award, f.value) for f in facts if f.parent_local_id == total.local_id)
    assert total.value == 11 and parts == [("huan_chuong_chien_cong_1", 2), ("huan_chuong_chien_cong_2", 4),
                                           ("huan_chuong_chien_cong_3", 5)]


def test_villages_given_the_title_culture_without_saying_village_culture():
    text = "Năm 2024 có 95/120 thôn, tổ dân phố đạt danh hiệu văn hóa, đạt 79,2%.\n"
    f = pick(extract_text(text, period="2024").facts, metric="award.count")[0]
    assert (f.value, f.of_total, f.award) == (95, 120, "thon_van_hoa")


def test_posthumous_titles_handed_to_kin_and_the_abbreviated_title():
    # own wording: the kin receive the title for the mothers counted after them
    got = sorted((f.value, f.award) for f in extract_text(
        'Thừa ủy quyền Chủ tịch nước, huyện đã trao danh hiệu "Bà mẹ Việt Nam anh hùng" cho 14 mẹ và thân nhân '
        'của 39 mẹ đã từ trần. Đồng thời trao chứng nhận danh hiệu "Bà mẹ Việt Nam anh hùng" cho thân nhân của 8 Bà Mẹ '
        'tại xã Tam Hiệp.', period="2015").facts)
    assert got == [(8, "ba_me_viet_nam_anh_hung"), (14, "ba_me_viet_nam_anh_hung"), (39, "ba_me_viet_nam_anh_hung")]
    got = [(f.value, f.award) for f in extract_text("Truy tặng danh hiệu cho 25 mẹ VNAH", period="2016").facts]
    assert got == [(25, "ba_me_viet_nam_anh_hung")]


def test_sports_medals_are_no_state_award_and_a_share_of_the_poor_is_no_rate():
    facts = extract_text("Kết thúc Hội khỏe Phù Đổng, huyện giành được 14 Huy chương ở các môn thi đấu. Đoàn đã đoạt "
                         "5 Huy chương gồm 2 HCV, 1 HCB và 2 HCĐ.", period="2023").facts
    assert [f for f in facts if f.metric == "award.count"] == []
    facts = extract_text("Trong đó, hộ nghèo không có khả năng lao động 1.210 hộ, chiếm 38,5% so với tổng số hộ nghèo.",
                         period="2022").facts
    assert [(f.metric, f.value) for f in facts] == [("poverty.poor_households", 1210)]


def test_departments_and_youth_branches_counted_as_collectives():
    got = sorted((f.value, f.award, f.recipient) for f in extract_text(
        "Bộ trưởng quyết định tặng Cờ thi đua cho 05 sở giáo dục và đào tạo; tặng Bằng khen cho 17 sở giáo dục và đào "
        "tạo. Trung ương Đoàn tặng Bằng khen cho 3 chi đoàn.", period="2019").facts)
    assert got == [(3, "bang_khen_cap_bo_tinh", "tap_the"), (5, "co_thi_dua_cap_bo_tinh", "tap_the"),
                   (17, "bang_khen_cap_bo_tinh", "tap_the")]


def test_who_a_count_of_awards_went_to_after_cho():
    got = sorted((f.value, f.award, f.recipient) for f in extract_text(
        "Đơn vị đã trao 7 Huân chương Bảo vệ Tổ quốc (2 hạng nhì, 5 hạng ba) cho nguyên thủ trưởng các đồn biên "
        "phòng; trao 40 Huy chương Quân kỳ Quyết thắng cho cán bộ, sĩ quan; Chủ tịch nước tặng 12 Huân chương Lao "
        "động hạng Ba cho các tập thể, cá nhân.", period="2024").facts)
    assert got == [(2, "huan_chuong_bao_ve_to_quoc_2", "ca_nhan"), (5, "huan_chuong_bao_ve_to_quoc_3", "ca_nhan"),
                   (7, "huan_chuong_bao_ve_to_quoc", "ca_nhan"), (12, "huan_chuong_lao_dong_3", "mixed"),
                   (40, "huy_chuong", "ca_nhan")]


def test_granters_of_mass_organisations_and_an_award_given_cho_its_group():
    got = sorted((f.value, f.award) for f in extract_text(
        "Đại hội đã tặng 30 Bằng khen của Thủ tướng Chính phủ và 95 Bằng khen của Ủy ban Trung ương MTTQ Việt Nam cho "
        "các điển hình; Ủy ban MTTQ Việt Nam tỉnh tặng bằng khen cho 140 tập thể, cá nhân; Tổng LĐLĐ Việt Nam tặng "
        "Cờ thi đua cho 6 đơn vị.", period="2020").facts)
    assert got == [(6, "co_thi_dua_cap_bo_tinh"), (30, "bang_khen_thu_tuong"), (95, "bang_khen_cap_bo_tinh"),
                   (140, "bang_khen_khac")]
    got = sorted((f.value, f.award) for f in extract_text(
        "UBND tỉnh tặng Bằng khen cho 12 tập thể và 30 cá nhân có thành tích xuất sắc được xét chọn tuyên dương điển "
        "hình tiên tiến giai đoạn 2020-2025.", period="2025").facts)
    assert got == [(12, "bang_khen_cap_bo_tinh"), (30, "bang_khen_cap_bo_tinh")]


def test_titles_voted_at_a_units_meeting_are_proposed():
    got = sorted((f.value, f.status) for f in extract_text(
        "Hội nghị đã bình xét được: 12 tập thể lao động tiên tiến; 18 chiến sĩ thi đua cơ sở.", period="2023").facts)
    assert got == [(12, "proposed"), (18, "proposed")]
    got = [(f.value, f.status) for f in extract_text(
        "Kết quả bình xét thi đua năm 2023: 12 tập thể đạt danh hiệu tập thể lao động tiên tiến.", period="2023").facts]
    assert got == [(12, None)]


def test_the_last_count_of_a_group_given_an_award_may_hold_the_title_said_right_after_it():
    got = sorted((f.value, f.award) for f in extract_text(
        "Tỉnh cũng tặng Cờ thi đua cho 210 tập thể, 1.450 đơn vị đạt Tập thể lao động xuất sắc.", period="2020").facts)
    assert got == [(210, "co_thi_dua_cap_bo_tinh"), (1450, "tap_the_lao_dong_xuat_sac")]


def test_an_abbreviation_in_brackets_after_the_title_and_parts_counted_in_the_same_word():
    text = ("Huyện tổ chức lễ phong tặng, truy tặng danh hiệu Bà mẹ Việt Nam anh hùng (BMVNAH) cho 58 mẹ, trong đó "
            "9 mẹ được phong tặng, 49 mẹ được truy tặng.")
    assert _aw(text) == [(58, "ba_me_viet_nam_anh_hung", "ca_nhan"), (9, "ba_me_viet_nam_anh_hung", "ca_nhan"),
                         (49, "ba_me_viet_nam_anh_hung", "ca_nhan")]
    # a bracket holding more than one word is no abbreviation: the count after it is not the title's
    assert _aw("Danh hiệu Bà mẹ Việt Nam anh hùng (theo Pháp lệnh) cho 58 mẹ.") == []
    # a count with a verb of its own after the first is no part of it
    assert _aw("Xã đã đề nghị tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 12 trường hợp và đang bổ sung hồ sơ cho "
               "5 trường hợp.") == [(12, "ba_me_viet_nam_anh_hung", "ca_nhan")]


def test_a_place_named_alone_before_a_count_of_a_list_is_its_subject():
    from rules_support import extract_text
    text = ("Sở tặng Giấy khen cho 240 học sinh giỏi. Lạng Sơn có 31 học sinh được nhận giấy khen, Cao Bằng có 22 "
            "học sinh, Bắc Kạn 15 học sinh.")
    got = [(f.value, f.subject, f.subject_level) for f in extract_text(text, period="2022").facts]
    assert got == [(240, None, None), (31, "Lạng Sơn", "province"), (22, "Cao Bằng", "province"),
                   (15, "Bắc Kạn", "province")]


def test_orders_of_two_ranks_a_forward_after_vinh_du_a_period_before_cho_and_the_collective_title():
    text = ("Có 1 tập thể đã vinh dự được nhận Huân chương Bảo vệ Tổ quốc hạng Ba; 2 tập thể và 5 cá nhân nhận "
            "Huân chương Lao động hạng Nhì và hạng Ba. Tỉnh tặng Cờ thi đua xuất sắc giai đoạn 2018 - 2022 cho 3 tập "
            "thể, danh hiệu Lao động xuất sắc cho 9 tập thể.")
    assert _aw(text) == [(1, "huan_chuong_bao_ve_to_quoc_3", "tap_the"), (2, "huan_chuong_lao_dong", "tap_the"),
                         (5, "huan_chuong_lao_dong", "ca_nhan"), (3, "co_thi_dua_cap_bo_tinh", "tap_the"),
                         (9, "tap_the_lao_dong_xuat_sac", "tap_the")]


def test_a_description_of_the_group_before_the_verb_that_gives_it_the_award():
    assert _aw("5 cá nhân ngành y tế tỉnh Lạng Sơn được đề nghị tặng thưởng Huân chương Lao động hạng Ba.") == \
        [(5, "huan_chuong_lao_dong_3", "ca_nhan")]
    assert _aw("Tỉnh có 6 đồng chí nguyên là lãnh đạo các sở, ngành qua các thời kỳ được tặng Huân chương Lao động "
               "hạng Nhì.") == []       # a comma in the description: the count is no longer the verb's


def test_a_form_given_to_households_a_cultural_title_describes_is_that_form():
    assert _aw('Chủ tịch UBND xã tặng Giấy khen cho 25 hộ "Gia đình văn hóa tiêu biểu". Toàn xã có 1.200 hộ đạt '
               'danh hiệu Gia đình văn hóa.') == [(25, "giay_khen_cap_xa", "ho_gia_dinh"),
                                                   (1200, "gia_dinh_van_hoa", "ho_gia_dinh")]


def test_a_flag_named_by_its_quoted_inscription_and_ranks_said_once_for_their_order():
    text = ("Hội đồng thống nhất đề nghị tặng Cờ “Đơn vị xuất sắc trong phong trào thi đua” của Chính phủ cho 9 tập "
            "thể; đề nghị UBND tỉnh tặng Cờ “Đơn vị dẫn đầu phong trào thi đua” cho 24 tập thể. Giám đốc Công an "
            "tỉnh tặng Huy chương Chiến sĩ vẻ vang hạng Nhất cho 40 đồng chí, hạng Nhì cho 65 đồng chí và hạng Ba "
            "cho 97 đồng chí. Chủ tịch nước tặng Huân chương Lao động hạng Nhì cho 2 tập thể, hạng Ba cho 6 tập thể.")
    got = sorted((f.award, f.value) for f in extract_text(text, period="2022").facts if f.metric == "award.count")
    assert got == [("co_thi_dua_cap_bo_tinh", 24), ("co_thi_dua_chinh_phu", 9),
                   ("huan_chuong_lao_dong_2", 2), ("huan_chuong_lao_dong_3", 6),
                   ("huy_chuong", 40), ("huy_chuong", 65), ("huy_chuong", 97)]


def test_households_reaching_the_cultural_standard_and_sub_areas_of_a_town_as_villages():
    text = ("Năm 2021, ấp Bình An có 512 hộ gia đình đạt chuẩn văn hóa. Toàn huyện có 140/171 bản, tiểu khu, tổ dân "
            "phố đạt danh hiệu văn hóa.")
    got = sorted((f.award, f.value, f.of_total) for f in extract_text(text, period="2021").facts
                 if f.metric == "award.count")
    assert got == [("gia_dinh_van_hoa", 512, None), ("thon_van_hoa", 140, 171)]


def test_items_of_a_bracketed_list_of_places_are_those_places_shares():
    text = ("Đợt này, tỉnh có 45 mẹ được truy tặng danh hiệu Bà mẹ Việt Nam anh hùng (Tân Thạnh 20 mẹ, Mộc Hóa 13 mẹ, "
            "Thạnh Hóa 12 mẹ).")
    got = sorted((f.value, f.subject, f.subject_level) for f in extract_text(text, period="2015", province="Long An").facts
                 if f.metric == "award.count" and f.subject)
    assert got == [(12, "Thạnh Hóa", "district"), (13, "Mộc Hóa", "district"), (20, "Tân Thạnh", "district")]


def test_a_total_detailed_place_by_place_in_a_later_paragraph():
    # own wording: a duration and a bracketed period between the award and its count; a photo caption,
    # then "Cụ thể:" with each place labelling its count ("huyện A có N ...", "huyện B: M ...")
    text = ("UBND tỉnh tặng danh hiệu “Cơ quan, đơn vị đạt chuẩn văn hóa” trong phong trào Toàn dân đoàn kết "
            "xây dựng đời sống văn hóa 5 năm (giai đoạn 2016 - 2020) cho 90 cơ quan, đơn vị của các huyện.\n\n"
            "Trụ sở Kho bạc Nhà nước huyện Cư Kuin (ảnh tư liệu)\n\n"
            "Cụ thể: huyện Cư Kuin có 50 cơ quan, đơn vị; huyện Lắk: 30 cơ quan, đơn vị và huyện M'Đrắk: 10 cơ quan, đơn vị.\n")
    got = [(f.value, f.award, f.period, f.subject, f.parent_local_id is not None) for f in extract_text(text).facts
           if f.metric == "award.count"]
    assert got == [(90, "co_quan_van_hoa", "2016-2020", None, False),
                   (50, "co_quan_van_hoa", "2016-2020", "Cư Kuin", True),
                   (30, "co_quan_van_hoa", "2016-2020", "Lắk", True),
                   (10, "co_quan_van_hoa", "2016-2020", "M'Đrắk", True)]


def test_two_awards_given_together_to_one_group_name_no_form_of_its_count():
    # own wording: which of the two awards each went to is not said; separate clauses keep their own
    got = sorted((f.award, f.recipient, f.value) for f in extract_text(
        "Chính phủ trao tặng Cờ thi đua và Bằng khen cho 07 tập thể và 12 cá nhân. Tặng Cờ thi đua của UBND tỉnh "
        "cho 3 tập thể và Bằng khen cho 5 cá nhân.", period="2021").facts)
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 5), ("co_thi_dua_cap_bo_tinh", "tap_the", 3),
                   ("khen_thuong", "ca_nhan", 12), ("khen_thuong", "tap_the", 7)]


def test_a_count_receiving_two_awards_together_names_neither():
    got = [(f.award, f.value) for f in extract_text("Năm 2019, 86 đơn vị nhận cờ thi đua và bằng khen của Chủ tịch "
                                                    "UBND tỉnh; 4 tập thể được tặng Cờ thi đua của Chính phủ.").facts]
    assert got == [("co_thi_dua_chinh_phu", 4)]


def test_an_annex_table_of_results_after_the_plans_is_no_target():
    # the report's plan part ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025") holds targets; the annex table after it,
    # under its own caption of results, holds what was given
    text = ("UBND HUYỆN TÂN YÊN\n\nBÁO CÁO\nTổng kết công tác thi đua, khen thưởng năm 2024\n\n"
            "Phần thứ nhất\nKẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2024\n\n"
            "Chủ tịch UBND huyện tặng Giấy khen cho 142 tập thể và 398 cá nhân.\n\n"
            "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n\n"
            "1. Phấn đấu khen thưởng đột xuất cho ít nhất 20 tập thể.\n\n"
            "Biểu số 02\nTỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2024\n\n"
            "| TT | Hình thức khen thưởng | Tập thể | Cá nhân |\n"
            "| 1 | Bằng khen của Chủ tịch UBND tỉnh | 12 | 25 |\n"
            "| 2 | Giấy khen của Chủ tịch UBND huyện | 142 | 398 |\n")
    facts = extract_text(text).facts
    table = sorted((f.value, f.status) for f in facts if f.metric == "award.count" and f.table_index is not None)
    assert table == [(12, None), (25, None), (142, None), (398, None)]
    assert [(f.value, f.status) for f in facts if f.metric == "award.count" and f.value == 20] == [(20, "target")]


def test_a_places_mothers_in_a_text_about_the_title_and_a_list_detailing_its_total():
    text = ("Tỉnh truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 7 mẹ\n\n"
            "Theo Quyết định số 1750/QĐ-CTN ngày 20/10/2017 của Chủ tịch nước về việc truy tặng danh hiệu vinh dự "
            "Nhà nước \"Bà mẹ Việt Nam anh hùng\", có 7 cá nhân thuộc tỉnh được truy tặng danh hiệu này.\n"
            "Trong đó: huyện Yên Thế có 3 bà mẹ; huyện Tân Yên có 4 bà mẹ.\n"
            "Đợt này, huyện Lục Ngạn có 5 mẹ (2 mẹ còn sống, 3 mẹ từ trần) được đề nghị.\n"
            "Ngày 05/01/2018, UBND tỉnh giao các huyện tổ chức lễ truy tặng.")
    facts = [f for f in extract_text(text).facts if f.metric == "award.count"]
    got = sorted((f.value, f.subject, f.period) for f in facts)
    # the headline's 7, dated only by the latest date, is the body's 7 of 2017; the places' mothers detail it;
    # mothers in brackets by state are no count of a place
    assert got == [(3, "Yên Thế", "2017"), (4, "Tân Yên", "2017"), (5, "Lục Ngạn", "2018"), (7, None, "2017")]
    assert all(f.award == "ba_me_viet_nam_anh_hung" for f in facts)
    total = next(f for f in facts if f.value == 7)
    assert sorted(f.value for f in facts if f.parent_local_id == total.local_id) == [3, 4]


def test_a_list_the_council_passes_is_proposed_and_dong_thoi_goes_on_with_the_sentence_before():
    text = ("Hội nghị đã thông qua danh sách đề nghị tặng Cờ thi đua của UBND tỉnh gồm 21 tập thể. "
            "Đồng thời thông qua danh sách khen cao gồm: Huân chương Lao động hạng Ba cho 3 cá nhân; "
            "Bằng khen của Thủ tướng Chính phủ cho 2 tập thể, 9 cá nhân.\n\n"
            "Hội đồng thông qua danh sách khen thưởng đột xuất cho 4 cá nhân.\n")
    got = sorted((f.value, f.status) for f in extract_text(text, period="2023").facts if f.metric == "award.count")
    assert got == [(2, "proposed"), (3, "proposed"), (4, "proposed"), (9, "proposed"), (21, "proposed")]


def test_a_plans_term_in_the_name_of_an_event_is_no_period():
    text = ("UBND tỉnh vừa ban hành quyết định khen thưởng 6 tập thể và 11 cá nhân có thành tích xuất sắc trong phục vụ "
            "hội nghị công bố Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050 và Xúc tiến đầu tư năm 2024.\n")
    got = sorted((f.value, f.period) for f in extract_text(text).facts if f.metric == "award.count")
    assert got == [(6, "2024"), (11, "2024")]


def test_a_bang_khen_of_a_centrally_run_city_written_tp_and_given_with_an_organisation():
    text = ("Dịp này, UBND TP Đà Nẵng và Hội Nông dân TP Đà Nẵng tặng bằng khen cho 6 tập thể và 14 cá nhân; "
            "UBND TP. Cần Thơ tặng bằng khen cho 25 công nhân năm 2021.")
    got = [(f.value, f.award, f.recipient, f.period) for f in extract_text(text, period="2022").facts
           if f.metric == "award.count"]
    assert got == [(6, "bang_khen_cap_bo_tinh", "tap_the", "2022"), (14, "bang_khen_cap_bo_tinh", "ca_nhan", "2022"),
                   (25, "bang_khen_cap_bo_tinh", "ca_nhan", "2021")]


def test_counted_people_of_a_named_school_then_their_award_and_a_list_dated_by_school_year():
    text = ("Huyện có 03 giáo viên Trường THCS Lê Lợi được nhận Bằng khen của Thủ tướng Chính phủ gồm: "
            "Trần Văn An (năm học 2022 - 2023), Lê Thị Bình và Hồ Văn Cường.")
    got = [(f.value, f.award, f.recipient, f.period) for f in extract_text(text, period="2024").facts
           if f.metric == "award.count"]
    assert got == [(3, "bang_khen_thu_tuong", "ca_nhan", "2024")]


def test_a_sentence_opening_with_riêng_keeps_its_period_across_its_clauses():
    text = ("Riêng ngành y tế huyện, trong năm 2021 - 2022, có 3 tập thể được UBND tỉnh tặng bằng khen; 5 cá nhân "
            "được UBND tỉnh tặng bằng khen. Năm 2023, có 2 tập thể được tặng Cờ thi đua.")
    got = [(f.value, f.period) for f in extract_text(text, period="2023").facts if f.metric == "award.count"]
    assert got == [(3, "2021-2022"), (5, "2021-2022"), (2, "2023")]
    # but a 'riêng' part of a sentence before dates nothing after it
    text = ("Riêng đợt cao điểm cuối năm 2022, công an huyện phá 4 chuyên án. Thành tích này được UBND tỉnh tặng "
            "Bằng khen cho 2 tập thể.")
    got = [(f.value, f.period) for f in extract_text(text, period="2023").facts if f.metric == "award.count"]
    assert got == [(2, "2023")]


def test_a_headline_commendation_of_no_named_form_is_the_bodys_count_in_its_form():
    text = ("Huyện Tiên Lãng khen thưởng cho 212 tập thể, 530 cá nhân\n\n"
            "Sáng 15/1, UBND huyện tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2023.\n\n"
            "Tại hội nghị, Chủ tịch UBND huyện tặng giấy khen cho 212 tập thể, 530 cá nhân có thành tích xuất sắc.")
    got = sorted((f.award, f.recipient, f.value) for f in extract_text(text).facts if f.metric == "award.count")
    assert got == [("giay_khen_cap_huyen", "ca_nhan", 530), ("giay_khen_cap_huyen", "tap_the", 212)]


def test_a_commendation_of_no_named_form_takes_the_one_award_its_headline_names():
    text = ("Tặng Bằng khen cho các tập thể, cá nhân có thành tích chống dịch\n\n"
            "Chủ tịch UBND tỉnh vừa ký Quyết định khen thưởng cho 21 tập thể và 9 cá nhân có thành tích xuất sắc.")
    got = sorted((f.award, f.value) for f in extract_text(text).facts if f.metric == "award.count")
    assert got == [("bang_khen_cap_bo_tinh", 9), ("bang_khen_cap_bo_tinh", 21)]
    # a body that names its forms keeps its commendation of no form
    body = text + " Trong đó, 5 tập thể được tặng Cờ thi đua."
    got = sorted((f.award, f.value) for f in extract_text(body).facts if f.metric == "award.count")
    assert ("khen_thuong", 21) in got


def test_an_award_handed_to_its_count_with_den_or_doi_voi_and_a_count_proposed_for_an_award_after_it():
    text = ("Tại lễ kỷ niệm, Bí thư Tỉnh ủy trao Cờ thi đua của Chính phủ đến 6 tập thể. Sở đang lập hồ sơ "
            "trình khen thưởng Huân chương Lao động hạng Nhì đối với 3 tập thể. Cụm thi đua số 4 đã bình xét "
            "07 đơn vị đề nghị Chủ tịch UBND tỉnh tặng Bằng khen; 5 GV nhận Kỷ niệm chương.")
    got = sorted((f.award, f.recipient, f.value, f.status) for f in extract_text(text, period="2021").facts
                 if f.metric == "award.count")
    assert got == [("bang_khen_cap_bo_tinh", "tap_the", 7, "proposed"),
                   ("co_thi_dua_chinh_phu", "tap_the", 6, None),
                   ("huan_chuong_lao_dong_2", "tap_the", 3, "proposed"),
                   ("ky_niem_chuong", "ca_nhan", 5, None)]


def test_clusters_and_blocs_counted_as_collectives():
    text = "Hội nghị đã tặng Bằng khen cho 31 đơn vị và 4 cụm, khối thi đua."
    got = sorted(f.value for f in extract_text(text, period="2021").facts if f.award == "bang_khen_cap_bo_tinh")
    assert got == [4, 31]


def test_one_in_words_joined_to_another_count_and_words_of_other_things_under_a_commendation():
    text = ("Dịp này, có một tập thể và 15 cá nhân được tặng Giấy khen của Chủ tịch UBND huyện. Huyện đoàn trao "
            "khen thưởng của Tỉnh đoàn cho 3 chi đoàn vững mạnh và 6 bí thư chi đoàn tiêu biểu; biểu dương 25 "
            "đoàn viên có thành tích.")
    got = sorted((f.award, f.recipient, f.value) for f in extract_text(text, period="2022").facts
                 if f.metric == "award.count")
    assert got == [("giay_khen_cap_huyen", "ca_nhan", 15), ("giay_khen_cap_huyen", "tap_the", 1),
                   ("khen_thuong", "ca_nhan", 6), ("khen_thuong", "tap_the", 3)]


def test_a_headline_commendation_takes_the_form_its_first_lines_give_the_same_recipients():
    text = ("Thị xã Hòa Thành khen thưởng 58 đơn vị tiêu biểu trong phong trào xây dựng đô thị văn minh\n\n"
            "Chủ tịch UBND thị xã trao giấy khen cho các đơn vị có thành tích xuất sắc trong năm 2022.\n\n"
            "Phong trào được triển khai rộng khắp ở các khu phố.")
    got = [(f.award, f.value, f.rule) for f in extract_text(text).facts if f.metric == "award.count"]
    assert got == [("giay_khen_cap_huyen", 58, "aw.body_form/generic")]


def test_an_order_ranked_hai_is_its_second_rank():
    # our wording: "hạng Hai" written as a word, beside "hạng III"
    ex = extract_text("Năm 2019, 2 tập thể được tặng Huân chương Bảo vệ Tổ quốc hạng Hai và 3 cá nhân được tặng "
                      "Huân chương Lao động hạng III.\n")
    got = sorted((f.award, f.value) for f in pick(ex.facts, metric="award.count"))
    assert got == [("huan_chuong_bao_ve_to_quoc_2", 2.0), ("huan_chuong_lao_dong_3", 3.0)]


def test_delegates_and_farmers_are_people_a_central_body_grants_at_its_level_and_attendees_are_no_award():
    # our wording: delegates and farmers as recipients, "Trung ương Hội" as the granter, two years running
    # as the period rewarded, and delegates who only attended a congress
    ex = extract_text("Năm 2021, HĐND tỉnh đề xuất tặng Bằng khen của Chủ tịch UBND tỉnh cho 31 đại biểu và 4 tập "
                      "thể có thành tích xuất sắc trong hoạt động năm 2019 và năm 2020. Trung ương Hội trao Bằng khen "
                      "của Trung ương Hội cho 58 nông dân. Đại hội có sự tham dự của 350 đại biểu điển hình tiên "
                      "tiến; 1.200 đại biểu điển hình tiên tiến trong cả nước về dự Đại hội.\n")
    got = sorted((f.award, f.recipient, f.value, f.period, f.status) for f in pick(ex.facts, metric="award.count"))
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 31.0, "2019-2020", "proposed"),
                   ("bang_khen_cap_bo_tinh", "ca_nhan", 58.0, "2021", None),
                   ("bang_khen_cap_bo_tinh", "tap_the", 4.0, "2019-2020", "proposed")]


def test_people_and_collectives_praised_as_examples_are_counts_of_dien_hinh_tien_tien():
    # our wording: praise of examples counts as điển hình tiên tiến; praise with "khen thưởng" stays generic
    ex = extract_text("Năm 2019, Tỉnh đoàn tuyên dương 45 thanh thiếu nhi tiêu biểu. Năm 2019, tỉnh tôn vinh 70 "
                      "gương điển hình trong phong trào thi đua yêu nước. Năm 2019, huyện tuyên dương, khen thưởng "
                      "120 cá nhân tiêu biểu.\n")
    got = sorted((f.award, f.recipient, f.value) for f in pick(ex.facts, metric="award.count"))
    assert got == [("dien_hinh_tien_tien", "ca_nhan", 45.0), ("dien_hinh_tien_tien", "mixed", 70.0),
                   ("khen_thuong", "ca_nhan", 120.0)]


def test_the_span_a_count_is_rewarded_for_unless_it_runs_past_the_text():
    # our wording: a span rewarded in a 2021 text, and a programme's span running past a 2023 report
    ex = extract_text("Đại hội thi đua giai đoạn 2015-2020 đã khen thưởng cho 12 tập thể có thành tích xuất sắc giai "
                      "đoạn 2015-2020 và trao giấy khen cho 04 công nhân lao động tiêu biểu có thành tích xuất sắc "
                      "trong phong trào thi đua yêu nước giai đoạn 2018-2019.\n", period="2015-2020")
    assert sorted((f.value, f.period) for f in pick(ex.facts, metric="award.count")) == [(4.0, "2018-2019"),
                                                                                      (12.0, "2015-2020")]
    ex = extract_text("Trình Thủ tướng Chính phủ tặng Bằng khen cho 02 cá nhân có thành tích xuất sắc trong xây dựng "
                      "nông thôn mới giai đoạn 2021 - 2025.\n", period="2023")
    assert [f.period for f in pick(ex.facts, metric="award.count")] == ["2023"]


def test_a_short_line_naming_who_grants_leads_the_list_under_it_without_a_colon():
    # our wording: a roll of honour whose granter lines have no colon
    text = ("Thủ tướng Chính phủ tặng\n"
            "– Bằng khen: 12 lượt tập thể và 9 lượt cá nhân\n"
            "Bộ Y tế tặng.\n"
            "– Bằng khen: 40 lượt tập thể\n")
    got = sorted((f.value, f.award) for f in extract_text(text, period="2020").facts)
    assert got == [(9, "bang_khen_thu_tuong"), (12, "bang_khen_thu_tuong"), (40, "bang_khen_cap_bo_tinh")]


def test_a_bare_form_takes_the_granter_its_headline_names_but_not_a_level_word():
    # our wording: a headline naming the Prime Minister over a bare "bằng khen"; a headline naming only
    # "cấp Nhà nước" leaves a bare "Cờ thi đua" of its default level
    text = ("Thủ tướng Chính phủ khen thưởng các đơn vị phòng chống thiên tai\n\n"
            "Năm 2022, 5 tập thể được tặng bằng khen gồm: Đồn Biên phòng Lũng Cú; Ban CHQS huyện Mèo Vạc; "
            "Trạm Y tế xã Sơn Vĩ; Trường Tiểu học Lũng Cú; Công an xã Pải Lủng.\n")
    assert [f.award for f in extract_text(text).facts] == ["bang_khen_thu_tuong"]
    text = ("Tỉnh có hơn 900 trường hợp nhận khen thưởng cấp Nhà nước\n\n"
            "Giai đoạn 2020-2025, tỉnh cũng tặng Cờ thi đua cho 93 tập thể.\n")
    assert [f.award for f in extract_text(text).facts if f.value == 93] == ["co_thi_dua_cap_bo_tinh"]
