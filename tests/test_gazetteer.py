"""The administrative gazetteer (rules/gazetteer.py)."""
from __future__ import annotations

import time

import pytest

from rules import gazetteer as gz


@pytest.mark.parametrize("district, province", [
    ("Trùng Khánh", "Cao Bằng"),
    ("Hà Trung", "Thanh Hóa"),
    ("Tân Yên", "Bắc Giang"),
    ("Yên Khánh", "Ninh Bình"),
    ("Hà Quảng", "Cao Bằng"),
    ("huyện Trùng khánh", "Cao Bằng"),        # prefix, a lower-case slip
    ("HUYỆN YÊN KHÁNH", "Ninh Bình"),
    ("H. Hà Quảng", "Cao Bằng"),
    ("Hoà An", "Cao Bằng"),                   # old tone placement
    ("TP. Cao Bằng", "Cao Bằng"),
])
def test_district_to_province(district, province):
    found = gz.find_districts(district)
    assert [d.province for d in found] == [province]


def test_district_details():
    (d,) = gz.find_districts("Trùng Khánh")
    assert (d.name, d.full_name, d.kind) == ("Trùng Khánh", "Huyện Trùng Khánh", "huyện")


def test_former_district_is_found_in_its_successor():
    # huyện Thông Nông was merged into huyện Hà Quảng in 2020
    assert [(d.name, d.province) for d in gz.find_districts("huyện Thông Nông")] == [("Hà Quảng", "Cao Bằng")]


def test_ambiguous_district_resolved_by_province():
    many = gz.find_districts("Châu Thành")
    assert len(many) >= 8
    assert "Long An" in {d.province for d in many}
    assert [d.province for d in gz.find_districts("Châu Thành", province="Long An")] == ["Long An"]
    assert [d.province for d in gz.find_districts("Bảo Lâm", province="tỉnh Cao Bằng")] == ["Cao Bằng"]
    # a 2025 province as the hint: Tân Yên was in Bắc Giang, now part of Bắc Ninh
    assert [d.province for d in gz.find_districts("Tân Yên", province="Bắc Ninh")] == ["Bắc Giang"]


def test_same_name_town_and_district_in_one_province():
    kinds = [d.kind for d in gz.find_districts("Thị xã Kỳ Anh")]
    assert kinds[0] == "thị xã" and "huyện" in kinds
    assert gz.find_districts("huyện Kỳ Anh")[0].kind == "huyện"


def test_commune_lookup():
    (c,) = gz.find_communes("Hà Vinh")
    assert (c.name, c.kind, c.district, c.province) == ("Hà Vinh", "xã", "Hà Trung", "Thanh Hóa")
    # xã Hà Giang exists in Thanh Hóa (Hà Trung) and Thái Bình (Đông Hưng)
    assert {c.province for c in gz.find_communes("xã Hà Giang")} == {"Thanh Hóa", "Thái Bình"}
    assert [c.province for c in gz.find_communes("Hà Giang", district="Hà Trung")] == ["Thanh Hóa"]
    assert [c.district for c in gz.find_communes("Hà Giang", province="Thái Bình")] == ["Đông Hưng"]
    # thị trấn and xã with the same name in one district
    assert {c.kind for c in gz.find_communes("Yên Viên", district="Gia Lâm")} == {"xã", "thị trấn"}


def test_commune_lookup_2025():
    (c,) = gz.find_communes("Tân Yên", province="Bắc Ninh", era=gz.NEW)
    assert (c.full_name, c.district, c.era) == ("Xã Tân Yên", None, "2025")
    assert gz.find_communes("Tân Yên", province="Bắc Ninh") == []      # no legacy commune of that name there


@pytest.mark.parametrize("province, today", [
    ("Bắc Giang", "Bắc Ninh"),
    ("Hà Giang", "Tuyên Quang"),
    ("Ninh Bình", "Ninh Bình"),
    ("Nam Định", "Ninh Bình"),
    ("tỉnh Thanh Hoá", "Thanh Hóa"),
    ("Cao Bằng", "Cao Bằng"),
    ("Thừa Thiên Huế", "Huế"),
    ("Bắc Ninh", "Bắc Ninh"),            # already one of the 34
    ("Tuyên Quang", "Tuyên Quang"),
])
def test_province_2025(province, today):
    assert gz.province_2025(province) == today


def test_province_2025_from_district_or_commune():
    assert gz.province_2025(None, "Tân Yên") == "Bắc Ninh"
    assert gz.province_2025(None, "Trùng Khánh") == "Cao Bằng"
    assert gz.province_2025(None, None, "Hà Vinh") == "Thanh Hóa"
    assert gz.province_2025(None, "Châu Thành") is None              # ambiguous
    assert gz.province_2025(None, "Châu Thành", "Đông Phước") == "Cần Thơ"  # Hậu Giang -> Cần Thơ
    assert gz.province_2025("Xứ Sở Thần Tiên") is None


def test_commune_2025():
    c = gz.commune_2025("Thanh Hóa", "Hà Trung", "Hà Vinh")
    assert (c.full_name, c.province) == ("Phường Bỉm Sơn", "Thanh Hóa")
    c = gz.commune_2025("Cao Bằng", "Trùng Khánh", "thị trấn Trùng Khánh")
    assert c.full_name == "Xã Trùng Khánh"


def test_find_places():
    text = ("Thực hiện Kế hoạch của HĐTĐKT huyện Hà Trung, tỉnh Thanh Hoá; xã Hà Vinh có 4/7 thôn, "
            "UBND XÃ HÀ GIANG, TP. Cao Bằng, H. Hà Quảng, huyện Trùng khánh. Kinh tế - xã hội ổn định; "
            "Huyện ủy, HĐND huyện; CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Sở Nội vụ Cao Bằng.")
    found = gz.find_places(text)
    got = [(p.level, p.prefix, p.name) for p in found]
    assert got == [
        ("district", "huyện", "Hà Trung"),
        ("province", "tỉnh", "Thanh Hoá"),
        ("commune", "xã", "Hà Vinh"),
        ("commune", "XÃ", "HÀ GIANG"),
        ("district", "TP.", "Cao Bằng"),      # the city, not the province
        ("district", "H.", "Hà Quảng"),
        ("district", "huyện", "Trùng khánh"),
    ]
    p = found[0]
    assert text[p.start:p.end] == "huyện Hà Trung" and text[p.name_start:p.end] == "Hà Trung"
    assert found[0].provinces == {"Thanh Hóa"}
    bare = [p for p in gz.find_places(text, bare_provinces=True) if not p.prefix]
    assert [p.name for p in bare] == ["Cao Bằng"]


def test_bare_province_names():
    found = gz.find_places("tư tưởng Hồ Chí Minh; TP. Hồ Chí Minh; Sở Nội vụ Cao Bằng", bare_provinces=True)
    assert [(p.prefix, p.name) for p in found] == [("TP.", "Hồ Chí Minh"), ("", "Cao Bằng")]


def test_find_places_longest_name_wins():
    found = gz.find_places("tỉnh Bà Rịa - Vũng Tàu và thành phố Hồ Chí Minh")
    assert [(p.level, p.name) for p in found] == [("province", "Bà Rịa - Vũng Tàu"), ("province", "Hồ Chí Minh")]


def test_name_key():
    assert gz.name_key("Huyện Trùng Khánh") == gz.name_key("TRÙNG KHÁNH") == "trungkhanh"
    assert gz.name_key("Thanh Hoá") == gz.name_key("tỉnh Thanh Hóa") == "thanhhoa"
    assert gz.name_key("Quận 01") == "1"
    assert gz.name_key("Xá Lượng") == "xaluong"      # a name, not "xã Lượng"


def test_loading_and_lookups_are_fast():
    t = time.perf_counter()
    gz.Gazetteer()
    assert time.perf_counter() - t < 1.0
    gz.gazetteer()
    t = time.perf_counter()
    for _ in range(1000):
        gz.find_districts("Trùng Khánh")
        gz.find_communes("Hà Vinh", district="Hà Trung")
    assert (time.perf_counter() - t) / 1000 < 1e-3


def test_a_province_written_bare_keeps_its_tones_unless_written_without_any():
    from rules.gazetteer import find_places
    names = lambda t: [(m.name, m.level) for m in find_places(t, bare_provinces=True)]
    assert names("Tân Thạnh 3 mẹ, Thạnh Hóa 2 mẹ") == []        # a district of Long An, not Thanh Hóa
    assert names("Tỉnh ủy Thanh Hoá họp") == [("Thanh Hoá", "province")]
    assert names("(Quang Binh Portal) - Ngày 23/3") == [("Quang Binh", "province")]


def test_the_venue_of_an_event_covering_several_districts_is_not_the_texts_place():
    from rules.metadata import headerless_place
    from tests.rules_support import doc_from_text
    text = ("Phong tặng danh hiệu Bà mẹ Việt Nam Anh hùng cho 52 mẹ\n\n"
            "Sáng ngày 10-3-2016, tại huyện Châu Thành diễn ra buổi lễ phong tặng danh hiệu Bà mẹ Việt Nam Anh hùng "
            "ở khu vực phía Bắc tỉnh, gồm các huyện: Châu Thành, Tân Trụ, Cần Đước. Phó Chủ tịch UBND tỉnh Long An "
            "đến dự.\n\nĐến nay, Long An có 2.100 mẹ được phong tặng.")
    tp = headerless_place(doc_from_text(text))
    assert (tp.name, tp.level) == ("Long An", "province")


def test_a_province_written_bare_in_an_informal_spelling_of_the_alias_list():
    got = [(m.name, m.units[0].name) for m in gz.find_places("Đăk Nông: Còn 40% số hộ nghèo vùng đồng bào", bare_provinces=True)]
    assert got == [("Đăk Nông", "Đắk Nông")]
    # a spelling not on the list is still no province: "Thạnh Hóa" is a district of Long An
    assert all(m.units[0].name != "Thanh Hóa" for m in gz.find_places("Thạnh Hóa: ra mắt mô hình", bare_provinces=True))
