"""Named honorees: from brackets after counts, cue lists, cue tables, decisions and name tables."""
from rules_support import extract_text


def _names(ex):
    return [(h.name, h.recipient, h.award, h.position) for h in ex.honorees]


def test_brackets_after_a_count_split_as_the_count_says():
    text = ("- Kết quả khen thưởng năm 2021: 01 tập thể được tặng Huân chương Lao động hạng ba (Đảng bộ, chính "
            "quyền và Nhân dân xã Quang Hán); 03 tập thể được tặng danh hiệu Cờ thi đua của UBND tỉnh (Nhân dân "
            "và cán bộ xã Quang Hán, Trường Mầm non Quang Vinh, Trường Tiểu học thị trấn Trùng Khánh); 300 cá "
            "nhân Lao động tiên tiến (Chiến sĩ thi đua cơ sở bằng 15% số Lao động tiên tiến).\n")
    ex = extract_text(text, period="2022")
    assert _names(ex) == [
        ("Đảng bộ, chính quyền và Nhân dân xã Quang Hán", "tap_the", "huan_chuong_lao_dong_3", None),
        ("Nhân dân và cán bộ xã Quang Hán", "tap_the", "co_thi_dua_cap_bo_tinh", None),
        ("Trường Mầm non Quang Vinh", "tap_the", "co_thi_dua_cap_bo_tinh", None),
        ("Trường Tiểu học thị trấn Trùng Khánh", "tap_the", "co_thi_dua_cap_bo_tinh", None),
    ]
    assert {h.period for h in ex.honorees} == {"2021"}
    for h in ex.honorees:
        assert h.name in h.text


def test_seed_000_cue_lists_and_the_table_of_people():
    text = ("Các tập thể, cá nhân được xét khen thưởng cụm gồm:\n\n"
            "*** Về Tập thể:**\n\n"
            "1. Nhân dân và cán bộ xã Yên Dương\n"
            "2. Nhân dân và Cán bộ Thôn Bắc Sơn – Xã Hà Bắc\n\n"
            "*** Về cá nhân:**\n\n"
            "- | | |\n|-----------------------|-----------------------------------|\n"
            "| 1. Đ/c Mai Thị Phụng | - PBT.TTĐU-CT.HĐND xã Hà Giang |\n"
            "| 2. Đ/c Nguyễn Văn Cao | - Chủ tịch Hội Nông dân xã Hà Bắc |\n")
    ex = extract_text(text, period="2022")
    assert [(h.name, h.recipient, h.position) for h in ex.honorees] == [
        ("Nhân dân và cán bộ xã Yên Dương", "tap_the", None),
        ("Nhân dân và Cán bộ Thôn Bắc Sơn – Xã Hà Bắc", "tap_the", None),
        ("Mai Thị Phụng", "ca_nhan", "PBT.TTĐU-CT.HĐND xã Hà Giang"),
        ("Nguyễn Văn Cao", "ca_nhan", "Chủ tịch Hội Nông dân xã Hà Bắc"),
    ]


def test_a_decisions_numbered_lists_and_colon_lists():
    text = ("Điều 1. Tặng Giấy khen của Chủ tịch UBND huyện cho 02 tập thể và 02 cá nhân, gồm:\n\n"
            "1. Tập thể:\n1.1. UBND xã Bảo Toàn;\n1.2. Hội Nông dân xã Kim Cúc.\n\n"
            "2. Cá nhân:\n2.1. Ông Hoàng Văn Sáng, Trưởng xóm Nà Pồng, xã Hưng Đạo;\n"
            "2.2. Bà Nông Thị Mai, Chủ tịch Hội Liên hiệp Phụ nữ xã Hồng Trị.\n\n"
            "Điều 2. Tặng danh hiệu “Tập thể lao động xuất sắc” cho 02 tập thể: Trường THCS Văn Xá; Trạm Y tế "
            "xã Khả Phong.\n")
    ex = extract_text(text, period="2023", doc_type="quyet_dinh")
    got = [(h.name, h.recipient, h.award, h.position) for h in ex.honorees]
    assert got == [
        ("Trường THCS Văn Xá", "tap_the", "tap_the_lao_dong_xuat_sac", None),
        ("Trạm Y tế xã Khả Phong", "tap_the", "tap_the_lao_dong_xuat_sac", None),
        ("UBND xã Bảo Toàn", "tap_the", "giay_khen_cap_huyen", None),
        ("Hội Nông dân xã Kim Cúc", "tap_the", "giay_khen_cap_huyen", None),
        ("Hoàng Văn Sáng", "ca_nhan", "giay_khen_cap_huyen", "Trưởng xóm Nà Pồng, xã Hưng Đạo"),
        ("Nông Thị Mai", "ca_nhan", "giay_khen_cap_huyen", "Chủ tịch Hội Liên hiệp Phụ nữ xã Hồng Trị"),
    ]


def test_a_name_table_after_a_list_title():
    text = ("Danh sách cá nhân đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh:\n\n"
            "| TT | Họ và tên | Chức vụ, đơn vị công tác |\n|---|---|---|\n"
            "| 1 | Nguyễn Văn Khoa | Trưởng phòng Tài chính - Kế hoạch huyện |\n"
            "| 2 | Đỗ Thị Thu Hà | Hiệu trưởng Trường Tiểu học thị trấn Ba Sao |\n")
    ex = extract_text(text, period="2022", doc_type="to_trinh")
    assert [(h.name, h.recipient, h.award, h.position) for h in ex.honorees] == [
        ("Nguyễn Văn Khoa", "ca_nhan", "bang_khen_cap_bo_tinh", "Trưởng phòng Tài chính - Kế hoạch huyện"),
        ("Đỗ Thị Thu Hà", "ca_nhan", "bang_khen_cap_bo_tinh", "Hiệu trưởng Trường Tiểu học thị trấn Ba Sao"),
    ]


def test_tables_of_figures_are_not_name_lists():
    text = ("Kết quả khen thưởng chung năm 2021 như sau:\n\n"
            "| TT | Hình thức khen thưởng | Tập thể | Cá nhân |\n|---|---|---|---|\n"
            "| 1 | Bằng khen của Thủ tướng Chính phủ | 01 | 01 |\n")
    assert extract_text(text, period="2021").honorees == []


def test_a_count_followed_by_là_and_its_names():
    """'cho 02 đơn vị xuất sắc là A và B': as many names as the count; offsets point at each."""
    from rules_support import doc_from_text
    from pipeline.model import DocMeta, Extraction
    from rules.facts import extract_facts
    text = ("- Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 02 đơn vị xuất sắc là Sở Tài chính và Thanh tra "
            "tỉnh; tặng Giấy khen cho 03 tập thể là Trường Tiểu học Kim Đồng, Trường THCS Lê Lợi và Trạm Y tế xã "
            "Hòa Bình.\n")
    doc = doc_from_text(text)
    ex = Extraction(meta=DocMeta(period="2023"))
    extract_facts(doc, ex)
    assert [(h.name, h.recipient, h.award) for h in ex.honorees] == [
        ("Sở Tài chính", "tap_the", "bang_khen_cap_bo_tinh"), ("Thanh tra tỉnh", "tap_the", "bang_khen_cap_bo_tinh"),
        ("Trường Tiểu học Kim Đồng", "tap_the", "giay_khen"), ("Trường THCS Lê Lợi", "tap_the", "giay_khen"),
        ("Trạm Y tế xã Hòa Bình", "tap_the", "giay_khen")]
    for h in ex.honorees:
        assert doc.text[h.char_start:h.char_end] == h.name
    # a count the names do not match: nothing is guessed
    ex = extract_text("Tặng Giấy khen cho 03 tập thể là Trường Tiểu học Kim Đồng và Trạm Y tế xã.\n", period="2023")
    assert ex.honorees == []


def test_two_people_joined_by_và_in_one_passive_clause():
    from rules_support import doc_from_text
    from pipeline.model import DocMeta, Extraction
    from rules.facts import extract_facts
    text = ("Ông Phạm Văn Khải, Trưởng phòng Giống cây trồng và bà Đỗ Thị Thanh Mai, Phó Chánh Văn phòng Cục "
            "được Thủ tướng Chính phủ tặng Bằng khen.\n")
    doc = doc_from_text(text)
    ex = Extraction(meta=DocMeta(period="2023"))
    extract_facts(doc, ex)
    assert _names(ex) == [
        ("Phạm Văn Khải", "ca_nhan", "bang_khen_thu_tuong", "Trưởng phòng Giống cây trồng"),
        ("Đỗ Thị Thanh Mai", "ca_nhan", "bang_khen_thu_tuong", "Phó Chánh Văn phòng Cục")]
    assert doc.text[ex.honorees[1].char_start:ex.honorees[1].char_end] == "Đỗ Thị Thanh Mai"


def test_lists_after_a_numbered_proposal_and_teachers_in_brackets():
    text = ("1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể dẫn đầu phong trào thi đua năm 2024:\n\n"
            "- Ủy ban nhân dân xã Quỳnh Lập;\n"
            "- Trường THCS Hồ Xuân Hương.\n\n"
            "2. Tặng Bằng khen của Chủ tịch UBND tỉnh cho hai cá nhân (thầy Phan Văn Đức, cô Lê Thị Thu Trang).\n")
    ex = extract_text(text, period="2024", doc_type="to_trinh")
    got = sorted((h.name, h.recipient, h.award) for h in ex.honorees)
    assert got == [("Lê Thị Thu Trang", "ca_nhan", "bang_khen_cap_bo_tinh"),
                   ("Phan Văn Đức", "ca_nhan", "bang_khen_cap_bo_tinh"),
                   ("Trường THCS Hồ Xuân Hương", "tap_the", "co_thi_dua_cap_bo_tinh"),
                   ("Ủy ban nhân dân xã Quỳnh Lập", "tap_the", "co_thi_dua_cap_bo_tinh")]


def test_armies_groups_and_forces_receive_and_a_body_named_by_its_kind_is_the_one_named_before():
    text = ("Tổng công ty Viễn thông nhận Huân chương Lao động hạng Nhì\n\n"
            "Sáng 12-12, Trung đoàn 209 (Sư đoàn 312) tổ chức hội nghị tổng kết. Trong năm, Trung đoàn được Bộ Quốc "
            "phòng tặng Cờ thi đua. Lực lượng Thanh niên xung phong thành phố đón nhận Huân chương Lao động hạng Ba.")
    got = sorted((h.name, h.award) for h in extract_text(text).honorees)
    assert got == [("Lực lượng Thanh niên xung phong thành phố", "huan_chuong_lao_dong_3"),
                   ("Trung đoàn 209", "co_thi_dua_cap_bo_tinh"),
                   ("Tổng công ty Viễn thông", "huan_chuong_lao_dong_2")]


def test_a_list_after_two_counts_and_a_person_in_brackets_with_a_position():
    text = ("II. KẾT QUẢ KHEN THƯỞNG\n\n"
            "- Bằng khen của Thủ tướng Chính phủ: 01 tập thể và 02 cá nhân, gồm: Nhân dân và cán bộ xã Nghĩa Hòa; "
            "bà Trần Thị Lan, Hiệu trưởng Trường Mầm non Hoa Sen; ông Phạm Văn Đức, Trưởng Công an xã Nghĩa Lâm.\n\n"
            "- Huân chương Lao động hạng Ba: 01 cá nhân (ông Vũ Đình Hòa, nguyên Bí thư Đảng ủy xã Nghĩa Hòa).\n")
    got = sorted((h.name, h.award, h.position) for h in extract_text(text).honorees)
    assert got == [("Nhân dân và cán bộ xã Nghĩa Hòa", "bang_khen_thu_tuong", None),
                   ("Phạm Văn Đức", "bang_khen_thu_tuong", "Trưởng Công an xã Nghĩa Lâm"),
                   ("Trần Thị Lan", "bang_khen_thu_tuong", "Hiệu trưởng Trường Mầm non Hoa Sen"),
                   ("Vũ Đình Hòa", "huan_chuong_lao_dong_3", "nguyên Bí thư Đảng ủy xã Nghĩa Hòa")]


def test_the_body_holding_a_ceremony_receives_the_award_it_names():
    text = ("Sáng 20/3, Trường THPT Lê Quý Đôn tổ chức lễ kỷ niệm 60 năm thành lập trường (1965 - 2025) và đón nhận "
            "Huân chương Lao động hạng Nhì. Sở Giáo dục tổ chức hội nghị tổng kết năm học.")
    got = [(h.name, h.award) for h in extract_text(text).honorees]
    assert got == [("Trường THPT Lê Quý Đôn", "huan_chuong_lao_dong_2")]


def test_a_list_of_the_collectives_a_count_before_it_commended_and_a_list_the_mothers_open():
    text = ("UBND tỉnh vừa ban hành quyết định khen thưởng 3 tập thể và 9 cá nhân có thành tích xuất sắc trong phục vụ "
            "Đại hội. Trong đó, 3 tập thể gồm: Sở Y tế, Tòa soạn Báo Gia Lai, Ê kíp truyền hình trực tiếp Đài PT-TH tỉnh.\n\n"
            "Đợt này, huyện có 3 mẹ được truy tặng danh hiệu vinh dự nhà nước \"Bà mẹ Việt Nam anh hùng\". Các mẹ được "
            "truy tặng là các mẹ Hồ Thị Lan (xã A), Nguyễn Thị Mận (xã B) và Lê Thị Đào (xã C).\n")
    got = [(h.name, h.award) for h in extract_text(text, doc_type="other").honorees]
    assert got == [("Sở Y tế", "khen_thuong"), ("Tòa soạn Báo Gia Lai", "khen_thuong"),
                   ("Ê kíp truyền hình trực tiếp Đài PT-TH tỉnh", "khen_thuong"),
                   ("Hồ Thị Lan", "ba_me_viet_nam_anh_hung"), ("Nguyễn Thị Mận", "ba_me_viet_nam_anh_hung"),
                   ("Lê Thị Đào", "ba_me_viet_nam_anh_hung")]


def test_a_collective_named_without_a_count_after_the_award_given_it():
    text = ("Hội đồng thống nhất đề nghị tặng Cờ thi đua của UBND tỉnh về thành tích trong phong trào thi đua "
            "xây dựng nông thôn mới cho huyện Văn Yên. Chủ tịch UBND tỉnh tặng Bằng khen cho Trường THPT Lê Quý Đôn "
            "vì đã có thành tích xuất sắc; tặng Giấy khen cho 3 tập thể.")
    got = sorted((h.name, h.award, h.recipient) for h in extract_text(text, period="2022").honorees)
    assert got == [("Trường THPT Lê Quý Đôn", "bang_khen_cap_bo_tinh", "tap_the"),
                   ("huyện Văn Yên", "co_thi_dua_cap_bo_tinh", "tap_the")]


def test_a_mixed_count_names_its_collectives_and_people_in_a_semicolon_list():
    # our wording: "N tập thể, cá nhân gồm:" then ';' items, some of them people, fewer than N
    text = ("Năm 2023, Chủ tịch UBND tỉnh tặng Bằng khen cho 8 tập thể, cá nhân gồm: Trường Tiểu học Kim Đồng "
            "(huyện Mai Sơn); Hợp tác xã Nông nghiệp Tân Lập; ông Lò Văn Hưng.\n")
    got = [(h.name, h.recipient, h.award) for h in extract_text(text).honorees]
    assert got == [("Trường Tiểu học Kim Đồng", "tap_the", "bang_khen_cap_bo_tinh"),
                   ("Hợp tác xã Nông nghiệp Tân Lập", "tap_the", "bang_khen_cap_bo_tinh"),
                   ("Lò Văn Hưng", "ca_nhan", "bang_khen_cap_bo_tinh")]
