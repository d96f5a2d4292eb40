"""The frame of a text (rules/frames.py): the period a figure inherits from the
headline, first paragraph and dateline of a headerless text, and where each
fact's period came from (facts.period_source).  Passages are our own wording,
in the shapes of portal news."""
from __future__ import annotations

import pytest

from pipeline.model import DocMeta
from rules.frames import dateline_year, document_frame
from rules.metadata import read_metadata
from tests.rules_support import doc_from_text, extract_text, pick


def _frame(text):
    doc = doc_from_text(text)
    return document_frame(doc, read_metadata(doc))


def test_headline_period_frames_a_headerless_text():
    text = ("Huyện Mèo Vạc công bố kết quả giảm nghèo năm 2021\n\n"
            "10:15 | 05/01/2022\n\n"
            "Theo kết quả rà soát, toàn huyện còn 4.120 hộ nghèo, chiếm tỷ lệ 21,3%.")
    fr = _frame(text)
    assert (fr.period, fr.period.source, fr.dateline_year) == ("2021", "title", 2022)
    ex = extract_text(text)
    f = pick(ex.facts, metric="poverty.poor_households")[0]
    assert (f.value, f.period, f.period_source) == (4120, "2021", "title")


def test_first_paragraph_frames_when_the_headline_names_no_period():
    text = ("Thêm ba xã về đích nông thôn mới\n\n"
            "Trong 6 tháng đầu năm 2023, tỉnh có thêm 3 xã đạt chuẩn nông thôn mới.\n\n"
            "Hiện toàn tỉnh có 96/120 xã đạt chuẩn nông thôn mới.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2023-H1", "lede")
    f = pick(extract_text(text).facts, metric="ntm.communes_standard", value=96)[0]
    assert (f.of_total, f.period, f.period_source) == (120, "2023-H1", "lede")


def test_dateline_is_the_last_resort():
    text = ("Công an huyện được khen thưởng\n\n"
            "Cập nhật: 14/03/2019 | 08:30\n\n"
            "Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể và 07 cá nhân thuộc Công an huyện.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2019", "dateline")
    got = pick(extract_text(text).facts, metric="award.count", recipient="ca_nhan")
    assert [(f.value, f.period, f.period_source) for f in got] == [(7, "2019", "dateline")]


@pytest.mark.parametrize("line,year", [
    ("16:36 | 14/10/2020", 2020), ("17:4, Thứ Tư, 28-12-2022", 2022), ("Create: T5, 01/09/2020 - 09:39", 2020),
    ("Cập nhật ngày: 25/09/2020 | 09:24 GMT+7", 2020), ("04/09/2025", 2025), ("12/2023", 2023),
    ("Năm 2019, toàn tỉnh có 11.925 hộ nghèo", None), ("Quyết định số 12/2023/QĐ-UBND", None),
])
def test_dateline_lines(line, year):
    doc = doc_from_text(line)
    assert dateline_year(doc, doc.blocks[0]) == year


def test_every_fact_says_where_its_period_came_from():
    text = ("UBND XÃ AN LẠC\n\nSố: 05/BC-UBND\n\nAn Lạc, ngày 20 tháng 12 năm 2022\n\nBÁO CÁO\n\n"
            "Kết quả công tác khen thưởng năm 2022\n\n"
            "I. KẾT QUẢ NĂM 2021\n\n"
            "Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể.\n\n"
            "II. KẾT QUẢ NĂM 2022\n\n"
            "Năm 2022, Chủ tịch UBND xã tặng Giấy khen cho 15 tập thể; 40 hộ nghèo năm 2020 đã thoát nghèo.")
    doc = doc_from_text(text)
    ex = extract_text(text, **vars(read_metadata(doc)))
    got = {(f.metric, f.value): (f.period, f.period_source) for f in ex.facts}
    assert got[("award.count", 12)] == ("2021", "heading")
    assert got[("award.count", 15)] == ("2022", "clause")
    assert all(f.period_source for f in ex.facts if f.period)


# --- local time: brackets after a figure, snapshots, dated events ------------------------------
def _periods(text, metric, **meta):
    meta.setdefault("period", "2023")
    return [(f.value, f.period, f.period_source) for f in extract_text(text, **meta).facts if f.metric == metric]


def test_a_year_in_brackets_belongs_to_the_figure_before_it_only():
    text = "Tỷ lệ hộ nghèo giảm từ 6,12% (cuối năm 2022) xuống còn 4,87%, giảm 1,25%."
    assert _periods(text, "poverty.poor_rate") == [(6.12, "2022", "attached"), (4.87, "2023", "document")]
    assert _periods(text, "poverty.poor_rate_reduction") == [(1.25, "2023", "document")]
    # for a stock, "đầu năm" is the level the previous year left
    assert _periods("Tỷ lệ hộ nghèo giảm từ 9,8% (đầu năm 2023) xuống còn 7,6%.", "poverty.poor_rate") == \
        [(9.8, "2022", "start_of_year"), (7.6, "2023", "document")]


@pytest.mark.parametrize("opening,doc_period,want", [
    ("Tính đến ngày 30/6/2021", None, "2021-H1"),
    ("Tính đến trung tuần tháng 12/2016", None, "2016"),
    ("Đến tháng 9/2024", None, "2024"),
    ("Tính đến ngày 30/9/2024", "2024-Q3", "2024-Q3"),      # the end of the report's own period
    ("Đến ngày 30/6/2020", "2016-2020", "2020-H1"),         # a point of a five-year report
])
def test_snapshot_dates(opening, doc_period, want):
    got = _periods(f"{opening}, toàn huyện có 14/18 xã đạt chuẩn nông thôn mới.", "ntm.communes_standard",
                   period=doc_period)
    assert got == [(14, want, "snapshot")]


def test_a_dated_event_dates_a_headerless_text_and_a_history():
    text = "Ngày 20/4/2016, Chủ tịch nước ký quyết định tặng Huân chương Lao động hạng Ba cho 02 tập thể."
    assert _periods(text, "award.count", period=None) == [(2, "2016", "event_date")]
    # in a report on 2023, an event years before is history; one in the report's year is the report's
    assert _periods(text, "award.count") == [(2, "2016", "event_date")]
    text2 = "Ngày 05/01/2023, Chủ tịch UBND huyện tặng Giấy khen cho 40 tập thể."
    assert _periods(text2, "award.count", period="2022") == [(40, "2022", "document")]
    # what the event rewards comes first: "tổng kết năm 2023" at a meeting of January 2024
    text3 = "Sáng 12/01/2024, huyện tổ chức hội nghị tổng kết năm 2023, tặng Giấy khen cho 25 tập thể."
    assert _periods(text3, "award.count", period=None) == [(25, "2023", "rewarded")]


def test_now_in_a_text_on_a_span_is_its_end():
    text = "Đến nay, 6/27 thôn đã đạt chuẩn nông thôn mới kiểu mẫu theo bộ tiêu chí giai đoạn 2021 - 2025."
    assert _periods(text, "ntm.villages_model", period="2020-2025") == [(6, "2025", "present")]


def test_a_yearly_average_spans_the_text():
    text = "Thu nhập bình quân năm 2025 đạt 70 triệu đồng; tỷ lệ hộ nghèo giảm bình quân 1,6%/năm."
    assert _periods(text, "poverty.poor_rate_reduction", period="2020-2025") == [(1.6, "2020-2025", "inherited")]


def test_an_early_year_dateline_reports_the_year_just_ended():
    text = "Thôn văn hóa ở Lâm Hà\n\n08:02, 02/02/2018\n\nToàn huyện có 49/56 thôn đạt chuẩn thôn văn hóa."
    assert (_frame(text).period, _frame(text).period.source) == ("2017", "dateline")


def test_an_ordinal_before_a_year_is_not_a_figure():
    text = ("Thêm xã về đích\n\nHội đồng thẩm định tỉnh bỏ phiếu công nhận xã đạt chuẩn nông thôn mới đợt 1, năm 2022.\n\n"
            "Kết quả, 100% thành viên đồng ý công nhận 4 xã đạt chuẩn nông thôn mới.")
    assert _frame(text).period == "2022"


# --- status: said after the count, before a list's colon, at the head of the first clause ---------
def _statuses(text, **meta):
    meta.setdefault("period", "2023")
    return [(f.value, f.status) for f in extract_text(text, **meta).facts if f.metric == "award.count"]


def test_a_proposal_said_after_the_count():
    assert _statuses("15 tập thể được đề nghị tặng Cờ thi đua của Chính phủ.") == [(15, "proposed")]


def test_a_proposal_before_the_colon_covers_the_list():
    text = ("Sở Nội vụ tổng hợp danh sách đề nghị khen thưởng tổng kết năm 2023 gồm có: Huân chương Lao động "
            "cho 9 cá nhân; Bằng khen của Thủ tướng Chính phủ cho 31 cá nhân.")
    assert _statuses(text) == [(9, "proposed"), (31, "proposed")]


def test_a_cue_heading_the_first_clause_covers_the_next_unless_granted():
    text = ("Hội đồng dự kiến đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua cho 02 tập thể; công nhận danh hiệu "
            "Tập thể lao động xuất sắc cho 07 tập thể; đã tặng Giấy khen cho 40 cá nhân.")
    assert _statuses(text) == [(2, "proposed"), (7, "proposed"), (40, None)]
    # a cue far from the first clause's own figure says nothing of the next ones
    text2 = ("Bảo đảm tỷ lệ giảm nghèo đạt chỉ tiêu kế hoạch giao: phê duyệt kết quả rà soát năm 2022: tổng số "
             "hộ nghèo 1.858 hộ; hộ cận nghèo 996 hộ.")
    assert [(f.value, f.status) for f in extract_text(text2, period="2022").facts
            if f.metric.startswith("poverty.")] == [(1858, None), (996, None)]


def test_a_table_takes_its_period_from_its_caption_not_from_a_paragraph_before():
    text = ("Năm 2023, tỉnh đã tặng Bằng khen cho các tập thể có thành tích giai đoạn 2018 - 2022.\n\n"
            "Biểu 02. Tổng hợp kết quả khen thưởng\n\n"
            "TT | Hình thức khen thưởng | Tập thể | Cá nhân\n1 | Giấy khen của Chủ tịch UBND huyện | 74 | 151\n")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text, period="2023").facts
           if f.table_index is not None]
    assert got == [(74, "2023", "document"), (151, "2023", "document")]
    text2 = ("Biểu 01. Một số kết quả chủ yếu (tính đến ngày 30/6/2022)\n\n"
             "TT | Hình thức khen thưởng | Tập thể | Cá nhân\n1 | Giấy khen của Chủ tịch UBND huyện | 12 | 30\n")
    got2 = {(f.period, f.period_source) for f in extract_text(text2, period="2022").facts if f.table_index is not None}
    assert got2 == {("2022-H1", "lead_in")}


def test_a_snapshot_in_brackets_after_a_figure():
    text = "Tỷ lệ hộ nghèo giảm từ 8,82% (cuối năm 2015) xuống còn 1,95% (tính đến ngày 30/6/2020)."
    assert _periods(text, "poverty.poor_rate", period="2016-2020") == [(8.82, "2015", "attached"),
                                                                      (1.95, "2020-H1", "snapshot")]


def test_a_year_before_from_dates_the_start_of_a_change_only():
    text = ("Tỷ lệ nghèo đa chiều năm 2022 từ 30,10% đã giảm xuống còn 27,40% năm 2023; tỷ lệ hộ nghèo năm 2022 "
            "từ 20,50% đã giảm xuống còn 18,20%.")
    assert _periods(text, "poverty.poor_rate") == [(20.5, "2022", "attached"), (18.2, "2023", "document")]


def test_a_headline_setting_a_target_gives_way_to_the_lede_even_past_a_scene_setting_paragraph():
    text = ("Tỉnh Lào Cai phấn đấu giảm trên 4.500 hộ nghèo trong năm 2025\n\n"
            "Lào Cai là tỉnh vùng cao biên giới, đồng bào dân tộc thiểu số chiếm hơn 60% dân số toàn tỉnh.\n\n"
            "Theo Sở Lao động, đến hết năm 2024, toàn tỉnh còn 12.310 hộ nghèo.\n\n"
            "Trong đó, tỷ lệ hộ nghèo chiếm 6,85%.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2024", "lede")
    f = pick(extract_text(text).facts, metric="poverty.poor_rate")[0]
    assert (f.value, f.period) == (6.85, "2024")


@pytest.mark.parametrize("said, want", [("quý II-2019", "2019-Q2"), ("quý III/2024", "2024-Q3"),
                                        ("quý 4 năm 2023", "2023-Q4")])
def test_quarters_written_with_a_dash_or_slash(said, want):
    text = f"Đến hết {said}, thành phố có 4 huyện đạt chuẩn nông thôn mới.\n"
    f = pick(extract_text(text).facts, metric="ntm.districts_standard")[0]
    assert (f.value, f.period) == (4, want)


def test_a_first_paragraph_telling_a_history_gives_way_to_the_dateline():
    text = ("Người dân góp sức xây dựng nông thôn mới\n\n"
            "05/12/2019 08:15\n\n"
            "Xã Long Phú vừa được công nhận đạt chuẩn nông thôn mới, là xã thứ 6/9 của huyện đạt chuẩn.\n\n"
            "Khi mới bắt đầu xây dựng nông thôn mới năm 2011, xã chỉ đạt 4/19 tiêu chí; nay tỷ lệ hộ nghèo của xã "
            "chỉ còn 2,1%.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2019", "dateline")
    f = pick(extract_text(text).facts, metric="poverty.poor_rate")[0]
    assert (f.value, f.period) == (2.1, "2019")


def test_a_text_dating_nothing_else_takes_a_period_later_in_the_figures_sentence():
    text = ("Phòng Giáo dục huyện tuyên dương giáo viên, học sinh\n\n"
            "Sáng 28/5, Phòng Giáo dục và Đào tạo huyện tổ chức lễ tổng kết, tuyên dương khen thưởng.\n\n"
            "Phát biểu tại buổi lễ, lãnh đạo huyện ghi nhận những nỗ lực của ngành giáo dục.\n\n"
            "Dịp này, 2 cá nhân được nhận Bằng khen của Bộ GD-ĐT; 5 tập thể nhận Giấy khen của Chủ tịch UBND "
            "huyện; đồng thời tuyên dương 9 học sinh tiêu biểu năm học 2023 - 2024.\n")
    got = sorted((f.value, f.period, f.period_source) for f in extract_text(text).facts if f.metric == "award.count")
    # the school year is also the one span the text names, so it frames the text ('text')
    assert got[:2] == [(2, "2023-2024", "text"), (5, "2023-2024", "text")]
    # with another period named elsewhere, the school year is the one later in the figure's sentence ('after')
    other = text + "\nCác năm 2021 và 2022, ngành cũng đạt nhiều thành tích trong phong trào thi đua.\n"
    got = sorted((f.value, f.period, f.period_source) for f in extract_text(other).facts if f.metric == "award.count")
    assert got[:2] == [(2, "2023-2024", "after"), (5, "2023-2024", "after")]
    # a text with a period of its own keeps it
    got = [f.period for f in extract_text(text, period="2024").facts if f.value == 2]
    assert got == ["2024"]


def test_a_range_right_before_the_figure_and_a_baseline_start_of_year():
    text = ("Đến ngày 30/6/2024, toàn huyện có 18/18 xã đạt chuẩn nông thôn mới, trong đó giai đoạn 2021 - 2025 "
            "có thêm 6 xã.\n\n"
            "Theo kết quả rà soát cuối năm 2023, toàn xã còn 31 hộ nghèo, chiếm tỷ lệ 1,20% (giảm 0,50% so với đầu năm); "
            "hộ cận nghèo còn 57 hộ, chiếm tỷ lệ 2,21%.\n")
    got = {(f.metric, f.value): f.period for f in extract_text(text, period="2024").facts}
    assert got[("ntm.communes_standard", 18)] == "2024-H1" and got[("ntm.communes_standard", 6)] == "2021-2025"
    assert got[("poverty.near_poor_households", 57)] == "2023" and got[("poverty.near_poor_rate", 2.21)] == "2023"


def test_document_numbers_in_a_list_are_no_years_and_a_bracketed_span_after_a_year():
    text = ("Bến Lức có thêm 3 xã đạt chuẩn nông thôn mới\n\n"
            "Ngày đăng bài: 05/10/2019\n\n"
            "Chủ tịch UBND tỉnh vừa ban hành các Quyết định số 2031, 2032 và 2033/QĐ-UBND về việc công nhận xã đạt chuẩn "
            "nông thôn mới.\n\n"
            "UBND tỉnh công nhận 2 xã nông thôn mới nâng cao và 1 xã nông thôn mới kiểu mẫu năm 2019 (giai đoạn 2016 - 2020).\n")
    assert _frame(text).period == "2019"
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text).facts)
    assert got == [("ntm.communes_advanced", 2, "2019"), ("ntm.communes_model", 1, "2019"), ("ntm.communes_standard", 3, "2019")]


def test_a_set_of_criteria_named_with_its_span_is_no_period():
    text = ("Hòa Bình chung sức xây dựng nông thôn mới kiểu mẫu\n\n"
            "UBND tỉnh đã ban hành Bộ tiêu chí xã nông thôn mới nâng cao trên địa bàn tỉnh giai đoạn 2021-2025, với 20 tiêu chí.\n\n"
            "Năm 2022, toàn tỉnh có thêm 9 xã đạt chuẩn nông thôn mới, nâng tổng số xã đạt chuẩn lên 101 xã.\n")
    assert _frame(text).period == "2022"
    f = pick(extract_text("Huyện đạt 9/9 tiêu chí huyện nông thôn mới theo Bộ tiêu chí huyện nông thôn mới giai đoạn "
                          "2021 - 2025.\n", period="2023").facts, metric="ntm.criteria_met")[0]
    assert f.period == "2023"


@pytest.mark.parametrize("opening,expected", [
    # a congress named by the term it opens reviews the term before
    ("Ngày 25-9, UBND tỉnh Hậu Giang tổ chức Đại hội thi đua yêu nước lần thứ I (2025-2030).", "2020-2025"),
    ("Sáng 12-6, Đảng bộ xã Tân Phú tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2020-2025.", "2015-2020"),
    # dated at the end of the term it names: that term is the one reviewed
    ("Sáng ngày 28/7/2020, UBND huyện Phú Tân tổ chức Đại hội thi đua yêu nước lần thứ V (giai đoạn 2015 - 2020).",
     "2015-2020"),
    # an armed forces' emulation congress is held when the period it names ends; a civil one opens it
    ("Ngày 16-5, UBND huyện Đông Hải tổ chức Đại hội Thi đua Quyết thắng lực lượng vũ trang huyện giai đoạn "
     "2019 - 2024.", "2019-2024"),
    ("Sáng 20-11, Bộ CHQS tỉnh tổ chức Đại hội thi đua Quyết thắng LLVT tỉnh lần thứ V (2013 - 2018).", "2013-2018"),
    ("Sáng 28-9, tỉnh Lai Châu tổ chức Đại hội Thi đua yêu nước lần thứ IV (giai đoạn 2020-2025).", "2015-2020"),
    # no congress: a range is what it says
    ("Sáng 20-9, UBND tỉnh tổ chức hội nghị tổng kết phong trào thi đua giai đoạn 2020-2025.", "2020-2025"),
    # a conference of exemplary models numbered and named by its term in brackets is such a congress
    ("Sáng 12/8, Sở Y tế tổ chức hội nghị điển hình tiên tiến lần thứ I (2025 - 2030).", "2020-2025"),
])
def test_a_congress_named_by_its_term_reviews_the_term_before(opening, expected):
    text = ("Tôn vinh các điển hình tiên tiến\n\n" + opening + "\n\n"
            "Trong 5 năm qua, toàn tỉnh có 312 tập thể được tặng Cờ thi đua của UBND tỉnh.")
    ex = extract_text(text)
    f = pick(ex.facts, metric="award.count")[0]
    assert (f.value, f.period) == (312, expected)


def test_a_headerless_text_is_about_the_place_its_headline_names():
    from rules import read

    def _read(text):
        return read(doc_from_text(text))
    # own wording: a district named in the headline gives the text its place and its province
    ex = _read("Huyện Krông Pắc có thêm 3 xã đạt chuẩn nông thôn mới\n\n"
                      "Sáng 14/12/2023, UBND huyện tổ chức lễ công bố. Đến nay toàn huyện có 12/15 xã đạt chuẩn "
                      "nông thôn mới; tỷ lệ hộ nghèo còn 4,1%.")
    assert (ex.meta.doc_type, ex.meta.province, ex.meta.district) == ("other", "Đắk Lắk", "Krông Pắc")
    got = sorted((f.metric, f.value, f.subject, f.subject_level) for f in ex.facts)
    assert ("ntm.communes_standard", 12, "Krông Pắc", "district") in got
    assert ("poverty.poor_rate", 4.1, "Krông Pắc", "district") in got
    # a commune written with its district: the district as written picks the province
    ex = _read("Lễ đón nhận Bằng công nhận xã Văn An, huyện Văn Quan đạt chuẩn nông thôn mới\n\n"
                      "Xã đã đạt 19/19 tiêu chí nông thôn mới.")
    assert (ex.meta.province, ex.meta.district) == ("Lạng Sơn", "Văn Quan")
    assert [(f.subject, f.subject_level) for f in ex.facts if f.metric == "ntm.criteria_met"] == [("Văn An", "commune")]
    # a report with a header keeps NULL for its own unit
    ex = _read("UBND HUYỆN KRÔNG PẮC\n\nSố: 12/BC-UBND\n\nKrông Pắc, ngày 10 tháng 12 năm 2023\n\n"
                      "BÁO CÁO\n\nKết quả giảm nghèo năm 2023\n\nTỷ lệ hộ nghèo toàn huyện còn 4,1%.")
    assert [f.subject for f in ex.facts if f.metric == "poverty.poor_rate"] == [None]


def test_the_whole_country_and_a_province_named_in_a_news_page():
    from rules import read
    ex = read(doc_from_text("Kết quả rà soát hộ nghèo năm 2024\n\n"
                            "Tỷ lệ hộ nghèo chung cả nước là 1,93%; tổng số hộ nghèo là 530.000 hộ. "
                            "Theo kết quả, tỉnh Lai Châu có tỷ lệ hộ nghèo cao nhất cả nước với 22,4%.\n"))
    got = sorted((f.value, f.subject, f.subject_level) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [(1.93, "Việt Nam", "country"), (22.4, "Lai Châu", "province"), (530000, "Việt Nam", "country")]


def test_a_state_a_sentence_starts_from_and_a_text_naming_only_plans():
    # own wording: "Từ chỗ ... vào năm X, đến cuối năm Y, ..." dates the first state X
    ex = extract_text("Từ chỗ toàn huyện có 3.120 hộ nghèo, chiếm 21,5% vào năm 2016, đến cuối năm 2020 "
                      "chỉ còn 980 hộ nghèo, chiếm 6,2%.", period="2016-2020")
    got = sorted((f.value, f.period, f.period_source) for f in ex.facts if f.metric.startswith("poverty.poor"))
    assert got == [(6.2, "2020", "clause"), (21.5, "2016", "attached"), (980, "2020", "clause"),
                   (3120, "2016", "contrast")]


def test_a_text_announcing_plans_sets_targets_unless_a_sentence_reports_what_was_reached():
    text = ("Lâm Đồng đặt mục tiêu có thêm 12 xã nông thôn mới trong năm 2019\n\n"
            "Lâm Đồng đặt mục tiêu trong năm 2019 toàn tỉnh có thêm 12 xã đạt chuẩn nông thôn mới.\n\n"
            "Trong đó, mục tiêu cho từng huyện như: Huyện Đạ Huoai có 2 xã đạt chuẩn nông thôn mới. "
            "Hiện nay toàn tỉnh đã có 88 xã đạt chuẩn nông thôn mới.")
    got = sorted((f.value, f.status) for f in extract_text(text).facts if f.metric == "ntm.communes_standard")
    assert got == [(2, "target"), (12, "target"), (88, None)]
    # a national programme named in passing is no plan, and it completes no period
    text = ("Ninh Thuận hoàn thành nhiệm vụ xây dựng nông thôn mới năm 2024\n\n"
            "Hội đồng thẩm định đánh giá kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
            "của tỉnh. Toàn tỉnh có 4/7 huyện đạt chuẩn nông thôn mới.")
    got = [(f.value, f.status, f.period) for f in extract_text(text).facts if f.metric == "ntm.districts_standard"]
    assert got == [(4, None, "2024")]


def test_present_of_a_sentence_covers_its_list_and_a_plans_span_dates_nothing_after_it():
    # own wording: "hiện" opening the sentence dates every clause of its list, past the plan it beat
    text = ("An Giang hiện có 98 xã đạt chuẩn nông thôn mới, vượt chỉ tiêu giai đoạn 2016 - 2020 (chỉ tiêu là 80 xã); "
            "31 xã đạt từ 15 - 18 tiêu chí; 6 xã đạt 14 tiêu chí.")
    got = sorted((f.value, f.period) for f in extract_text(text, period="2016-2020").facts if f.metric.startswith("ntm."))
    assert got == [(6, "2020"), (31, "2020"), (98, "2020")]


def test_a_year_the_clause_names_before_its_present_cue_dates_the_figure_not_a_since_year():
    text = ("Kết quả điều tra hộ nghèo cuối năm 2023 cho thấy huyện hiện còn 812 hộ nghèo. Từ năm 2016 đến nay, "
            "huyện hiện có 9 xã đạt chuẩn nông thôn mới.")
    got = sorted((f.value, f.period) for f in extract_text(text, period="2024").facts)
    assert got == [(9, "2024"), (812, "2023")]


def test_a_january_ceremony_gives_its_awards_in_its_own_year():
    text = ("Trao tặng danh hiệu cho 64 mẹ Việt Nam anh hùng\n\n"
            "(Báo tỉnh) - Sáng 20/1, UBND tỉnh tổ chức Lễ trao tặng và truy tặng danh hiệu vinh dự Nhà nước "
            "\"Bà mẹ Việt Nam anh hùng\".\n\n20/01/2016 10:12\n\n"
            "Tại buổi lễ, tỉnh đã trao danh hiệu \"Bà mẹ Việt Nam anh hùng\" cho 12 mẹ.")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text).facts if f.value == 12]
    assert got == [(12, "2016", "dateline")]
    review = text.replace("Lễ trao tặng và truy tặng danh hiệu vinh dự Nhà nước \"Bà mẹ Việt Nam anh hùng\"",
                          "hội nghị tổng kết công tác thi đua")
    got = [(f.value, f.period) for f in extract_text(review).facts if f.value == 12]
    assert got == [(12, "2015")]
    bare = text.replace("Lễ trao tặng và truy tặng", "buổi lễ tặng và truy tặng")
    assert [(f.value, f.period) for f in extract_text(bare).facts if f.value == 12] == [(12, "2016")]


def test_a_photo_caption_under_the_headline_names_no_place_of_the_text():
    from rules import read
    ex = read(doc_from_text("Kế hoạch xây dựng nông thôn mới năm 2020\n\n"
                            "Lãnh đạo tỉnh trao Bằng công nhận xã đạt chuẩn nông thôn mới cho xã Văn An, huyện Văn Quan\n\n"
                            "Theo Kế hoạch, trong năm 2020 toàn tỉnh phấn đấu có thêm 12 xã đạt chuẩn nông thôn mới."))
    assert (ex.meta.district, [f.subject for f in ex.facts if f.metric == "ntm.communes_standard"]) == (None, [None])


def test_a_text_dated_nowhere_else_takes_the_one_year_it_names():
    text = ("Lạng Sơn: Thêm 12 thôn đạt chuẩn nông thôn mới kiểu mẫu\n\n"
            "Huyện Cao Lộc công bố thêm 5 thôn đạt chuẩn nông thôn mới kiểu mẫu.\n\n"
            "Các thôn được công nhận đều có đường bê tông, nhà văn hóa và vườn mẫu.\n\n"
            "Tính đến tháng 11/2022, toàn tỉnh có 48 thôn đạt chuẩn nông thôn mới kiểu mẫu.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2022", "text")
    got = sorted((f.value, f.period) for f in extract_text(text).facts)
    assert got == [(5, "2022"), (12, "2022"), (48, "2022")]


def test_places_a_lede_lists_after_its_first_sentence_are_not_the_texts_place():
    from rules import read
    ex = read(doc_from_text("Công nhận 9 xã nông thôn mới năm 2022\n\n"
                            "UBND tỉnh vừa ban hành quyết định công nhận xã đạt chuẩn nông thôn mới năm 2022. Theo đó, "
                            "công nhận 9 xã gồm: Tân Hòa (huyện Lai Vung); Phú Thọ (huyện Tam Nông).\n\n"
                            "Đến nay toàn tỉnh có 120 xã đạt chuẩn nông thôn mới."))
    assert [f.subject for f in ex.facts if f.metric == "ntm.communes_standard" and f.value == 120] == [None]


def test_the_term_a_council_sits_in_is_no_period():
    got = [(f.value, f.period) for f in extract_text(
        "Sáng 12/7/2022, tại kỳ họp thứ 7, HĐND tỉnh khóa XVIII, nhiệm kỳ 2021-2026, Chủ tịch UBND tỉnh trao Bằng "
        "khen cho 5 tập thể.").facts]
    assert got == [(5, "2022")]


def test_a_provincial_papers_code_gives_a_text_that_names_no_place_its_province():
    from rules import read
    ex = read(doc_from_text("Năm 2019 toàn tỉnh có 6.256 hộ thoát nghèo\n\n"
                            "(QNO) - UBND tỉnh vừa có quyết định phê duyệt kết quả rà soát hộ nghèo năm 2019.\n\n"
                            "Năm 2019 toàn tỉnh có 25.650 hộ nghèo."))
    assert ex.meta.province == "Quảng Nam"
    assert {f.subject for f in ex.facts if f.metric.startswith("poverty.")} == {"Quảng Nam"}


def test_the_year_a_sentence_before_plans_for_dates_no_figure_after_it_unless_a_target():
    text = ("Tại hội nghị, lãnh đạo tỉnh báo cáo kết quả phong trào thi đua năm 2016 và phương hướng triển khai phong "
            "trào thi đua năm 2017. Hội nghị đã trao tặng Cờ thi đua của UBND tỉnh cho 40 đơn vị. Tỉnh phấn đấu có "
            "thêm 10 xã đạt chuẩn nông thôn mới.")
    got = sorted((f.value, f.period) for f in extract_text(text).facts)
    assert got == [(10, "2017"), (40, "2016")]


def test_a_period_inside_a_breakdown_of_a_sentence_before_dates_nothing_after_it():
    text = ("Sáu tháng đầu năm 2022, các đơn vị khen thưởng cho 298 tập thể, trong đó quý I/2022 là 131 tập thể. "
            "Các đơn vị đã đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 21 tập thể.")
    got = sorted((f.value, f.period) for f in extract_text(text).facts if f.value in (21, 298))
    assert got == [(21, "2022-H1"), (298, "2022-H1")]


def test_the_year_after_a_baseline_the_sentence_compares_with():
    text = ("Trong năm, xã tổ chức nhiều hoạt động; kế hoạch năm 2024 đã được thông qua.\n"
            "Toàn huyện có 15 xóm đạt chuẩn xóm nông thôn mới, tăng 05 xóm so với năm 2022.")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text, period="2023").facts if f.value == 15]
    assert got == [(15, "2023", "baseline")]


def test_the_lede_opening_with_the_date_of_its_event_and_households_of_a_standard_period():
    from rules import read
    ex = read(doc_from_text("Toàn tỉnh có 12,3% hộ nghèo theo tiêu chuẩn mới\n\n"
                            "(NTO) Ngày 15-5-2016, Ủy ban nhân dân tỉnh ký Quyết định công nhận hộ nghèo, hộ cận nghèo "
                            "của tỉnh giai đoạn 2016-2020. Theo đó, toàn tỉnh có 18.200 hộ nghèo, chiếm tỷ lệ 12,3%."))
    got = sorted((f.value, f.period, f.period_source, f.subject) for f in ex.facts if f.metric.startswith("poverty."))
    assert got == [(12.3, "2016", "event_date", "Ninh Thuận"), (18200, "2016", "event_date", "Ninh Thuận")]


def test_a_history_a_sentence_before_told_dates_nothing_after_it_unless_the_next_goes_on_with_it():
    moved_on = ("Giai đoạn 1998 - 2003, toàn huyện đã xây dựng 60 căn nhà tình nghĩa. "
                "Năm nay, UBND huyện tặng Giấy khen cho 35 tập thể.")
    got = [(f.value, f.period) for f in extract_text(moved_on, period="2019").facts if f.value == 35]
    assert got == [(35, "2019")]
    going_on = ("Năm 2001, huyện mới tách ra từ huyện cũ. Khi đó, tỷ lệ hộ nghèo của huyện là 27,5%.")
    got = [(f.value, f.period) for f in extract_text(going_on, period="2019").facts if f.value == 27.5]
    assert got == [(27.5, "2001")]


@pytest.mark.parametrize("text,want", [
    ("Đoàn thanh niên huyện: nhiều mô hình hay\n\nKể từ năm 2012 đến nay, các cơ sở Đoàn trong huyện đã triển "
     "khai nhiều phong trào thiết thực, được đoàn viên hưởng ứng.\n\nTổng kết giai đoạn 2012-2017, Huyện đoàn tặng "
     "Giấy khen cho 25 tập thể.", "2012-2017"),
    ("Trường Tiểu học Bình Minh\n\nTừ năm 2016 đến nay, nhà trường luôn đạt danh hiệu Tập thể lao động tiên tiến "
     "và được tặng nhiều phần thưởng cao quý.\n\nNhà trường có 12 cá nhân được tặng Giấy khen.", "2016"),
])
def test_an_opening_since_a_year_spans_to_the_end_the_text_names(text, want):
    fr = _frame(text)
    assert (fr.period, fr.period.source) == (want, "lede")


def test_the_year_a_lede_reviews_over_the_year_of_the_meeting_a_headline_names():
    text = ("Hội đồng Thi đua - Khen thưởng huyện họp phiên thứ nhất năm 2022\n\n"
            "Sáng 12-4-2022, Hội đồng Thi đua - Khen thưởng huyện họp để xét khen thưởng tổng kết công tác chuyên môn "
            "năm 2021 của các cơ quan, đơn vị.\n\nHội đồng thống nhất đề nghị tặng Giấy khen cho 14 tập thể.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2021", "lede")
    # a headline that names what is reviewed keeps it
    fr = _frame("Tổng kết phong trào thi đua năm 2022\n\nNgày 10-1-2023, huyện tổ chức hội nghị tổng kết "
                "công tác thi đua, khen thưởng năm 2022 và triển khai nhiệm vụ năm 2023.")
    assert (fr.period, fr.period.source) == ("2022", "title")


def test_now_in_a_text_on_a_span_is_its_datelines_year_when_that_falls_inside_it():
    text = ("Xã Tân Lập đạt chuẩn nông thôn mới nâng cao\n\n08:15 | 20/11/2019\n\n"
            "Xã Tân Lập là xã đầu tiên của huyện đạt chuẩn nông thôn mới nâng cao giai đoạn 2018 - 2020.\n\n"
            "Hiện nay, tỷ lệ hộ nghèo của xã còn 1,2%.")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text).facts if f.metric == "poverty.poor_rate"]
    assert got == [(1.2, "2019", "present")]
    import pickle
    from rules.context import Period
    p = pickle.loads(pickle.dumps(Period("2018-2020", "lede", "2019")))
    assert (str(p), p.source, p.now) == ("2018-2020", "lede", "2019")


def test_a_text_naming_no_province_is_in_the_one_its_bracketed_districts_lie_in():
    from rules.metadata import headerless_place
    text = ("Thêm 4 xã đạt chuẩn nông thôn mới nâng cao\n\n"
            "Chủ tịch UBND tỉnh vừa ký quyết định công nhận 4 xã đạt chuẩn nông thôn mới nâng cao gồm: Nam Anh "
            "(Nam Đàn), Hòa Sơn (Đô Lương), Diễn Kỷ (Diễn Châu) và Nghi Phong (Nghi Lộc).")
    tp = headerless_place(doc_from_text(text))
    assert (tp.name, tp.level) == ("Nghệ An", "province")
    # one district is not enough
    one = "Thêm 1 xã đạt chuẩn\n\nChủ tịch UBND tỉnh công nhận Nam Anh (Nam Đàn) đạt chuẩn nông thôn mới."
    assert headerless_place(doc_from_text(one)) is None


def test_now_in_a_text_on_an_earlier_year_written_after_its_first_months_is_the_datelines_year():
    text = ("Thêm 3 xã đạt chuẩn nông thôn mới\n\n(09:12 | 15/05/2021)\n\n"
            "Hội đồng thẩm định tỉnh họp xét công nhận 3 xã đạt chuẩn nông thôn mới năm 2020.\n\n"
            "Tính đến nay, huyện Mỏ Cày Bắc đã có 9/12 xã đạt chuẩn nông thôn mới; 2 xã đạt từ 15 - 18 tiêu chí.")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text).facts if f.value in (9, 2)]
    assert got == [(9, "2021", "present"), (2, "2021", "present")]      # opening the sentence, its whole list
    early = text.replace("15/05/2021", "15/02/2021")
    assert [(f.value, f.period) for f in extract_text(early).facts if f.value == 9] == [(9, "2020")]


def test_a_span_closing_the_figures_phrase_outranks_a_year_named_earlier_in_the_paragraph():
    text = ("Năm 2019, thị xã tổ chức hội nghị biểu dương. UBND thị xã đã khen thưởng 30 tập thể, 64 cá nhân điển "
            "hình tiên tiến giai đoạn 2015 - 2019.")
    got = sorted((f.value, f.period, f.period_source) for f in extract_text(text, period="2019").facts)
    assert got == [(30, "2015-2019", "after"), (64, "2015-2019", "after")]
    # an achievement still running when the report was written is not the award's period
    running = ("Trong quý III năm 2024, huyện trình Thủ tướng Chính phủ tặng Bằng khen cho 01 tập thể có thành tích "
               "xuất sắc trong xây dựng nông thôn mới giai đoạn 2021 - 2025.")
    assert [(f.value, f.period) for f in extract_text(running, period="2024-Q3").facts] == [(1, "2024-Q3")]


def test_a_long_span_called_giai_doan_and_a_text_dated_only_by_the_month_it_compares_with():
    text = "Tỉnh tặng Bằng khen cho 8 tập thể có thành tích trong phong trào thi đua giai đoạn 2000 - 2020."
    assert [(f.value, f.period) for f in extract_text(text).facts] == [(8, "2000-2020")]
    fr = _frame("Đắk Nông: đã có 5 xã đạt chuẩn nông thôn mới\n\nToàn tỉnh có 5 xã đạt 19 tiêu chí nông thôn mới, "
                "bình quân đạt 11,2 tiêu chí/xã, tăng 12 tiêu chí so với tháng 6/2016.")
    assert (fr.period, fr.period.source) == ("2016", "baseline")


def test_a_lede_opening_with_its_events_date_is_of_that_year_and_looks_ahead_from_it():
    """'Sáng ngày 14/10/2019, thôn ... tổ chức ngày hội ...; bàn các việc làm trong năm 2020': the lede
    names the event's date, and 2020 is what it plans from there."""
    fr = _frame("Thôn Bản Tát vui ngày hội đại đoàn kết\n\n"
                "Sáng ngày 14/10/2019, thôn Bản Tát tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư, "
                "ôn lại truyền thống của Mặt trận và bàn các việc làm trong năm 2020.\n\n"
                "Đến nay, toàn thôn còn 04 hộ nghèo và 06 hộ cận nghèo.")
    assert fr.period == "2019"
    # a lede naming no year but its event's date
    fr1 = _frame("Thôn Bản Tát vui ngày hội đại đoàn kết\n\n"
                 "Sáng ngày 14/10/2019, thôn Bản Tát tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư, "
                 "ôn lại truyền thống của Mặt trận.\n\nTrong dịp này, thôn bàn các việc làm trong năm 2020.\n\n"
                 "Đến nay, toàn thôn còn 04 hộ nghèo và 06 hộ cận nghèo.")
    assert (fr1.period, fr1.period.source) == ("2019", "event_date")
    # the same lede in a text of January: a meeting then reviews the year before
    fr2 = _frame("Thôn Bản Tát tổng kết\n\nSáng ngày 14/01/2020, thôn Bản Tát tổ chức hội nghị tổng kết công tác "
                 "của thôn, ôn lại truyền thống của Mặt trận và các việc đã làm.\n\nToàn thôn còn 04 hộ nghèo.")
    assert (fr2.period, fr2.period.source) == ("2019", "event_date")


def test_the_name_of_a_poverty_standard_is_no_period():
    text = ("BÁO CÁO\nKết quả giảm nghèo năm 2021\n\nTỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn "
            "2016 - 2020 giảm 2,05% so với cuối năm 2020. Trong năm có 340 hộ thoát nghèo.")
    got = {f.metric: f.period for f in extract_text(text).facts}
    assert got["poverty.poor_rate_reduction"] == "2021" and got["poverty.escaped_households"] == "2021"


def test_a_year_in_a_bracket_glosses_its_sentence_and_does_not_date_the_next():
    text = ("BÁO CÁO\nKết quả giảm nghèo năm 2020\n\nTheo kết quả rà soát hộ nghèo năm 2020, đầu năm 2020 (kết quả "
            "rà soát cuối năm 2019) toàn xã có 312 hộ nghèo. Trong năm có 95 hộ thoát nghèo, 6 hộ nghèo phát sinh.")
    got = {f.metric: f.period for f in extract_text(text).facts}
    assert got["poverty.poor_households"] == "2019"     # a start-of-year stock: the level 2019 left
    assert got["poverty.escaped_households"] == "2020" and got["poverty.new_poor_households"] == "2020"


def test_a_target_takes_the_year_named_after_it_in_its_clause():
    text = ("Cam Lộ: Phấn đấu có 3 xã đạt chuẩn nông thôn mới nâng cao năm 2026\n\n08:10 | 20/03/2025\n\n"
            "Đến nay, huyện Cam Lộ đã có 7 xã đạt chuẩn nông thôn mới.")
    got = {f.value: (f.period, f.status) for f in extract_text(text).facts}
    assert got[3] == ("2026", "target") and got[7] == ("2025", None)


def test_hien_with_a_comma_is_the_time_of_writing():
    text = ("Xã Phong Niên đạt chuẩn nông thôn mới nâng cao năm 2022\n\n09:00 | 15/09/2023\n\n"
            "Năm 2022, xã Phong Niên hoàn thành 19/19 tiêu chí xã nông thôn mới nâng cao. "
            "Hiện, huyện Bảo Thắng đã có 3 xã đạt chuẩn nông thôn mới nâng cao.")
    got = {f.value: f.period for f in extract_text(text).facts if f.metric == "ntm.communes_advanced"}
    assert got[3] == "2023"


# (text, (period, source)): what a whole text is about, from its header, headline, lede, dateline or
# the one year it names
FRAMES = [
    pytest.param(("UBND HUYỆN HÒA AN\n\nSố: 12/BC-UBND\n\nHòa An, ngày 10 tháng 12 năm 2023\n\nBÁO CÁO\n\n"
                  "Kết quả công tác thi đua, khen thưởng năm 2023\n\n"
                  "Toàn huyện có 1.204 hộ nghèo, chiếm 7,8%."),
                 ("2023", "document"), id="a-header-period-is-the-document-frame"),
    pytest.param(("Mường La triển khai nhiệm vụ thi đua năm 2019\n\n"
                  "UBND huyện vừa tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2018, triển khai nhiệm vụ "
                  "năm 2019.\n\nNhân dịp này, UBND huyện tặng Giấy khen cho 35 tập thể."),
                 ("2018", "lede"), id="what-a-meeting-reviews-frames-its-article"),
    pytest.param(("Mường La triển khai công tác thi đua, khen thưởng năm 2019\n\n"
                  "UBND huyện Mường La vừa tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2018, triển khai nhiệm vụ năm 2019.\n\n"
                  "Nhân dịp này, UBND huyện đã tặng Giấy khen cho 120 tập thể, 310 cá nhân.\n"),
                 ("2018", "lede"), id="a-headline-launching-the-work-of-a-year-gives-way-to-the-year-reviewed"),
    pytest.param(("Kỳ họp thứ 8 HĐND xã Tân Hòa\n\n"
                  "Sáng 5/7, HĐND xã tổ chức kỳ họp đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm và nhiệm vụ, giải "
                  "pháp 6 tháng cuối năm 2021.\n\nĐến nay, tỷ lệ hộ nghèo của xã còn 2,4%."),
                 ("2021-H1", "lede"), id="a-half-without-its-year-takes-the-year-of-the-next-half"),
    pytest.param(("Huyện Krông Nô: Xây dựng lộ trình đạt chuẩn huyện nông thôn mới vào năm 2025\n\n"
                  "Cập nhật lúc 07:10, Thứ Hai, 13/06/2022\n\n"
                  "Đến thời điểm này, huyện Krông Nô đã có 5/11 xã đạt chuẩn nông thôn mới."),
                 ("2022", "dateline"), id="a-headline-naming-the-road-to-a-target-year-gives-way-to-the-dateline"),
    pytest.param(("Đầu tiên của tỉnh có xã đạt chuẩn nông thôn mới kiểu mẫu\n\n"
                  "Tỉnh vừa tổ chức lễ công bố các xã đạt chuẩn nông thôn mới kiểu mẫu, ghi nhận nỗ lực nhiều năm qua.\n\n"
                  "Các xã được công nhận đều có hạ tầng giao thông, trường học, trạm y tế đạt chuẩn.\n\n"
                  "UBND tỉnh công nhận 3 xã đạt chuẩn nông thôn mới kiểu mẫu năm 2022. Hiện toàn tỉnh có 40/45 xã đạt chuẩn "
                  "nông thôn mới.\n\nTrong năm 2023, tỉnh phấn đấu có thêm 5 xã. Tỉnh cũng đặt mục tiêu nâng thu nhập bình "
                  "quân đầu người khu vực nông thôn năm 2025 lên 70 triệu đồng."),
                 ("2022", "text"), id="a-text-dated-nowhere-else-takes-the-one-year-it-names-leaving-out-years-of-plans"),
    pytest.param(("Kon Tum: Thêm 5 xã đạt chuẩn nông thôn mới\n\nChủ tịch UBND tỉnh vừa ký quyết định công nhận 5 xã "
                  "đạt chuẩn nông thôn mới.\n\nCác xã này đều đạt 19/19 tiêu chí theo bộ tiêu chí quốc gia.\n\n"
                  "Hạ tầng giao thông, điện, trường học của các xã được đầu tư đồng bộ.\n\n"
                  "Như vậy, toàn tỉnh đã có 28 xã đạt chuẩn, tăng 7 xã so với năm 2017."),
                 ("2018", "baseline"), id="a-text-dated-only-by-the-one-year-it-compares-with-is-of-the-year-after"),
    pytest.param(("Họp mặt kỷ niệm 114 năm Ngày Quốc tế Phụ nữ và 1984 năm cuộc khởi nghĩa Hai Bà Trưng năm 2024\n\n"
                  "Dịp này, Công đoàn Khu công nghiệp trao Bằng khen cho 03 tập thể."),
                 ("2024", "title"), id="a-four-digit-count-of-years-is-no-year"),
    pytest.param(("Công nhận thêm huyện Long Phú đạt chuẩn nông thôn mới\n\nPhó Thủ tướng giao UBND tỉnh công bố và "
                  "khen thưởng theo quy định.\n\nHuyện có 11 xã đạt chuẩn nông thôn mới và 90/90 ấp đạt chuẩn "
                  "ấp nông thôn mới.\n\nTrong đó 3 xã đạt chuẩn nâng cao giai đoạn 2018 - 2020. Đến cuối năm 2023, "
                  "tỷ lệ hộ nghèo của huyện còn 2,9%. Thu nhập bình quân đầu người năm 2023 đạt 60 triệu đồng, tăng 45 triệu đồng so với cuối năm 2010."),
                 ("2023", "latest_date"), id="a-baseline-does-not-date-a-text-that-names-a-later-year-reached"),
]


@pytest.mark.parametrize("text,expected", FRAMES)
def test_the_frame_of_a_text(text, expected):
    fr = _frame(text)
    assert (fr.period, fr.period.source) == expected


@pytest.mark.parametrize("text,period,source,metric,value", [
    # a headline and lede naming only plans: the year after the baseline they compare with
    ("Lai Châu: Phấn đấu năm 2013 giảm tỷ lệ hộ nghèo xuống dưới 30%\n\n"
     "Sau hơn một năm thực hiện, tỷ lệ hộ nghèo của tỉnh đã giảm 5,1% so với năm 2011, đạt 40% mục tiêu "
     "giai đoạn 2011 - 2015.\n\nHiện toàn tỉnh còn 25.300 hộ nghèo, chiếm 33,6%.",
     "2012", "baseline", "poverty.poor_households", 25300),
    # own wording: no year but the plan's, which the text calls "năm nay"
    ("Hà Tĩnh: phấn đấu thêm 9 xã đạt chuẩn\n\n"
     "Hiện toàn tỉnh bình quân đạt 16,2 tiêu chí/xã. Riêng 9 xã đăng ký về đích trong năm nay đã đạt bình quân "
     "17 tiêu chí/xã.\n\nKết quả rà soát cho thấy, toàn tỉnh có 31 xã đạt 19/19 tiêu chí, 40 xã đạt từ 15 - 18 tiêu "
     "chí.\n\nChỉ tiêu phấn đấu trong năm 2019 toàn tỉnh có thêm 9 xã đạt chuẩn nông thôn mới.\n",
     "2019", "text", "ntm.avg_criteria", 16.2),
])
def test_a_text_dated_only_by_its_plans(text, period, source, metric, value):
    fr = _frame(text)
    assert (fr.period, fr.period.source) == (period, source)
    f = pick(extract_text(text).facts, metric=metric)[0]
    assert (f.value, f.period) == (value, period)


def test_a_year_in_a_cited_title_dates_its_own_sentence_only():
    # own wording: the dateline's year dates the text; "năm 2019" is the title of the decision cited
    text = ("Toàn tỉnh không còn xã dưới 5 tiêu chí\n\nThứ Hai, 14/10/2020, 09:12 [GMT+7]\n\n"
            "Theo Quyết định số 812 của UBND tỉnh về việc phê duyệt kết quả rà soát hộ nghèo năm 2019, toàn tỉnh "
            "còn 5 xã chưa đạt tiêu chí hộ nghèo. Ngoài ra, có 4 xã đạt từ 15 - 18 tiêu chí.\n\n"
            "Số xã đã được công nhận đạt chuẩn nông thôn mới là 31 xã, chiếm 33%.\n")
    assert _frame(text).period == "2020"
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text).facts if f.metric.startswith("ntm."))
    assert got == [("ntm.communes_by_criteria", 4, "2020"), ("ntm.communes_standard", 31, "2020")]


def test_a_target_in_the_next_sentence_takes_the_year_of_the_plan_before_it():
    # own wording: "Đồng thời phấn đấu ..." goes on with the plan the sentence before dated
    text = ("Gia Lai đặt mục tiêu nông thôn mới\n\nTính đến nay, toàn tỉnh có 98 xã đạt chuẩn nông thôn mới, tăng 9 xã "
            "so với năm 2021.\n\nTỉnh đặt mục tiêu phấn đấu đến năm 2025 có 5/17 đơn vị cấp huyện đạt chuẩn NTM. "
            "Đồng thời phấn đấu có 130/184 xã đạt chuẩn NTM.\n")
    got = sorted((f.metric, f.value, f.period, f.status) for f in extract_text(text).facts if f.metric.startswith("ntm."))
    assert ("ntm.communes_standard", 130, "2025", "target") in got
    assert ("ntm.districts_standard", 5, "2025", "target") in got


def test_the_criteria_of_a_title_named_with_their_span_are_no_period():
    # own wording: "theo quy định xã nông thôn mới kiểu mẫu giai đoạn 2021 - 2025" names the rules, not the time
    text = ("Xã Phong Điền đạt chuẩn nông thôn mới kiểu mẫu\n\n"
            "Theo đó, xã Phong Điền đạt 8 tiêu chí theo quy định xã nông thôn mới kiểu mẫu giai đoạn 2021 - 2025. "
            "UBND tỉnh cũng công nhận 2 xã đạt chuẩn nông thôn mới nâng cao năm 2023.\n\n"
            "Như vậy, đến nay, toàn tỉnh có 20 xã NTM nâng cao.\n")
    got = [(f.value, f.period) for f in extract_text(text).facts if f.metric == "ntm.communes_advanced"]
    assert got == [(2, "2023"), (20, "2023")]


def test_a_lede_naming_only_the_new_years_plan_in_january_reports_the_year_before():
    # own wording: published 6/1/2024, the lede names the 2024 tasks; the awards handed out are of 2023
    text = ("Trao Cờ thi đua của Chính phủ cho tỉnh Ninh Bình\n\nThứ 7, 06/01/2024 | 09:15\n\n"
            "Ngày 5/1, UBND tỉnh Ninh Bình tổ chức hội nghị triển khai Nghị quyết về nhiệm vụ phát triển kinh tế-xã "
            "hội, quốc phòng-an ninh của tỉnh năm 2024.\n\n"
            "Nhân dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 45 tập thể và 90 cá nhân.\n")
    fr = _frame(text)
    assert (fr.period, fr.plan) == ("2023", False)
    got = sorted((f.recipient, f.value, f.period, f.status) for f in extract_text(text).facts)
    assert got == [("ca_nhan", 90, "2023", None), ("tap_the", 45, "2023", None)]


def test_a_span_of_school_years_after_the_award():
    # own wording: a text on the school year 2021-2022; the award rewards the five school years it names
    text = ("Tổng kết năm học 2021 - 2022 của ngành giáo dục huyện\n\n"
            "Dịp này, 3 tập thể, 7 cá nhân được Thủ tướng Chính phủ tặng Bằng khen vì có thành tích trong công tác "
            "giáo dục từ năm học 2017-2018 đến năm học 2021-2022.\n")
    got = sorted((f.recipient, f.value, f.period) for f in extract_text(text).facts)
    assert got == [("ca_nhan", 7, "2017-2022"), ("tap_the", 3, "2017-2022")]


def test_what_is_handed_out_on_the_occasion_is_of_the_occasions_year():
    # own wording: a ceremony in June 2023 hands over the recognition of the 2022 standard
    text = ("Xã Ninh Phụng đạt chuẩn nông thôn mới\n\n10:15, 15/06/2023\n\n"
            "UBND huyện vừa trao bằng công nhận xã đạt chuẩn nông thôn mới năm 2022 cho xã Ninh Phụng, thị xã Ninh Hòa.\n\n"
            "Qua hơn 10 năm thực hiện, xã đã hoàn thành 19/19 tiêu chí nông thôn mới.\n\n"
            "Dịp này, UBND xã tặng giấy khen cho 5 tập thể và 8 cá nhân.\n")
    got = sorted((f.metric, f.value, f.period) for f in extract_text(text).facts)
    assert ("award.count", 5, "2023") in got and ("award.count", 8, "2023") in got
    assert ("ntm.criteria_met", 19, "2022") in got


def test_an_anniversary_dates_a_text_that_names_no_year():
    # the year closing the anniversary's bracket, or the founding year of the day it names plus its years
    text = ("Tỉnh đoàn trao Kỷ niệm chương cho đoàn viên tiêu biểu\n\n"
            "Nhân dịp kỷ niệm 94 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh, Ban Thường vụ Tỉnh đoàn đã trao "
            "Kỷ niệm chương \"Vì thế hệ trẻ\" cho 27 đồng chí có nhiều đóng góp.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2025", "anniversary")
    f = pick(extract_text(text).facts, metric="award.count", value=27)[0]
    assert (f.award, f.period, f.period_source) == ("ky_niem_chuong", "2025", "anniversary")
    bracket = ("Sáng 17/11, Phòng Giáo dục huyện tổ chức Lễ kỷ niệm 40 năm Ngày Nhà giáo Việt Nam "
               "(20/11/1982 - 20/11/2022). Tại buổi lễ, Chủ tịch UBND huyện tặng Giấy khen cho 18 tập thể.")
    assert (_frame(bracket).period, _frame(bracket).period.source) == ("2022", "anniversary")
    # two anniversaries that disagree date nothing; a bracket whose years are not the anniversary's neither
    assert _frame("Kỷ niệm 90 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh, tỉnh tặng Bằng khen cho 5 tập thể. "
                  "Nhân dịp kỷ niệm 70 năm Chiến thắng Điện Biên Phủ, tỉnh tặng Bằng khen cho 3 cá nhân.").period is None
    assert _frame("Kỷ niệm 20 năm ngày thành lập (3/1990 - 3/2015), trường nhận Bằng khen.").period is None


def test_a_guessed_frame_gives_way_to_a_period_later_in_the_sentence():
    # an anniversary's year is a guess: the school year the sentence itself names dates its awards
    text = ("Huyện tuyên dương nhà giáo tiêu biểu\n\n"
            "Chiều 17/11, Phòng GD-ĐT huyện tổ chức lễ kỷ niệm 41 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2023) "
            "và tuyên dương các tập thể, cá nhân có thành tích xuất sắc.\n\n"
            "Toàn huyện hiện có 42 trường học với hơn 12.000 học sinh và 1.200 cán bộ, giáo viên, nhân viên.\n\n"
            "Dịp này, 6 tập thể nhận Giấy khen của Chủ tịch UBND huyện; đồng thời tuyên dương 9 nhà giáo tiêu biểu "
            "năm học 2022 - 2023.")
    f = pick(extract_text(text).facts, metric="award.count", value=6)[0]
    assert (f.period, f.period_source) == ("2022-2023", "after")


def test_the_latest_date_a_text_names_dates_it_when_nothing_else_does():
    # no headline period, no lede period, no dateline: the text is written no earlier than the latest date
    # it cites, and a single year named as a baseline (so với năm 2019) does not count
    text = ("Trao danh hiệu Bà mẹ Việt Nam anh hùng cho các mẹ\n\n"
            "Chiều qua, huyện đã trao tặng và truy tặng danh hiệu vinh dự Nhà nước \"Bà mẹ Việt Nam anh hùng\" "
            "cho 14 mẹ.\n\n"
            "Đây là những mẹ được truy tặng theo Quyết định số 1120/QĐ-CTN ngày 12/8/2019 và Quyết định số "
            "356/QĐ-CTN ngày 03/3/2020 của Chủ tịch nước.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2020", "latest_date")
    f = pick(extract_text(text).facts, metric="award.count", value=14)[0]
    assert (f.period, f.period_source) == ("2020", "latest_date")


def test_a_level_in_a_text_on_a_span_is_the_state_at_its_end():
    text = ("Huyện Krông Pắc: kết quả giảm nghèo giai đoạn 2016 - 2020\n\n"
            "Toàn huyện đã có 1.250 hộ thoát nghèo. Số hộ nghèo còn 412 hộ, chiếm tỷ lệ 1,9%. "
            "Có 14/15 xã đạt chuẩn nông thôn mới. UBND huyện đã tặng Giấy khen cho 35 tập thể.\n\n"
            "Giai đoạn 2016 - 2020, huyện xây dựng được 6/15 xã đạt chuẩn nông thôn mới nâng cao.")
    facts = extract_text(text).facts
    got = {(f.metric, f.value): (f.period, f.period_source) for f in facts}
    # levels (households still poor, a rate, a share of communes) are the state in 2020
    assert got[("poverty.poor_households", 412)] == ("2020", "span_end")
    assert got[("poverty.poor_rate", 1.9)] == ("2020", "span_end")
    assert got[("ntm.communes_standard", 14)] == ("2020", "span_end")
    # flows over the span keep it; a level whose own clause names the span keeps it too
    assert got[("poverty.escaped_households", 1250)] == ("2016-2020", "title")
    assert got[("award.count", 35)] == ("2016-2020", "title")
    assert got[("ntm.communes_advanced", 6)] == ("2016-2020", "clause")


def test_a_date_in_the_figures_sentence_outweighs_a_guessed_frame():
    # the latest date the text names (2020) is a guess; the granting decision's date in the sentence dates it
    text = ("Tỉnh sẽ tổ chức truy tặng danh hiệu Bà mẹ Việt Nam anh hùng\n\n"
            "Theo Quyết định số 1580/QĐ-CTN ngày 15/11/2019 của Chủ tịch nước về việc truy tặng danh hiệu vinh dự "
            "Nhà nước \"Bà mẹ Việt Nam anh hùng\", có 6 cá nhân thuộc tỉnh được truy tặng danh hiệu này.\n\n"
            "Trong đó: huyện Yên Thế có 2 bà mẹ; huyện Tân Yên có 4 bà mẹ.\n\n"
            "Trên cơ sở đó, ngày 10/02/2020, Chủ tịch UBND tỉnh đã giao các huyện tổ chức lễ truy tặng.")
    assert _frame(text).period.source == "latest_date"
    f = pick(extract_text(text).facts, metric="award.count", value=6)[0]
    assert (f.period, f.period_source) == ("2019", "event_date")


def test_a_history_up_to_now_in_brackets_names_only_its_last_year():
    # "(1994 – 2019)" after an anniversary: 1994 dates nothing
    text = ("Trường đại học đón nhận Huân chương\n\n"
            "Ngày 18-11, nhà trường tổ chức lễ kỷ niệm 25 năm xây dựng và phát triển (1994 – 2019).\n\n"
            "Dịp này, 3 nhà giáo của trường được Chủ tịch nước tặng Huân chương Lao động hạng Ba.")
    f = pick(extract_text(text).facts, metric="award.count", value=3)[0]
    assert f.period == "2019"


def test_the_one_span_a_text_names_dates_it_when_nothing_else_does():
    text = ("Hội nghị điển hình tiên tiến ngành giáo dục huyện\n\n"
            "Theo báo cáo, trong 5 năm qua, phong trào thi đua của ngành được duy trì và phát huy hiệu quả.\n\n"
            "Kết quả: 03 tập thể nhận Cờ thi đua của UBND tỉnh; 12 tập thể được tặng Bằng khen của Chủ tịch UBND "
            "tỉnh.\n\n"
            "Dịp này, 20 cá nhân được tuyên dương điển hình tiên tiến giai đoạn 2016 – 2020.")
    fr = _frame(text)
    assert (fr.period, fr.period.source) == ("2016-2020", "text")
    f = pick(extract_text(text).facts, metric="award.count", value=3)[0]
    assert f.period == "2016-2020"


def test_a_news_page_is_issued_the_day_its_dateline_gives():
    text = ("Huyện Mèo Vạc công bố kết quả giảm nghèo năm 2021\n\n"
            "Thứ Tư, 05/01/2022, 10:15 [GMT+7]\n\n"
            "Theo kết quả rà soát, toàn huyện còn 4.120 hộ nghèo, chiếm tỷ lệ 21,3%.")
    import rules
    meta = rules.read(doc_from_text(text)).meta
    assert (meta.issued_date, meta.issued_year, meta.period) == ("2022-01-05", 2022, "2021")
    # a dateline with only month and year gives the year
    meta = rules.read(doc_from_text(text.replace("Thứ Tư, 05/01/2022, 10:15 [GMT+7]", "Cập nhật: 01/2022"))).meta
    assert (meta.issued_date, meta.issued_year) == (None, 2022)


def test_now_in_a_text_on_one_year_is_the_latest_date_its_lede_names():
    # a text on the 2021 standard whose lede cites a decision of 2022 was written in 2022 at the
    # earliest: what it says holds "đến nay" is of 2022; the year it is about stays 2021
    text = ("Huyện Phù Cát về đích nông thôn mới\n\n"
            "Sau 11 năm thực hiện Chương trình, ngày 05/9/2022, Thủ tướng Chính phủ ký Quyết định công nhận "
            "huyện Phù Cát đạt chuẩn nông thôn mới năm 2021.\n\n"
            "Đến nay, huyện có 6 xã đạt chuẩn nông thôn mới nâng cao.\n")
    frame = _frame(text)
    assert (str(frame.period), frame.period.source, frame.period.now) == ("2021", "lede", "2022")
    facts = [(f.value, f.period, f.period_source) for f in extract_text(text).facts if f.metric == "ntm.communes_advanced"]
    assert facts == [(6, "2022", "present")]
    # a lede naming no later date leaves "đến nay" to the text's year
    text2 = text.replace("ngày 05/9/2022, ", "")
    assert _frame(text2).period.now is None


def test_the_national_target_programme_is_a_name_not_a_target():
    text = ("Năm 2012, huyện Tây Sơn bắt đầu triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn "
            "mới tại 13 xã, khi đó chỉ có 3 xã đạt từ 8 - 9 tiêu chí.")
    def st(t):
        return [f.status for f in extract_text(t, period="2012").facts if f.metric == "ntm.communes_by_criteria"]
    assert st(text) == [None]
    # a goal stays one
    assert st("Năm 2012, mục tiêu của huyện là có 3 xã đạt từ 8 - 9 tiêu chí.") == ["target"]


def test_a_span_that_ended_before_the_year_a_text_compares_with_is_a_history():
    lede = ("(gialaitv.vn) – Theo Bộ tiêu chí quốc gia xã nông thôn mới giai đoạn 2021 - 2025, đến nay, tỉnh Gia Lai "
            "có 52 xã đạt chuẩn nông thôn mới, tăng 3 xã so với cuối năm 2022.")
    history = ("Giai đoạn 2016 - 2020, tiêu chí chỉ tính hộ nghèo, nay là nghèo đa chiều nên một số xã không còn đạt "
               "chuẩn như trước.")
    # in the paragraph after the lede, or further on
    for text in (f"Gia Lai có 52 xã đạt chuẩn nông thôn mới\n\n{lede}\n\n{history}\n",
                 f"Gia Lai có 52 xã đạt chuẩn nông thôn mới\n\n{lede}\n\nẢnh minh họa\n\nNhiều xã đang phấn đấu.\n\n{history}\n"):
        frame = _frame(text)
        assert (str(frame.period), frame.period.source) == ("2023", "baseline")


def test_the_years_since_a_day_a_text_counts_date_it():
    text = ("Những bà mẹ anh hùng của huyện\n\n"
            "40 năm sau Ngày miền Nam hoàn toàn giải phóng, toàn huyện có 312 mẹ được phong tặng danh hiệu Bà mẹ Việt "
            "Nam anh hùng.\n")
    frame = _frame(text)
    assert (str(frame.period), frame.period.source) == ("2015", "anniversary")


def test_an_anniversary_named_by_its_short_form():
    text = ("Công đoàn khen thưởng tập thể, cá nhân tham gia hoạt động A80\n\n"
            "Công đoàn ngành vừa tổng kết, khen thưởng các tập thể, cá nhân tham gia hoạt động kỷ niệm A80 (80 năm "
            "Quốc khánh 2-9). Theo đó, 4 tập thể và 11 cá nhân được tặng Bằng khen.")
    assert (_frame(text).period, _frame(text).period.source) == ("2025", "anniversary")


def test_a_dateline_dates_a_text_whose_opening_only_compares_with_a_year():
    text = ("Bắc Kạn đứng thứ 3 khu vực về số xã nông thôn mới\n\n"
            "Thứ Năm, 14/09/2017\n\n"
            "Sau 6 năm thực hiện Chương trình, toàn tỉnh có 17 xã đạt chuẩn nông thôn mới.\n\n"
            "Bình quân toàn tỉnh đạt 12,1 tiêu chí/xã, tăng 7,4 tiêu chí so với năm 2011.\n")
    frame = _frame(text)
    assert (str(frame.period), frame.period.source) == ("2017", "dateline")
    f = pick(extract_text(text).facts, metric="ntm.communes_standard")[0]
    assert (f.value, f.period) == (17, "2017")


def test_the_years_a_lede_counts_into_a_programme_date_the_text():
    text = ("Giảm nghèo ở vùng cao chuyển biến rõ nét\n\n"
            "Sau 4 năm thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016 - 2020, bộ mặt "
            "nông thôn vùng cao của tỉnh đã thay đổi.\n\n"
            "Năm 2016 tỷ lệ hộ nghèo của tỉnh là 32%, nay chỉ còn 18,5%.\n")
    frame = _frame(text)
    assert (str(frame.period), frame.period.source) == ("2020", "lede")
    f = pick(extract_text(text).facts, metric="poverty.poor_rate", value=18.5)[0]
    assert f.period == "2020"


def test_a_text_dated_nowhere_takes_the_one_year_its_file_name_gives():
    from pipeline.model import Extraction
    from rules.facts import extract_facts
    text = ("Còn gần 40% hộ nghèo ở vùng đồng bào di cư\n\n"
            "Kết quả khảo sát tại 12 thôn cho thấy, tỷ lệ hộ nghèo vùng đồng bào tại chỗ chiếm 16,2%.\n")
    for path, want in (("khao_sat_ngheo_2014.txt", ("2014", "filename")), ("khao_sat_ngheo.txt", None),
                       ("bc_2014_2015.txt", None)):
        doc = doc_from_text(text, path=path)
        frame = document_frame(doc, read_metadata(doc))
        assert (None if frame.period is None else (str(frame.period), frame.period.source)) == want
    doc = doc_from_text(text, path="khao_sat_ngheo_2014.txt")
    ex = Extraction(meta=read_metadata(doc))
    extract_facts(doc, ex)
    f = pick(ex.facts, metric="poverty.poor_rate", value=16.2)[0]
    assert (f.period, f.period_source) == ("2014", "filename")


def test_a_resolutions_term_and_an_anniversarys_years_date_no_text():
    text = ("Giảm nghèo ở các huyện miền núi vượt chỉ tiêu\n\n"
            "Thực hiện Nghị quyết 08 của Tỉnh ủy về đẩy mạnh giảm nghèo bền vững trên địa bàn tỉnh giai đoạn 2021 – "
            "2025, ngày 12/10/2023 UBND tỉnh tổ chức sơ kết. Tỷ lệ hộ nghèo ở các huyện miền núi giảm còn 21,4%.\n")
    frame = _frame(text)
    assert str(frame.period) == "2023"
    from rules.frames import _first_period
    lede = ("Hội đồng xét duyệt các hình thức khen thưởng đối ngoại cho các tập thể, cá nhân nhân dịp kỷ niệm 10 năm "
            "thiết lập quan hệ hợp tác hữu nghị giữa hai tỉnh (2012 - 2022).")
    doc = doc_from_text(lede)
    assert _first_period(doc, doc.blocks[0], None)[0] is None


def test_a_year_only_in_brackets_in_a_sentence_before_dates_no_later_sentence():
    text = ("Xã giữ vững các tiêu chí xã nông thôn mới nâng cao (được công nhận năm 2021). Trong năm có thêm 03 thôn "
            "được công nhận đạt chuẩn thôn nông thôn mới kiểu mẫu.")
    assert _periods(text, "ntm.villages_model", period="2023") == [(3, "2023", "document")]
    # a year outside the brackets still does
    text = ("Năm 2022, xã giữ vững các tiêu chí (được công nhận năm 2021). Trong năm có thêm 03 thôn được công nhận "
            "đạt chuẩn thôn nông thôn mới kiểu mẫu.")
    assert _periods(text, "ntm.villages_model", period="2023") == [(3, "2022", "paragraph")]


def test_the_plan_year_of_an_earlier_clause_dates_no_award_but_a_leads_year_dates_its_list():
    text = ("Sáng 20/11, UBND xã tổ chức tổng kết công tác quân sự địa phương năm 2023 và triển khai nhiệm vụ năm "
            "2024; đồng thời khen thưởng cho 7 tập thể có thành tích xuất sắc.\n\n"
            "- Dự kiến bình xét danh hiệu thi đua năm 2024: đề nghị công nhận danh hiệu \"Lao động tiên tiến\" cho "
            "40 cá nhân; \"Tập thể lao động tiên tiến\" cho 5 tập thể.\n")
    got = sorted((f.value, f.period) for f in extract_text(text, period="2023").facts if f.metric == "award.count")
    assert got == [(5, "2024"), (7, "2023"), (40, "2024")]


def test_a_bracket_year_of_an_earlier_clause_glosses_that_clause_only():
    text = ("Đến hết năm 2023, toàn huyện có 8/17 xã đạt chuẩn nông thôn mới nâng cao (được công nhận năm 2022); "
            "41 thôn được công nhận đạt chuẩn nông thôn mới kiểu mẫu.\n")
    got = {f.value: f.period for f in extract_text(text, period="2023").facts if f.metric.startswith("ntm.")}
    assert got[41] == "2023"


def test_a_lede_that_lost_its_full_stop_still_gives_the_place_when_it_opens_with_its_date():
    meta = read_metadata(doc_from_text(
        "Hội nghị tổng kết công tác thi đua khen thưởng năm 2023.\n\n"
        "Sáng ngày 10/1/2024, UBND huyện Cư M'gar tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2023\n\n"
        "Dự hội nghị có lãnh đạo Sở Nội vụ, Ban Thi đua - Khen thưởng tỉnh."))
    assert (meta.province, meta.district) == ("Đắk Lắk", "Cư M'gar")


def test_the_year_after_an_ordinal_is_the_texts_and_a_school_years_review_dates_the_lede():
    # "đợt 2 năm 2024": the number of a round is no figure the year belongs to
    ex = extract_text("Họp xét khen thưởng\n\nChiều 12/9, Hội đồng họp xét khen thưởng cho các tập thể, cá nhân "
                      "đợt 2 năm 2024. Theo đó, 9 tập thể và 2 cá nhân đề nghị Thủ tướng Chính phủ tặng Bằng khen; "
                      "15 cá nhân được đề nghị tặng Chiến sĩ thi đua cấp tỉnh giai đoạn 2021 - 2023.")
    got = sorted((f.value, f.period, f.status) for f in ex.facts if f.metric == "award.count")
    assert got == [(2, "2024", "proposed"), (9, "2024", "proposed"), (15, "2021-2023", "proposed")]
    # "phiên thứ 2 năm 2021" in the headline gives way to the school year the lede's meeting reviews
    doc = doc_from_text("Hội đồng Thi đua - Khen thưởng tỉnh họp phiên thứ 2 năm 2021\n\n"
                        "Ngày 20-8-2021, Hội đồng họp để xem xét khen thưởng tổng kết năm học 2020-2021 cho ngành "
                        "giáo dục.\n\nHội đồng thống nhất đề nghị cờ thi đua của UBND tỉnh cho 12 tập thể.")
    frame = document_frame(doc, read_metadata(doc))
    assert (frame.period, frame.period.source) == ("2020-2021", "lede")


def test_a_review_of_a_units_tasks_in_the_lede_is_no_plan():
    # "tổng kết nhiệm vụ quân sự - quốc phòng năm 2023": the year reviewed; "nhiệm vụ" after "tổng kết" plans nothing
    text = ("Hoàn thành tốt nhiệm vụ quốc phòng địa phương\n\n"
            "Chiều 20/12, Đảng ủy, Bộ CHQS tỉnh tổ chức tổng kết nhiệm vụ quân sự - quốc phòng năm 2023, triển khai "
            "nhiệm vụ năm 2024.\n\n"
            "Nhân dịp này, Bộ CHQS tỉnh tặng danh hiệu “Đơn vị tiên tiến” cho 12 tập thể.")
    got = [(f.value, f.period, f.status) for f in extract_text(text).facts if f.metric == "award.count"]
    assert got == [(12, "2023", None)]


def test_the_year_a_count_is_rewarded_for_said_after_it_beats_the_paragraphs_plan():
    text = ("Năm 2024, Lữ đoàn tiếp tục thực hiện tốt nhiệm vụ huấn luyện. Hội nghị đã phát động phong trào thi đua "
            "quyết thắng năm 2024. Dịp này, 12 tập thể và 31 cá nhân được khen thưởng vì hoàn thành xuất sắc nhiệm vụ "
            "năm 2023.")
    got = [(f.value, f.period, f.period_source) for f in extract_text(text, period="2024").facts if f.metric == "award.count"]
    assert got == [(12, "2023", "rewarded"), (31, "2023", "rewarded")]
