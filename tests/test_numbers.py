"""The Vietnamese number reader on sentences cut from the seed reports."""
from __future__ import annotations

import pytest

from rules.numbers import (Num, choose, find_numbers, format_vn, parse_number, parse_words,
                           readings, to_words)


def nums(text: str, **kw) -> list[Num]:
    found = find_numbers(text, **kw)
    for n in found:
        assert text[n.start:n.end] == n.raw
    return found


def one(text: str, raw: str, **kw) -> Num:
    """The number whose raw text is ``raw``."""
    hits = [n for n in nums(text, **kw) if n.raw == raw]
    assert len(hits) == 1, [n.raw for n in nums(text, **kw)]
    return hits[0]


def raws(text: str, **kw) -> list[str]:
    return [n.raw for n in nums(text, **kw)]


# -- tokens ------------------------------------------------------------------

@pytest.mark.parametrize("tok, value", [
    ("1.015", 1015), ("5.858", 5858), ("138.789.000.000", 138_789_000_000), ("4.235,04", 4235.04),
    ("20.942,3", 20942.3), ("33,59", 33.59), ("92,1", 92.1), ("01", 1), ("08", 8), ("1 500", 1500),
    ("0,3", 0.3), ("17.889", 17889), ("1015", 1015), ("17.68", 17.68), ("41,288", 41.288),
    ("100%", 100), (" 3,72 ", 3.72), ("1,234,567", 1234567), ("1,234.5", 1234.5), ("0", 0),
])
def test_parse_number(tok, value):
    assert parse_number(tok) == pytest.approx(value)


@pytest.mark.parametrize("tok", ["", "abc", "1.2.3", "12-3", "1/2", "1..2", "3.2.1", ",5"])
def test_parse_number_rejects(tok):
    assert parse_number(tok) is None


@pytest.mark.parametrize("tok, expected", [
    ("17.68", (17.68, 17680.0)), ("41,288", (41.288, 41288.0)), ("1.015", (1015.0, 1.015)),
    ("1.95", (1.95, 1950.0)), ("13.10", (13.1, 13100.0)), ("21.00", (21.0, 21000.0)),
    ("70.0", (70.0, 70000.0)), ("4.235,04", (4235.04,)), ("01", (1.0,)), ("0.68", (0.68,)),
    ("1.015.000", (1015000.0,)), ("0,300", (0.3,)), ("1234,567", (1234.567,)),
])
def test_readings(tok, expected):
    assert readings(tok) == pytest.approx(expected)


# -- thousands, decimals, units glued ------------------------------------------

def test_households_and_rates():
    s = ("Ban hành Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2021 theo tiêu chuẩn "
         "đa chiều giai đoạn 2022-2025: tổng số hộ nghèo 5.858 hộ, tỷ lệ 33,59%; hộ cận nghèo 2.596 hộ, "
         "tỷ lệ 14,88%;")
    assert raws(s) == ["2021", "2022-2025", "5.858", "33,59%", "2.596", "14,88%"]
    poor = one(s, "5.858")
    assert (poor.value, poor.kind, poor.ambiguous) == (5858, "int", False)
    rate = one(s, "33,59%")
    assert (rate.value, rate.kind, rate.percent, rate.base) == (33.59, "percent", True, 33.59)


def test_area_with_glued_unit():
    s = ("- Tổng diện tích gieo trồng cả năm là 4.235,04ha, trong đó xã Hà Vinh là 895ha, Hà Bắc là "
         "795,46ha, Hà Giang 871ha, Hoạt Giang 1.064ha, Yên Dương 609,58ha.")
    found = nums(s)
    assert [n.value for n in found] == pytest.approx([4235.04, 895, 795.46, 871, 1064, 609.58])
    assert found[0].raw == "4.235,04" and found[0].kind == "decimal"
    assert sum(n.value for n in found[1:]) == pytest.approx(4235.04)


def test_big_money():
    s = ("Hội đang quản lý 5 chương trình ủy thác cho vay vốn với Ngân hàng Chính sách xã hội và "
         "Ngân hàng Nông nghiệp với tổng dư nợ 138.789.000.000 đồng, có 3.138 hộ vay")
    n = one(s, "138.789.000.000")
    assert n.value == 138_789_000_000 and n.kind == "int"
    assert one(s, "3.138").value == 3138


def test_decimal_tonnes():
    s = "Tổng sản lượng lương thực các xã trong cụm đạt 20.942,3 tấn."
    assert one(s, "20.942,3").value == pytest.approx(20942.3)


def test_percent_in_parentheses_and_with_space():
    s = "Điển hình như xã Hoạt Giang hộ nghèo giảm còn (3,7%); xã Hà Vinh giảm còn (3,72%)."
    assert [(n.raw, n.value, n.percent) for n in nums(s)] == [("3,7%", 3.7, True), ("3,72%", 3.72, True)]
    n = one("tỷ lệ đạt 92 % kế hoạch", "92 %")
    assert n.value == 92 and n.kind == "percent"
    n = one("đạt mười lăm phần trăm", "mười lăm phần trăm", words=True)
    assert n.value == 15 and n.percent
    n = one("đạt 15,8 phần trăm", "15,8 phần trăm")
    assert n.value == 15.8 and n.percent and n.kind == "percent"


def test_direct_workers_share():
    s = ("74 Tập thể lao động tiên tiến, 73 Chiến sĩ thi đua cơ sở (trong đó Người lao động trực tiếp "
         "đạt 82%), 1015 cá nhân Lao động tiên tiến (trong đó Người lao động trực tiếp đạt 92%)")
    assert [(n.raw, n.value, n.kind) for n in nums(s)] == [
        ("74", 74, "int"), ("73", 73, "int"), ("82%", 82, "percent"), ("1015", 1015, "int"),
        ("92%", 92, "percent")]


def test_leading_zeros():
    s = ("Kết quả khen thưởng năm 2022: tặng và truy tặng 01 Bà mẹ Việt nam anh hùng; 01 tập thể được "
         "tặng Huân chương Lao động hạng Ba; 08 tập thể và 05 cá nhân được tặng Bằng khen")
    found = nums(s)
    assert [(n.raw, n.value, n.leading_zero) for n in found] == [
        ("2022", 2022, False), ("01", 1, True), ("01", 1, True), ("08", 8, True), ("05", 5, True)]


def test_bold_markup():
    s = "Chủ tịch UBND huyện đã khen thưởng cho **186** tập thể và **692** cá nhân, cụ thể:"
    assert [n.value for n in nums(s)] == [186, 692]


# -- scale words ------------------------------------------------------------------

def test_scale_words():
    s = "Về chăn nuôi: Tổng đàn gia súc có 6.136 con; đàn gia cầm có 306,27 nghìn con."
    n = one(s, "306,27 nghìn")
    assert (n.value, n.base, n.scale, n.scale_word, n.kind) == (306270.0, 306.27, 1e3, "nghìn", "decimal")

    s = ("kết quả đạt được: thu ngân sách đạt 41,288 tỷ đồng, bằng 66,9% so với dự toán tỉnh giao "
         "(trong đó, thu cân đối ngân sách đạt 21,288 tỷ đồng, bằng 50,97% dự toán giao)")
    n = one(s, "41,288 tỷ")
    assert n.value == 41_288_000_000 and n.base == 41.288 and n.scale == 1e9
    assert n.ambiguous and n.alternatives == (41_288_000_000_000.0,)
    assert one(s, "66,9%").value == 66.9

    s = ("Hỗ trợ 05 triệu đồng cho 01 hộ bị hỏa hoạn; ... được 499 suất quà, trị giá 199,6 triệu đồng...")
    n = one(s, "05 triệu")
    assert (n.value, n.base, n.leading_zero) == (5_000_000, 5, True)
    assert one(s, "199,6 triệu").value == 199_600_000

    assert one("hỗ trợ 2 ngàn cây giống", "2 ngàn").value == 2000
    assert one("giá trị 1,5 tỉ đồng", "1,5 tỉ").value == 1_500_000_000
    assert one("tổng vốn 1,2 nghìn tỷ đồng", "1,2 nghìn tỷ").value == 1_200_000_000_000
    assert one("hỗ trợ 15 trđ/hộ", "15 trđ").value == 15_000_000


def test_ty_le_is_not_a_scale_word():
    s = "Nâng tổng số xã đạt chuẩn lên 12 tỷ lệ đạt 63%"
    assert one(s, "12").value == 12


def test_scaled_bound():
    s = ("Các tổ chức, đoàn từ thiện, các nhà hảo tâm tặng quà và tiền mặt trị giá hơn 2 tỷ đồng cho "
         "người nghèo")
    n = one(s, "hơn 2 tỷ")
    assert (n.value, n.bound, n.scale) == (2e9, ">", 1e9)


# -- fractions ----------------------------------------------------------------------

def test_fractions_ntm():
    s = ("Có 03/19 xã đạt 19 tiêu chí, chiếm 15,8% (gồm các xã Phong Châu, Cao Chương, Ngọc Côn); "
         "10/19 xã đạt từ 10 - 14 tiêu chí chiếm 52,6%; 06/19 xã dưới tiêu chí, chiếm 31,6%...")
    found = nums(s)
    assert [n.raw for n in found] == ["03/19", "19", "15,8%", "10/19", "từ 10 - 14", "52,6%", "06/19",
                                      "31,6%"]
    f = found[0]
    assert (f.kind, f.value, f.of_total, f.leading_zero) == ("fraction", 3, 19, True)
    r = found[4]
    assert (r.kind, r.low, r.high, r.value, r.bound) == ("range", 10, 14, 14, None)
    assert found[6].of_total == 19 and found[6].value == 6


def test_fractions_villages():
    s = ("Các thôn đạt chuẩn NTM đã được công nhận gồm: Hà Giang 4/4 thôn, Hà Bắc 4/4 thôn, Yên Dương "
         "7/7 thôn, Hoạt Giang 10/10 thôn, Hà Vinh 4/7 thôn (Còn 3 thôn đã hoàn thành các tiêu chí)")
    assert [(n.value, n.of_total) for n in nums(s)] == [
        (4, 4), (4, 4), (7, 7), (10, 10), (4, 7), (3, None)]


def test_fractions_criteria_and_all():
    s = "Phong Châu thực hiện đạt 08/19 tiêu chí; Cao Chương đạt 05/19 tiêu chí; Ngọc Côn đạt 5/19 tiêu chí."
    assert [(n.raw, n.value, n.of_total) for n in nums(s)] == [
        ("08/19", 8, 19), ("05/19", 5, 19), ("5/19", 5, 19)]
    s = "Đến nay, các xã hoàn thành 02/22 tiêu chí đã đăng ký trong năm 2022, đạt 9,1%"
    assert one(s, "02/22").of_total == 22
    s = "01 lãnh đạo và 01 công chức thuộc Phòng Nội vụ và 19/19 xã, thị trấn đã bố trí"
    assert one(s, "19/19").value == 19


def test_fraction_with_thousands():
    row = "22 | Kết nạp đảng viên mỗi năm | đảng viên | 150 | 1.020/750 | 136"
    n = one(row, "1.020/750")
    assert (n.kind, n.value, n.of_total) == ("fraction", 1020, 750)
    assert [x.raw for x in nums(row)] == ["22", "150", "1.020/750", "136"]


# -- ranges ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, raw, low, high, percent", [
    ("5 | Diện tích thuốc lá | ha | 650-700 | 581,4 | 83", "650-700", 650, 700, False),
    ("18 | Giảm tỷ lệ trẻ em suy dinh dưỡng mỗi năm | % | 1,5-2 | 3,92 | 56", "1,5-2", 1.5, 2, False),
    ("| Giảm tỷ suất sinh mỗi năm | 0 | 0,2-2,0 | 0,3 | 100", "0,2-2,0", 0.2, 2.0, False),
    ("giảm hộ nghèo xuống bình quân còn 1-2%, tăng hộ gia đình thu nhập khá", "1-2%", 1, 2, True),
    ("mỗi năm mỗi xã phấn đấu hoàn thành thêm từ 1-2 tiêu chí, đến nay", "từ 1-2", 1, 2, False),
    ("giai đoạn 2015 - 2020 Phương hướng, nhiệm vụ", "2015 - 2020", 2015, 2020, False),
    ("kế hoạch 5 năm 2020-2025 mà Nghị quyết Đại hội", "2020-2025", 2020, 2025, False),
    ("huyện Hà Quảng giai đoạn 2015- 2020 (huyện Hà Quảng cũ)", "2015- 2020", 2015, 2020, False),
    ("KHEN THƯỞNG GIAI ĐOẠN 2015 – 2020", "2015 – 2020", 2015, 2020, False),
    ("mỗi xã đạt từ 10 đến 14 tiêu chí", "từ 10 đến 14", 10, 14, False),
    ("năm học 2022-2023; Công văn số 2235/UBND-NV", "2022-2023", 2022, 2023, False),
    ("năm học 2020/2021", "2020/2021", 2020, 2021, False),
    ("tỷ lệ từ 10% - 15% tổng số", "từ 10% - 15%", 10, 15, True),
    ("vốn 1,5-2 tỷ đồng", "1,5-2 tỷ", 1.5e9, 2e9, False),
])
def test_ranges(text, raw, low, high, percent):
    n = one(text, raw)
    assert n.kind == "range"
    assert (n.low, n.high, n.value, n.percent) == (pytest.approx(low), pytest.approx(high),
                                                   pytest.approx(high), percent)


def test_range_with_about():
    s = ("có khoảng 50 - 100 lượt hội viên, nông dân được tham gia các lớp tập huấn")
    n = one(s, "khoảng 50 - 100")
    assert (n.kind, n.low, n.high, n.bound) == ("range", 50, 100, "~")


def test_descending_pair_is_not_a_range():
    assert raws("xếp hạng 5-3 chung cuộc") == ["5", "3"]


# -- bounds ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, raw, value, bound, percent", [
    ("| Số hộ được xem truyền hình | % | > 95 | 97 | 102", "> 95", 95, ">", False),
    ("| - Làng văn hóa mỗi năm | % | >70 | 61,3 | 88", ">70", 70, ">", False),
    ("3 | Tổng sản lượng lương thực có hạt | >13.000 tấn | 13.10 | 101", ">13.000", 13000, ">", False),
    ("| + Gia đình văn hóa | >85% | 93 | 109", ">85%", 85, ">", True),
    ("Hàng năm các xã đều có trên 80% khu dân cư đạt tiêu chuẩn an toàn", "trên 80%", 80, ">", True),
    ("khen thưởng cho hơn 200 tập thể và cá nhân có thành tích", "hơn 200", 200, ">", False),
    ("15 | Di chuyển chuồng trại ra xa nhà ở | Trên 70%(738) | 70.0 | 100", "Trên 70%", 70, ">", True),
    ("tỷ lệ gia đình được công nhận gia đình văn hoá các xã đạt từ 80% trở lên.", "từ 80% trở lên", 80,
     ">=", True),
    ("xét tốt nghiệp THCS đạt 97% trở lên; học sinh các khối lên lớp đạt 100%", "97% trở lên", 97, ">=",
     True),
    ("trẻ em dưới 5 tuổi, tiêm chủng mở rộng", "dưới 5", 5, "<", False),
    ('được xét tặng danh hiệu "Chiến sĩ thi đua cơ sở" tối đa không quá 15% tổng số cá nhân',
     "tối đa không quá 15%", 15, "<=", True),
    ("tổng số không quá 20 người", "không quá 20", 20, "<=", False),
    ("tối đa 3 người", "tối đa 3", 3, "<=", False),
    ("gần 500 hộ đã thoát nghèo", "gần 500", 500, "~", False),
    ("khoảng 1.200 người tham gia", "khoảng 1.200", 1200, "~", False),
    ("Tổng diện tích NTTS các xã trong cụm là 505ha; Sản lượng ước đạt 3.183 tấn.", "ước đạt 3.183", 3183,
     "~", False),
    ("ước 3.000 tấn", "ước 3.000", 3000, "~", False),
    ("ít nhất 2 tập thể", "ít nhất 2", 2, ">=", False),
    ("≥ 90% số hộ", "≥ 90%", 90, ">=", True),
])
def test_bounds(text, raw, value, bound, percent):
    n = one(text, raw)
    assert (n.value, n.bound, n.percent) == (pytest.approx(value), bound, percent)


def test_tu_alone_is_not_a_bound():
    s = "từ 2015 đến nay đã có 20 xã đạt chuẩn"
    assert [(n.raw, n.bound) for n in nums(s)] == [("2015", None), ("20", None)]


def test_tro_len_after_the_noun():
    s = "có 10 xã đạt từ 15 tiêu chí trở lên"
    n = one(s, "từ 15")
    assert n.bound == ">=" and n.value == 15
    assert s[n.end:].startswith(" tiêu chí")


def test_out_of_is_not_a_bound():
    s = "xếp thứ 2 trên 19 xã"
    assert [(n.raw, n.bound) for n in nums(s)] == [("2", None), ("19", None)]


# -- not numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thực hiện Kế hoạch số 41/KH-HĐTĐKT ngày 16/11/2022 của HĐTĐKT huyện Hà Trung",
    "Kế hoạch số 41/KH-HĐTĐKT ngày 28/1/2022 của Hội đồng Thi đua, khen thưởng tỉnh Cao Bằng",
    "Chỉ thị số 02/CT-UBND ngày 28/01/2022 của Ủy ban nhân dân tỉnh",
    "quán triệt Chỉ thị số 34- CT/TW ngày 07/ 4/ 2014 của Bộ chính trị",
    "Chỉ thị số 34-CT/TW; Chỉ thị số 05-CT/TW; Kết luận 83-KL/TW",
    "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
    "Nghị quyết số 864/NQ-UBTVQH 14 ngày 12/12/2019",
    "Luật Thi đua, khen thưởng số 06/2022/QH15",
    "Số: /BC-UBND",
    "Kế hoạch số 3617/KH-UBND, Công văn số 2160/BTĐKT",
    "phòng, chống dịch COVID-19 và Covid-19",
    "(11/6/1948 - 11/6/2023)",
    "kỷ niệm ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc ngày 11/6",
    "khai mạc lúc 8h30, kết thúc lúc 14h, họp lúc 7:30 và 14 giờ 30",
    "Phần thứ nhất I. KẾT QUẢ II. PHƯƠNG HƯỚNG",
    "3.3. Phong trào thi đua chuyên đề do Chủ tịch UBND tỉnh phát động",
    "2.1 Kết quả thực hiện các phong trào thi đua",
    "ban hành ngày 28.01.2022 và 28-01-2022",
    "báo cáo tháng 12/2022",
    "Quyết định số 1137/QĐ-UBND; Thông tư 12/2019/TT-BNV; Quyết định số 08/2018/QĐ-UBND",
])
def test_not_numbers(text):
    assert nums(text) == []


def test_dates_do_not_swallow_neighbours():
    s = ("Nghị định số 42 của Chính phủ ngày 15/4/2010 và Nghị định số 39 ngày 27/4/2012 của Chính phủ")
    assert raws(s) == ["42", "39"]
    s = "tháng 12 năm 2022 có 3 xã"
    assert [(n.raw, n.kind) for n in nums(s)] == [("12", "int"), ("2022", "int"), ("3", "int")]
    s = "Kỷ niệm 75 năm (11/6/1948 - 11/6/2023), có 20 tập thể"
    assert raws(s) == ["75", "20"]
    s = "ban hành 30 văn bản; Chỉ thị số 34-CT/TW ngày 07/4/2014, 12 hội nghị"
    assert raws(s) == ["30", "12"]


def test_outline_numbers_at_line_start_only():
    s = "1. Công tác lãnh đạo\n2.3. Kết quả đạt 2 xã"
    assert raws(s) == ["2"]
    assert raws("đạt 1.5 tấn") == ["1.5"]
    # rules.text cuts a heading's number off as a sentence of its own
    for heading in ("1.", "3.1.", "2)", "3.3."):
        assert raws(heading) == []
    assert raws("tổng số là\n95.") == []
    assert raws("tổng số là 95.") == ["95"]


# -- the four ambiguous table values ---------------------------------------------------------

def test_ambiguous_tonnes_resolved_by_neighbour():
    row = "4 | Tổng sản lượng lương thực có hạt | tấn | 17.68 | 17.889 | 102"
    target = one(row, "17.68")
    assert target.ambiguous and target.value == 17.68 and target.alternatives == (17680.0,)
    result = one(row, "17.889")
    assert result.value == 17889 and not result.ambiguous
    value, conf, note = choose(target, neighbours=[result.value])
    assert value == 17680 and 0.5 < conf < 1 and "17680" in note
    # with the stated 102 %: expected target = result / 1.02
    value, conf, _ = choose(target, expected=result.value / 1.02)
    assert value == 17680


def test_ambiguous_people_resolved_by_percent():
    row = "12 | Tập huấn, đào tạo nghề mỗi năm trên | người | 800 | 1.95 | 244"
    n = one(row, "1.95")
    assert n.ambiguous and n.alternatives == (1950.0,)
    value, conf, note = choose(n, expected=800 * 2.44)
    assert value == 1950 and conf > 0.8 and note
    assert choose(n, expected=800)[0] == 1950


def test_ambiguous_tonnes_with_bounded_target():
    row = "3 | Tổng sản lượng lương thực có hạt | >13.000 tấn | 13.10 | 101"
    target = one(row, ">13.000")
    n = one(row, "13.10")
    assert n.value == 13.1 and n.alternatives == (13100.0,)
    assert choose(n, expected=target.value * 1.01)[0] == 13100
    assert choose(n, neighbours=[target.value])[0] == 13100


def test_ambiguous_income_stays_decimal():
    row = "1 | Thu nhập bình quân đầu người | 21 triệu đồng/năm | 21.00 | 100"
    n = one(row, "21.00")
    assert n.ambiguous and n.alternatives == (21000.0,)
    value, conf, note = choose(n, expected=21)
    assert value == 21 and conf > 0.9 and "decimal" in note


def test_choose_without_ambiguity_or_context():
    n = one("có 5.858 hộ", "5.858")
    assert choose(n, neighbours=[5]) == (5858.0, 1.0, None)
    n = one("đạt 17.68 tấn", "17.68")
    value, conf, note = choose(n)
    assert value == 17.68 and conf == 0.5 and "no context" in note


def test_comma_thousands_is_ambiguous_but_decimal_by_default():
    n = one("thu ngân sách đạt 41,288 tỷ đồng", "41,288 tỷ")
    assert n.kind == "decimal" and n.ambiguous
    assert choose(n, neighbours=[21.288e9, 60.652e9])[0] == pytest.approx(41.288e9)
    assert not one("đạt 4.235,04 ha", "4.235,04").ambiguous
    assert not one("đạt 0,300 ha", "0,300").ambiguous


def test_dot_thousands_is_not_ambiguous():
    n = one("1.015 cá nhân", "1.015")
    assert n.value == 1015 and not n.ambiguous and n.alternatives == ()


# -- words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("s, n", [
    ("mười hai", 12), ("hai mươi mốt", 21), ("một trăm linh năm", 105), ("một trăm lẻ năm", 105),
    ("một nghìn không trăm linh năm", 1005), ("mười lăm", 15), ("hai mươi tư", 24), ("hai mươi bốn", 24),
    ("ba mươi lăm", 35), ("chín mươi chín", 99), ("một trăm mười", 110), ("hai ngàn", 2000),
    ("một triệu", 1_000_000), ("hai tỷ ba trăm triệu", 2_300_000_000), ("không", 0),
    ("một trăm nghìn", 100_000), ("mười", 10), ("bảy", 7), ("một tỉ", 1_000_000_000),
    ("Hai Mươi", 20), ("ba chục", 30),
])
def test_parse_words(s, n):
    assert parse_words(s) == n


@pytest.mark.parametrize("s", ["một số", "hai mươi năm", "mười năm", "trăm", "mươi", "không một",
                               "hai ba", "năm năm", "", "tư", "linh năm", "một nghìn năm"])
def test_parse_words_rejects(s):
    assert parse_words(s) is None


@pytest.mark.parametrize("n, s", [
    (0, "không"), (5, "năm"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
    (105, "một trăm linh năm"), (110, "một trăm mười"), (1005, "một nghìn không trăm linh năm"),
    (2022, "hai nghìn không trăm hai mươi hai"), (1_000_005, "một triệu không trăm linh năm"),
    (1_000_000_000, "một tỷ"),
])
def test_to_words(n, s):
    assert to_words(n) == s


def test_words_in_sentences():
    s = "Tặng Bằng khen cho hai mươi mốt tập thể và ba cá nhân; một số cá nhân khác; một cách đầy đủ"
    found = nums(s, words=True)
    assert [(n.raw, n.value, n.kind) for n in found] == [("hai mươi mốt", 21, "words"), ("ba", 3, "words")]
    assert nums(s) == []                    # words only on request


def test_words_are_conservative():
    s = ("Hàng năm Huyện đã triển khai; Hà Quảng là một huyện vùng cao; tháng Hai năm 2020; "
         "xếp thứ ba; đồng chí Nguyễn Văn Ba; hai mươi năm qua; năm học 2022-2023; người/năm triệu đồng")
    got = [(n.raw, n.value) for n in nums(s, words=True)]
    assert got == [("2020", 2020), ("hai mươi", 20), ("2022-2023", 2023)]


def test_năm_is_five_only_before_a_noun_no_year_stands_before():
    s = ("tặng Giấy khen cho hai tập thể và năm cá nhân; năm đơn vị dẫn đầu; năm học mới; "
         "năm người; năm xã; cả năm tập thể nhà trường")
    got = [(n.raw, n.value) for n in nums(s, words=True)]
    assert got == [("hai", 2), ("năm", 5), ("năm", 5)]


def test_space_grouped_fractions():
    got = [(n.raw, n.value, n.of_total) for n in nums("có 8 431/9 006 hộ đạt; 12 050/12 984 hộ; 15/19 100 hộ")]
    assert got == [("8 431/9 006", 8431, 9006), ("12 050/12 984", 12050, 12984), ("15/19", 15, 19),
                   ("100", 100, None)]


def test_words_with_bound_and_scale():
    n = one("trị giá hơn hai tỷ đồng", "hơn hai tỷ", words=True)
    assert (n.value, n.bound, n.base, n.scale) == (2e9, ">", 2, 1e9)
    n = one("có một trăm linh năm người", "một trăm linh năm", words=True)
    assert n.value == 105


# -- formatting --------------------------------------------------------------------------------

@pytest.mark.parametrize("value, decimals, s", [
    (1015, None, "1.015"), (4235.04, None, "4.235,04"), (138789000000, None, "138.789.000.000"),
    (0.3, None, "0,3"), (33.59, 2, "33,59"), (5, 2, "5,00"), (-1234.5, None, "-1.234,5"), (0, None, "0"),
    (1e16, None, "10.000.000.000.000.000"),
])
def test_format_vn(value, decimals, s):
    assert format_vn(value, decimals) == s


def test_format_vn_other_separators():
    assert format_vn(1234567.5, 1, thousands=" ", decimal=",") == "1 234 567,5"


# -- whole documents -----------------------------------------------------------------------------

def test_spans_and_match_form_agree_on_a_table():
    text = ("TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả | % so với mục tiêu\n"
            "4 | Tổng sản lượng lương thực có hạt | tấn | 17.68 | 17.889 | 102\n"
            "5 | Diện tích thuốc lá | ha | 650-700 | 581,4 | 83\n"
            "| Sản lượng | tấn | 1 500 | 1.466 | 98\n"
            "| Số hộ được xem truyền hình | % | > 95 | 97 | 102")
    a = nums(text)
    b = nums(text.lower())
    assert [(n.start, n.end, n.value) for n in a] == [(n.start, n.end, n.value) for n in b]
    assert [n.raw for n in a] == ["4", "17.68", "17.889", "102", "5", "650-700", "581,4", "83", "1 500",
                                  "1.466", "98", "> 95", "97", "102"]


@pytest.mark.parametrize("text, expected", [
    ("bản đồ tỷ lệ 1:50.000", []),
    ("ĐT: 0206.3851.234", []),
    ("tập huấn 20/năm", [("20", 20)]),
    ("bình quân 11/xã", [("11", 11)]),
    ("Quy định 2160/BTĐKT", []),
    ("cách mạng 4.0", [("4.0", 4.0)]),
])
def test_more_edges(text, expected):
    assert [(n.raw, n.value) for n in nums(text)] == expected


@pytest.mark.parametrize("tok, value", [("1,234,567", 1234567), ("1,234.5", 1234.5), ("3.14159", 3.14159),
                                        ("0.68", 0.68)])
def test_english_forms_are_flagged_without_alternatives(tok, value):
    n = one(f"đạt {tok} tấn", tok)
    assert n.value == value and n.ambiguous and n.alternatives == ()
    assert choose(n, neighbours=[1]) == (n.value, 1.0, None)


def test_match_form_sentence_like_callers_pass():
    # rules.analysis passes the lower-cased match form of each sentence
    s = ("Trên 70%(738) | 70.0 | 100").lower()
    assert [(n.raw, n.value, n.bound) for n in nums(s)] == [("trên 70%", 70, ">"), ("738", 738, None),
                                                             ("70.0", 70, None), ("100", 100, None)]
