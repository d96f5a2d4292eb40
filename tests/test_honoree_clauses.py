"""Honorees named around an award without the 'cho N ... (A, B)' shape (rules/honoree_clauses.py).
Passages in our own wording, in the shapes of portal news and proposals."""
from __future__ import annotations

import pytest

from tests.rules_support import extract_text


def _names(text, **meta):
    return [(h.name, h.recipient, h.award, h.position) for h in extract_text(text, **meta).honorees]


def test_given_to_a_titled_person_with_position():
    got = _names("Trao Huân chương Lao động hạng Nhì cho đồng chí Lê Văn Tám - nguyên Phó Chủ tịch UBND tỉnh.")
    assert got == [("Lê Văn Tám", "ca_nhan", "huan_chuong_lao_dong_2", "nguyên Phó Chủ tịch UBND tỉnh")]


def test_plural_title_opens_a_list_of_people():
    got = _names("Trao Huân chương Lao động hạng Ba cho các đồng chí: Trần Minh Hải - Phó Bí thư Huyện ủy; "
                 "Lò Thị Duyên - Chủ tịch Hội Phụ nữ huyện.")
    assert [g[0] for g in got] == ["Trần Minh Hải", "Lò Thị Duyên"]
    assert got[1][3] == "Chủ tịch Hội Phụ nữ huyện"


def test_names_after_a_colon_and_after_gom():
    got = _names("Khối thi đua đề nghị UBND tỉnh tặng Bằng khen: Hội Cựu giáo chức, Hội Người mù và Hội Đông y "
                 "tỉnh; đề xuất tặng Cờ thi đua cho Hội Làm vườn.")
    assert [(g[0], g[2]) for g in got] == [("Hội Cựu giáo chức", "bang_khen_cap_bo_tinh"),
                                           ("Hội Người mù", "bang_khen_cap_bo_tinh"),
                                           ("Hội Đông y tỉnh", "bang_khen_cap_bo_tinh"),
                                           ("Hội Làm vườn", "co_thi_dua_cap_bo_tinh")]


def test_a_name_that_receives_the_award():
    got = _names("Năm 2022, Hội Chữ thập đỏ nhận Cờ thi đua của Chính phủ; Trường Tiểu học Hòa Bình vinh dự "
                 "được Chủ tịch nước tặng Huân chương Lao động hạng Ba.")
    assert sorted((g[0], g[1], g[2]) for g in got) == [("Hội Chữ thập đỏ", "tap_the", "co_thi_dua_chinh_phu"),
                                                       ("Trường Tiểu học Hòa Bình", "tap_the", "huan_chuong_lao_dong_3")]


def test_a_list_after_the_sentence_naming_the_award():
    text = ("Huyện tổ chức lễ truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 2 mẹ.\n\n"
            "Các Mẹ gồm: Mẹ Lê Thị Mận, sinh năm 1901, xã Tân Lập; Mẹ Đinh Thị Thoa, sinh năm 1910, xã Hòa Bình.")
    assert [(g[0], g[2]) for g in _names(text)] == [("Lê Thị Mận", "ba_me_viet_nam_anh_hung"),
                                                    ("Đinh Thị Thoa", "ba_me_viet_nam_anh_hung")]


def test_bullets_under_a_numbered_award_line():
    text = ("1. Đề nghị tặng Huân chương Lao động hạng Ba: 02 tập thể\n\n- Sở Xây dựng tỉnh Hà Nam;\n\n"
            "- Ban Dân vận Tỉnh ủy Hà Nam.\n\n2. Đề nghị tặng Bằng khen của Thủ tướng Chính phủ: 01 tập thể\n\n"
            "- Trường THPT Bình Lục.")
    got = _names(text)
    assert [(g[0], g[2]) for g in got if g[0].startswith(("Sở", "Ban", "Trường"))] == [
        ("Sở Xây dựng tỉnh Hà Nam", "huan_chuong_lao_dong_3"), ("Ban Dân vận Tỉnh ủy Hà Nam", "huan_chuong_lao_dong_3"),
        ("Trường THPT Bình Lục", "bang_khen_thu_tuong")]


@pytest.mark.parametrize("text", [
    "Hội đồng Thi đua - Khen thưởng xã họp ngày 05/12/2023 thống nhất đề nghị tặng Giấy khen cho 10 tập thể.",
    "Công đoàn Cao su Việt Nam tặng Bằng khen cho 5 cá nhân.",
])
def test_the_body_that_grants_is_not_an_honoree(text):
    assert not [g for g in _names(text) if g[0].startswith(("Hội đồng", "Công đoàn"))]


def test_a_count_of_people_or_bodies_then_a_colon_and_their_names():
    got = _names("Lãnh đạo huyện đã trao Bằng công nhận Bà Mẹ Việt Nam Anh hùng cho thân nhân 2 mẹ: Lương Thị Mơ "
                 "(xã Tân Hội) và Đinh Thị Lụa (thị trấn Đinh Văn).")
    assert [(g[0], g[1], g[2]) for g in got] == [("Lương Thị Mơ", "ca_nhan", "ba_me_viet_nam_anh_hung"),
                                                 ("Đinh Thị Lụa", "ca_nhan", "ba_me_viet_nam_anh_hung")]
    got = _names("Sở đang trình khen thưởng Huân chương Lao động hạng Ba đối với 2 tập thể: Trường THPT Lê Lợi "
                 "và Trường THCS Kim Đồng.")
    assert [(g[0], g[1]) for g in got] == [("Trường THPT Lê Lợi", "tap_the"), ("Trường THCS Kim Đồng", "tap_the")]


def test_names_coordinated_before_the_receiving_verb_after_a_vote():
    got = _names("Các đơn vị đã bỏ phiếu, chấm điểm suy tôn Hội Nông dân nhận Cờ thi đua của UBND tỉnh; "
                 "Hội Khuyến học và Hội Người cao tuổi nhận Bằng khen của UBND tỉnh.")
    assert [(g[0], g[2]) for g in got] == [("Hội Nông dân", "co_thi_dua_cap_bo_tinh"),
                                           ("Hội Khuyến học", "bang_khen_cap_bo_tinh"),
                                           ("Hội Người cao tuổi", "bang_khen_cap_bo_tinh")]


def test_given_with_doi_voi_and_a_body_that_passes_the_award_on_is_no_honoree():
    got = _names("Chủ tịch nước truy tặng danh hiệu vinh dự nhà nước “Bà mẹ Việt Nam anh hùng” đối với bà Trần Thị Lý, "
                 "ngụ xã Tân Hòa và bà Ngô Thị Tư, ngụ xã Phú Hòa.")
    assert [(g[0], g[1]) for g in got] == [("Trần Thị Lý", "ca_nhan"), ("Ngô Thị Tư", "ca_nhan")]
    got = _names("UBND xã đề nghị và được Chủ tịch UBND huyện tặng Giấy khen cho 03 tập thể (Chi hội Phụ nữ thôn 1; "
                 "Chi đoàn thôn 2; Tổ hòa giải thôn 3).")
    assert [g[0] for g in got] == ["Chi hội Phụ nữ thôn 1", "Chi đoàn thôn 2", "Tổ hòa giải thôn 3"]


def test_people_listed_with_their_birth_and_place_in_brackets_and_models_honoured():
    got = _names("Chủ tịch nước truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 3 mẹ.\n\n"
                 "Các Mẹ gồm: Mẹ Lò Thị Xuân, sinh năm 1901, xã Chiềng Ban (mẹ liệt sĩ Lò Văn A); Mẹ Cầm Thị Rong, "
                 "sinh năm 1910, xã Mường Bon (mẹ liệt sĩ Cầm Văn B và Cầm Văn C); Mẹ Quàng Thị Dần, sinh năm 1925.")
    assert [g[0] for g in got] == ["Lò Thị Xuân", "Cầm Thị Rong", "Quàng Thị Dần"]
    assert got[1][3] == "sinh năm 1910, xã Mường Bon (mẹ liệt sĩ Cầm Văn B và Cầm Văn C)"
    got = _names("Chương trình tôn vinh 2 cá nhân điển hình tiên tiến. Đó là: Ông Hà Văn Tư, Chủ tịch UBND xã Mường Lý; "
                 "Bà Lò Thị Hoa, Giám đốc HTX Tân Tiến.")
    assert [(g[0], g[2]) for g in got] == [("Hà Văn Tư", "dien_hinh_tien_tien"), ("Lò Thị Hoa", "dien_hinh_tien_tien")]
    assert _names("Trường cũng được Chủ tịch UBND tỉnh tặng Bằng khen.") == []


def test_bullets_under_the_last_sentence_of_a_paragraph_naming_the_award():
    got = _names("Các tập thể được Tập đoàn tặng Bằng khen gồm: Nông trường Bình Sơn, Phòng Kế hoạch. Các cá nhân được "
                 "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn tặng Bằng khen là:\n\n"
                 "- Ông Trần Văn Lực, Giám đốc Nông trường Bình Sơn;\n\n- Bà Lê Thị Mai, công nhân Tổ 3.\n")
    people = [(g[0], g[2], g[3]) for g in got if g[1] == "ca_nhan"]
    assert people == [("Trần Văn Lực", "bang_khen_cap_bo_tinh", "Giám đốc Nông trường Bình Sơn"),
                      ("Lê Thị Mai", "bang_khen_cap_bo_tinh", "công nhân Tổ 3")]


def test_a_body_that_received_an_award_several_times():
    got = _names("Trong 5 năm qua, Công an tỉnh Cao Bằng đã vinh dự 3 lần được tặng Cờ thi đua của Bộ Công an.")
    assert [(g[0], g[1], g[2]) for g in got] == [("Công an tỉnh Cao Bằng", "tap_the", "co_thi_dua_cap_bo_tinh")]


def test_a_body_with_its_place_in_brackets_receives_and_an_article_names_it_once():
    text = ("Trường Mầm non Hoa Sen (huyện Cư Jút) vinh dự nhận Huân chương Lao động hạng Ba\n\n"
            "Sáng 20/11, Trường Mầm non Hoa Sen long trọng tổ chức lễ kỷ niệm. Trường Mầm non Hoa Sen "
            "được Chủ tịch nước tặng Huân chương Lao động hạng Ba vì thành tích xuất sắc.")
    assert _names(text) == [("Trường Mầm non Hoa Sen", "tap_the", "huan_chuong_lao_dong_3", None)]


def test_the_one_named_among_those_counted():
    got = _names("Dịp này, Tỉnh đoàn tặng Bằng khen cho 18 cá nhân tiêu biểu, trong đó có chị Hà Thị Lan, "
                 "Bí thư Chi đoàn thôn Nà Phặc.")
    assert got == [("Hà Thị Lan", "ca_nhan", "bang_khen_khac", "Bí thư Chi đoàn thôn Nà Phặc")]
    assert _names("UBND tỉnh tặng Bằng khen cho 45 tập thể, trong đó có 3 trường học.") == []


def test_a_bracket_of_people_after_the_full_stop_names_those_awarded():
    got = _names("04 giáo viên được nhận giấy khen của Chủ tịch UBND huyện vì đạt giải cao hội thi giáo viên "
                 "dạy giỏi. ( Thầy giáo Lò Văn Pấng, cô giáo Vi Thị Mai, cô giáo Lường Thị Ánh, thầy giáo "
                 "Cầm Văn Hùng).")
    assert [(n, r, a) for n, r, a, _ in got] == [
        ("Lò Văn Pấng", "ca_nhan", "giay_khen_cap_huyen"), ("Vi Thị Mai", "ca_nhan", "giay_khen_cap_huyen"),
        ("Lường Thị Ánh", "ca_nhan", "giay_khen_cap_huyen"), ("Cầm Văn Hùng", "ca_nhan", "giay_khen_cap_huyen")]
    assert all(p is None for *_, p in got)


def test_titles_of_rank_and_degree_and_a_clause_opening_theo_do():
    got = _names("Theo đó, PGS.TS Lê Văn Hòa - Hiệu trưởng Trường Đại học Tây Nguyên được tặng Huân chương Lao động "
                 "hạng Ba; Thượng tá Đinh Văn Quý, Chỉ huy trưởng Ban CHQS huyện được tặng Bằng khen của Thủ tướng "
                 "Chính phủ.")
    assert got == [("Lê Văn Hòa", "ca_nhan", "huan_chuong_lao_dong_3", "Hiệu trưởng Trường Đại học Tây Nguyên"),
                   ("Đinh Văn Quý", "ca_nhan", "bang_khen_thu_tuong", "Chỉ huy trưởng Ban CHQS huyện")]


def test_mothers_named_after_a_count_with_its_state_and_for_their_kin():
    got = _names('Trong 64 mẹ được truy tặng, phong tặng danh hiệu "Bà mẹ Việt Nam anh hùng", có 02 mẹ còn sống là '
                 'mẹ Lê Thị Gái, sinh năm 1925 và mẹ Phan Thị Rớt, sinh năm 1927.')
    assert [(n, r) for n, r, _, _ in got] == [("Lê Thị Gái", "ca_nhan"), ("Phan Thị Rớt", "ca_nhan")]
    got = _names('Huyện trao danh hiệu “Bà mẹ Việt Nam anh hùng” cho thân nhân mẹ Võ Thị Sen và mẹ Đặng Thị Út.')
    assert [n for n, *_ in got] == ["Võ Thị Sen", "Đặng Thị Út"]
    got = _names('UBND thành phố truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 95 mẹ; trong đó chỉ có mẹ '
                 'Trần Thị Lựu (SN 1920, xã Hòa Tiến) hiện còn sống.')
    assert [n for n, *_ in got] == ["Trần Thị Lựu"]


def test_a_list_after_a_described_count_and_a_body_whose_name_goes_on_with_its_district():
    got = _names("Tỉnh đoàn đề nghị tặng Cờ thi đua của Chính phủ cho 2 đơn vị dẫn đầu năm 2023, gồm: Huyện đoàn "
                 "Lắk - dẫn đầu Cụm thi đua số 1; Huyện đoàn Krông Bông - dẫn đầu Cụm thi đua số 2.")
    assert [(n, r) for n, r, _, _ in got] == [("Huyện đoàn Lắk", "tap_the"), ("Huyện đoàn Krông Bông", "tap_the")]
    got = _names("Thủ tướng Chính phủ tặng Bằng khen cho Nhân dân và cán bộ xã Tân Lập, huyện Đan Phượng; ông "
                 "Hà Văn Tám, Chủ tịch UBND xã Tân Lập.")
    assert [(n, r) for n, r, _, _ in got] == [("Nhân dân và cán bộ xã Tân Lập", "tap_the"),
                                              ("Hà Văn Tám", "ca_nhan")]


def test_people_after_a_plural_title_before_the_passive_verb():
    got = _names("Dịp này, các đồng chí Lò Văn Mạnh - Phó Chủ tịch UBND huyện; Cầm Thị Hoa - Trưởng phòng Nội vụ và đồng "
                 "chí Lường Văn Tươi - Bí thư Đảng ủy xã được tặng Bằng khen của Thủ tướng Chính phủ.")
    assert got == [("Lò Văn Mạnh", "ca_nhan", "bang_khen_thu_tuong", "Phó Chủ tịch UBND huyện"),
                   ("Cầm Thị Hoa", "ca_nhan", "bang_khen_thu_tuong", "Trưởng phòng Nội vụ"),
                   ("Lường Văn Tươi", "ca_nhan", "bang_khen_thu_tuong", "Bí thư Đảng ủy xã")]
    got = _names("LĐLĐ tỉnh Gia Lai vinh dự nhận Cờ thi đua của Chính phủ.")
    assert got == [("LĐLĐ tỉnh Gia Lai", "tap_the", "co_thi_dua_chinh_phu", None)]


def test_bodies_listed_after_a_count_in_their_own_paragraph_and_mothers_honoured_through_a_child():
    from rules import read
    from tests.rules_support import doc_from_text
    ex = read(doc_from_text("Thủ tướng Chính phủ tặng Cờ thi đua cho 3 tập thể thuộc tỉnh.\n\n"
                            "Sở Tư pháp tỉnh là một trong 3 đơn vị được Thủ tướng Chính phủ tặng Cờ thi đua đợt này.\n\n"
                            "3 tập thể này gồm: Sở Tư pháp tỉnh Lâm Đồng; Báo Lâm Đồng; Hội Nông dân tỉnh Lâm Đồng.\n"))
    # "Sở Tư pháp tỉnh là một trong 3 đơn vị ...": no name runs on into "là một trong ..."
    assert sorted(h.name for h in ex.honorees) == ["Báo Lâm Đồng", "Hội Nông dân tỉnh Lâm Đồng", "Sở Tư pháp tỉnh Lâm Đồng"]
    got = _names('Lãnh đạo tỉnh trao danh hiệu "Bà mẹ Việt Nam anh hùng" cho ông Lê Văn Tư là con của mẹ Lê Thị Hai '
                 '(xã Hưng Lộc, đã mất).')
    assert got == [("Lê Thị Hai", "ca_nhan", "ba_me_viet_nam_anh_hung", None)]
    got = _names("Bộ công nhận 02 điển hình tiên tiến: Cá nhân ông Trần Văn Ba, Phó Cục trưởng; tập thể Phòng Kế "
                 "hoạch Tài chính.")
    assert [(n, r) for n, r, _, _ in got] == [("Trần Văn Ba", "ca_nhan"), ("Phòng Kế hoạch Tài chính", "tap_the")]


def test_mothers_listed_after_a_plural_title_and_a_list_pointing_back_at_a_count_cut_short():
    got = _names('Chủ tịch nước truy tặng danh hiệu "Bà mẹ Việt Nam anh hùng" cho các bà mẹ: Lê Thị Mai quê ở xã '
                 'Đông Hòa, Phạm Thị Nở quê ở xã Tây Hòa và Võ Thị Sen quê ở xã Nam Hòa.')
    assert [n for n, _, _, _ in got] == ["Lê Thị Mai", "Phạm Thị Nở", "Võ Thị Sen"]
    got = _names('Huyện trao danh hiệu "Bà mẹ Việt Nam anh hùng" cho thân nhân các mẹ Đỗ Thị Hoa (xã An Bình), '
                 'Cao Thị Lan (xã An Phú).')
    assert [n for n, _, _, _ in got] == ["Đỗ Thị Hoa", "Cao Thị Lan"]
    got = _names("Thủ tướng Chính phủ tặng Cờ thi đua cho 5 tập thể của tỉnh vì đã dẫn đầu phong trào thi đua năm "
                 "2022. Các đơn vị này gồm: Nhân dân và cán bộ xã Ea Tul (huyện Cư M'gar), Nhân dân và cán bộ xã "
                 "Ea Kiết (huyện Cư M'gar), Trường THPT Chu Văn An...")
    assert [n for n, _, _, _ in got] == ["Nhân dân và cán bộ xã Ea Tul", "Nhân dân và cán bộ xã Ea Kiết",
                                         "Trường THPT Chu Văn An"]


def test_mothers_named_in_running_prose_and_a_title_written_before_a_name():
    text = ("Sáng 20/7/2019, huyện Quỳ Hợp tổ chức lễ truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 12 mẹ.\n\n"
            "Nhiều mẹ đã cao tuổi, như mẹ Lò Thị Bun (ở xã Châu Hồng) năm nay 98 tuổi, mẹ Vi Thị Sen (95 tuổi).\n\n"
            "Lãnh đạo huyện thắp hương tại ban thờ Bà mẹ Việt Nam anh hùng Lương Thị Khiên, xã Châu Lộc. "
            "Trường được tặng Kỷ niệm chương Hùng Vương.")
    got = sorted((h.name, h.award) for h in extract_text(text).honorees)
    assert got == [("Lò Thị Bun", "ba_me_viet_nam_anh_hung"), ("Lương Thị Khiên", "ba_me_viet_nam_anh_hung"),
                   ("Vi Thị Sen", "ba_me_viet_nam_anh_hung")]


def test_a_collective_then_people_counted_and_named_after_la():
    # own wording: "... cho tập thể X và hai cá nhân là <rank> A, <position>; <rank> B, <position>"
    got = _names("Thừa ủy quyền, Chủ tịch UBND tỉnh trao tặng Huân chương Chiến công hạng Ba cho tập thể Công an "
                 "huyện Tân Phú và hai cá nhân là Trung tá Lê Văn Hùng, Trưởng Công an huyện; Đại úy Phạm Minh Trí, "
                 "Đội trưởng Đội Cảnh sát hình sự.")
    assert got == [("Công an huyện Tân Phú", "tap_the", "huan_chuong_chien_cong_3", None),
                   ("Lê Văn Hùng", "ca_nhan", "huan_chuong_chien_cong_3", "Trưởng Công an huyện"),
                   ("Phạm Minh Trí", "ca_nhan", "huan_chuong_chien_cong_3", "Đội trưởng Đội Cảnh sát hình sự")]


def test_people_named_without_a_title_after_their_position():
    got = _names("Thừa ủy quyền, Phó Chủ tịch nước trao Huân chương Lao động hạng Ba cho Giám đốc Sở Y tế tỉnh Hòa Bình "
                 "Lê Văn Thành và nguyên Phó Giám đốc Bệnh viện Đa khoa tỉnh Trần Thị Hà.")
    assert got == [("Lê Văn Thành", "ca_nhan", "huan_chuong_lao_dong_3", "Giám đốc Sở Y tế tỉnh Hòa Bình"),
                   ("Trần Thị Hà", "ca_nhan", "huan_chuong_lao_dong_3", "nguyên Phó Giám đốc Bệnh viện Đa khoa tỉnh")]
    assert _names("Chủ tịch UBND tỉnh tặng Bằng khen cho Giám đốc Sở và 5 cá nhân.") == []


def test_the_school_a_ceremony_took_place_at_is_what_nha_truong_points_back_at():
    got = _names("Tại Trường THCS Lê Lợi, xã Tân Phú, buổi lễ khai giảng diễn ra trang trọng. Nhân dịp này, Phó Chủ "
                 "tịch UBND tỉnh trao tặng Huân chương Lao động hạng Ba của Chủ tịch nước cho tập thể nhà trường.")
    assert got == [("Trường THCS Lê Lợi", "tap_the", "huan_chuong_lao_dong_3", None)]


def test_the_people_and_officials_of_a_unit_written_in_lower_case():
    got = _names("Tại hội nghị, UBND tỉnh đã tặng Cờ thi đua cho nhân dân và cán bộ huyện Ia Pa.")
    assert got == [("nhân dân và cán bộ huyện Ia Pa", "tap_the", "co_thi_dua_cap_bo_tinh", None)]


def _named(text, **meta):
    meta.setdefault("period", "2023")
    return [(h.name, h.recipient, h.award) for h in extract_text(text, **meta).honorees]


def test_a_semicolon_list_after_a_count_keeps_commas_inside_names_and_may_be_cut_short():
    text = ("Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể có thành tích trong phong trào, gồm:\n\n"
            "12 tập thể: Ban Dân vận, Hội Nông dân tỉnh Yên Bái; UBND huyện Văn Chấn; Phòng Văn hóa và Thông tin "
            "huyện Lục Yên (nay là Phòng Văn hóa, Khoa học và Thông tin huyện Lục Yên); Trường THCS Lê Hồng Phong; ...\n")
    got = _named(text)
    assert [g[0] for g in got] == ["Ban Dân vận, Hội Nông dân tỉnh Yên Bái", "UBND huyện Văn Chấn",
                                   "Phòng Văn hóa và Thông tin huyện Lục Yên", "Trường THCS Lê Hồng Phong"]
    assert {g[1:] for g in got} == {("tap_the", "bang_khen_cap_bo_tinh")}
    # without the '...' the count says the list is not what it seems
    assert _named(text.replace("; ...", ".")) == []
    # a ';' inside a person's bracket parts nothing; titled people in lower case are names
    text = ("Truy tặng Huân chương Độc lập hạng Ba cho 2 cá nhân gồm: ông Trần Văn Lũy (SN 1908, quê xã Yên Hồ; "
            "nơi đăng ký hồ sơ: xã Yên Hồ); liệt sĩ Phan Văn Đạt (SN 1911, quê xã Đức Lạc).\n")
    assert [g[0] for g in _named(text)] == ["Trần Văn Lũy", "Phan Văn Đạt"]


def test_bodies_of_one_kind_named_without_it():
    text = ("6 tập thể được công nhận danh hiệu Tập thể lao động xuất sắc\n\n"
            "Đó là các trường: THCS Tân Hòa, THCS Phú Lợi, Tiểu học Kim Đồng và Mầm non Hoa Sen. Các trường đã có "
            "nhiều đổi mới trong dạy và học.\n")
    got = _named(text)
    assert [g[0] for g in got] == ["Trường THCS Tân Hòa", "Trường THCS Phú Lợi", "Trường Tiểu học Kim Đồng",
                                   "Trường Mầm non Hoa Sen"]
    assert {g[2] for g in got} == {"tap_the_lao_dong_xuat_sac"}


def test_each_honoree_after_cho_that_says_its_kind_again():
    text = ("Ông Lê Văn Hai thay mặt lãnh đạo tỉnh tặng bằng khen cho tập thể Tổ tự quản số 2, ấp Tân Lập, xã Tân "
            "Phước, tập thể Tổ tự quản số 7 ấp Mỹ Hòa, xã Mỹ Đông và cá nhân ông Trần Văn Bé (xã Mỹ Đông).\n")
    got = [g[0] for g in _named(text)]
    assert got == ["Tổ tự quản số 2", "Tổ tự quản số 7 ấp Mỹ Hòa", "Trần Văn Bé"]     # the place after a comma is not named


def test_a_reward_given_on_the_spot_names_its_honorees():
    text = ("Năm 2023, UBND huyện đã thưởng đột xuất cho 02 tập thể (Đội Cảnh sát giao thông Công an huyện; Tổ "
            "xung kích thôn Nà Lừa, xã Bản Cầm) có thành tích trong ứng phó mưa lũ.")
    ex = extract_text(text, period="2023")
    assert [(f.value, f.award, f.recipient) for f in ex.facts if f.metric == "award.count"] == [(2, "khen_thuong", "tap_the")]
    assert [h.name for h in ex.honorees] == ["Đội Cảnh sát giao thông Công an huyện", "Tổ xung kích thôn Nà Lừa, xã Bản Cầm"]


def test_the_one_named_as_outstanding_before_it_is_honoured():
    got = _named("Tiêu biểu là Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn được Chính phủ tặng Cờ thi đua năm 2023.")
    assert got == [("Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn", "tap_the", "co_thi_dua_chinh_phu")]


def test_a_semicolon_list_of_bodies_written_in_lower_case():
    text = ("Hội đồng thống nhất đề nghị tặng Huân chương Lao động hạng Nhất cho 2 tập thể gồm: nhân dân và cán bộ "
            "huyện Kiến Xương; nhân dân và cán bộ huyện Vũ Thư.")
    assert [g[0] for g in _named(text)] == ["nhân dân và cán bộ huyện Kiến Xương", "nhân dân và cán bộ huyện Vũ Thư"]


def test_a_counted_list_parted_by_commas_and_semicolons_and_army_units_by_their_own_words():
    text = ("Chủ tịch nước trao danh hiệu Anh hùng Lực lượng vũ trang nhân dân cho 5 tập thể, gồm: Binh chủng Hóa học "
            "(Bộ Quốc phòng), Lữ đoàn 125 Hải quân (Quân chủng Hải quân); Ban CHQS huyện Côn Đảo; Hải đội 2 Biên "
            "phòng; Quân chủng Phòng không - Không quân.")
    names = [h.name for h in extract_text(text, period="2024").honorees]
    assert names == ["Binh chủng Hóa học", "Lữ đoàn 125 Hải quân", "Ban CHQS huyện Côn Đảo", "Hải đội 2 Biên phòng",
                     "Quân chủng Phòng không - Không quân"]


def test_a_passive_honoree_after_dac_biet_and_a_post_office_as_a_collective():
    text = ("Nhiều tập thể được biểu dương. Đặc biệt, Ban Chỉ huy Quân sự huyện được Quân khu 9 tặng Cờ thi đua năm "
            "2023. Bưu điện tỉnh Sóc Trăng được tặng Bằng khen của Chủ tịch UBND tỉnh.")
    assert [h.name for h in extract_text(text, period="2023").honorees] == ["Ban Chỉ huy Quân sự huyện", "Bưu điện tỉnh Sóc Trăng"]


def test_a_passive_honoree_named_before_how_many_years_running():
    text = "Hội Nông dân huyện 3 năm liền được Trung ương Hội tặng Cờ thi đua."
    assert [h.name for h in extract_text(text, period="2023").honorees] == ["Hội Nông dân huyện"]


def test_a_unit_receiving_an_order_and_the_object_of_a_proposal_are_honorees():
    # our wording: a commune and a district receiving orders, a body proposed for a flag
    text = ("Năm 2015, xã Tân Hòa đón nhận Huân chương Lao động hạng Ba. Huyện Mỹ Lộc vinh dự được Chủ tịch "
            "nước tặng Huân chương Lao động hạng Nhì. Năm 2022, Khối thi đua đề nghị Kho bạc tỉnh được nhận Cờ "
            "thi đua của Chính phủ. Năm 2020, xã Tân Hòa đạt chuẩn nông thôn mới.\n")
    ex = extract_text(text)
    got = sorted((h.name, h.award) for h in ex.honorees)
    assert got == [("Huyện Mỹ Lộc", "huan_chuong_lao_dong_2"), ("Kho bạc tỉnh", "co_thi_dua_chinh_phu"),
                   ("xã Tân Hòa", "huan_chuong_lao_dong_3")]


def test_people_named_in_the_sentence_after_their_count_each_with_a_dash_position():
    # our wording: "Đó là các đồng chí A - position, B – position và C – position."
    text = ("Năm 2021, Công ty có 3 cá nhân được Thủ tướng Chính phủ tặng Bằng khen. Đó là các đồng chí Lê Văn "
            "Khải - Trưởng phòng Kỹ thuật, Đỗ Thị Hạnh – Quản đốc PX Sàng 2 và Vũ Minh Tâm – Công nhân PX Sàng 2.\n")
    got = _names(text)
    assert [(n, p) for n, _, _, p in got] == [("Lê Văn Khải", "Trưởng phòng Kỹ thuật"),
                                              ("Đỗ Thị Hạnh", "Quản đốc PX Sàng 2"),
                                              ("Vũ Minh Tâm", "Công nhân PX Sàng 2")]
    assert {a for _, _, a, _ in got} == {"bang_khen_thu_tuong"}


def test_pupils_counted_before_their_award_then_listed_with_their_class():
    # our wording: a count of pupils, the award, "gồm:", names each followed by a comma and its class
    text = ("Năm 2023, tỉnh có 02 học sinh Trường THPT Chuyên Lam Sơn được nhận Huân chương Lao động hạng Ba gồm: "
            "Trịnh Minh Đức, lớp 12 Toán (năm học 2022 - 2023) và Lê Thu Hà, lớp 12 Sinh học.\n")
    got = _names(text)
    assert [(n, r, a) for n, r, a, _ in got] == [("Trịnh Minh Đức", "ca_nhan", "huan_chuong_lao_dong_3"),
                                                 ("Lê Thu Hà", "ca_nhan", "huan_chuong_lao_dong_3")]
