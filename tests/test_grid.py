"""Tables as the readers see them (rules/grid.py) and the scope of figures, on tables
and passages of our own in the shapes of provincial statistics."""
from __future__ import annotations

from rules.context import cell_period
from rules.grid import build_grid
from tests.rules_support import doc_from_text, extract_text, pick

_BY_AREA = """Kết quả rà soát hộ nghèo năm 2023:

TT | Huyện | Tỷ lệ nghèo đa chiều (%) | Hộ nghèo và cận nghèo | Tỷ lệ hộ nghèo (%) | Hộ nghèo | Tỷ lệ hộ cận nghèo (%) | Hộ cận nghèo
A | B | 1 | 2 | 3 | 4 | 5 | 6
I | Khu vực thành thị | 5,10 | 2.040 | 2,50 | 1.000 | 2,60 | 1.040
1 | Huyện Đông Sơn | 4,00 | 800 | 2,00 | 400 | 2,00 | 400
2 | Huyện Tây Sơn | 6,20 | 1.240 | 3,00 | 600 | 3,20 | 640
II | Khu vực nông thôn | 9,00 | 9.000 | 5,00 | 5.000 | 4,00 | 4.000
1 | Huyện Đông Sơn | 8,00 | 4.000 | 4,40 | 2.200 | 3,60 | 1.800
2 | Huyện Tây Sơn | 10,00 | 5.000 | 5,60 | 2.800 | 4,40 | 2.200
"""


def test_column_number_rows_hold_no_data_and_sections_give_a_scope():
    doc = doc_from_text(_BY_AREA)
    g = build_grid(doc.tables[0])
    assert g.numbering == {1} and g.rows[1].cells == []
    assert g.scope(4) == "Khu vực thành thị" and g.scope(7) == "Khu vực nông thôn"
    ex = extract_text(_BY_AREA, period="2023")
    got = {(f.subject, f.scope): f.value for f in pick(ex.facts, metric="poverty.poor_households")}
    assert got[("Đông Sơn", "Khu vực thành thị")] == 400 and got[("Đông Sơn", "Khu vực nông thôn")] == 2200
    assert not pick(ex.facts, value=4.0, metric="poverty.poor_households")   # nothing from 'A | B | 1 | ...'


def test_a_short_total_row_is_aligned_to_the_header():
    text = ("TT | Đơn vị | Tổng số hộ | Hộ nghèo | Tỷ lệ (%)\n1 | Xã An Bình | 1.200 | 60 | 5,00\n"
            "2 | Xã An Phú | 800 | 24 | 3,00\nTổng | 2.000 | 84 | 4,20\n")
    g = build_grid(doc_from_text(text).tables[0])
    assert [(c.col, c.colspan) for c in g.rows[3].cells] == [(0, 2), (2, 1), (3, 1), (4, 1)]
    total = [f for f in extract_text(text, period="2023").facts
             if f.metric == "poverty.poor_households" and f.row_index == 3]
    assert [(f.value, f.col_index, f.subject) for f in total] == [(84, 3, None)]


def test_header_cells_that_name_a_part_of_a_year():
    assert cell_period("6 tháng năm 2020") == "2020-H1"
    assert cell_period("quý iii/2024") == "2024-Q3"
    assert cell_period("năm học 2022-2023") == "2022-2023"
    assert cell_period("số hộ nghèo cuối năm 2021") is None


def test_scope_of_a_sentence_and_percents_of_a_target():
    ex = extract_text("Theo khu vực nông thôn, tỷ lệ hộ nghèo 5,96% với 12.064 hộ. Tỷ lệ hộ nghèo toàn tỉnh giảm "
                      "1,89%, đạt 125% so với chỉ tiêu giao đầu năm.", period="2022")
    rates = {f.value: f.scope for f in pick(ex.facts, metric="poverty.poor_rate")}
    assert rates == {5.96: "khu vực nông thôn"}          # 125 % of a target is not a rate
    assert pick(ex.facts, metric="poverty.poor_households")[0].scope == "khu vực nông thôn"


def test_escaping_near_poverty_is_not_a_near_poor_count():
    ex = extract_text("Số hộ cận nghèo là 10.087 hộ; số hộ thoát cận nghèo là 5.295 hộ.", period="2022")
    assert [f.value for f in pick(ex.facts, metric="poverty.near_poor_households")] == [10087]


def test_a_yearbook_table_years_down_the_rows_parts_of_the_area_across():
    text = (" | Tỷ lệ hộ nghèo | Trong đó: Thành thị | Nông thôn\n"
            "Theo chuẩn nghèo giai đoạn 2011 - 2015 | | |\n2014 | 11,73 | 4,93 | 12,86\n2015 | 9,22 | 3,51 | 10,18\n"
            "Theo chuẩn nghèo giai đoạn 2016 - 2020 | | |\n2015 | 15,19 | 6,25 | 16,68\n")
    doc = doc_from_text(text)
    assert [c.text for c in doc.tables[0].rows[0].cells][0] == ""      # the empty corner cell is kept
    got = {(f.period, f.scope): f.value for f in extract_text(text).facts if f.metric == "poverty.poor_rate"}
    assert got[("2014", "thành thị")] == 4.93
    assert got[("2015", "Theo chuẩn nghèo giai đoạn 2016 - 2020")] == 15.19
    assert got[("2015", "Theo chuẩn nghèo giai đoạn 2011 - 2015")] == 9.22


_AWARDS_BY_PART = """Bảng 3. Kết quả khen thưởng

TT | Hình thức | Tập thể | Cá nhân
I | Khen thưởng tổng kết năm 2021
1 | Bằng khen của Chủ tịch UBND tỉnh | 07 | 19
2 | Giấy khen của Chủ tịch UBND huyện | 40 | 122
II | Khen thưởng năm 2022 (tính đến 15/10/2022)
1 | Bằng khen của Chủ tịch UBND tỉnh | 03 | 05
III | Khen thưởng chuyên đề
1 | Giấy khen của Chủ tịch UBND huyện | 12 | 30
"""


def test_a_part_row_naming_a_period_dates_the_rows_under_it():
    g = build_grid(doc_from_text(_AWARDS_BY_PART).tables[0])
    assert (g.period(2), g.period(3), g.period(5), g.period(7)) == ("2021", "2021", "2022", None)
    ex = extract_text(_AWARDS_BY_PART, period="2022")
    got = sorted((f.award, f.recipient, f.value, f.period) for f in pick(ex.facts, metric="award.count"))
    assert got == [("bang_khen_cap_bo_tinh", "ca_nhan", 5, "2022"), ("bang_khen_cap_bo_tinh", "ca_nhan", 19, "2021"),
                   ("bang_khen_cap_bo_tinh", "tap_the", 3, "2022"), ("bang_khen_cap_bo_tinh", "tap_the", 7, "2021"),
                   ("giay_khen_cap_huyen", "ca_nhan", 30, "2022"), ("giay_khen_cap_huyen", "ca_nhan", 122, "2021"),
                   ("giay_khen_cap_huyen", "tap_the", 12, "2022"), ("giay_khen_cap_huyen", "tap_the", 40, "2021")]


_NOTES = """Bảng 3. Hộ nghèo dân tộc thiểu số năm 2023 của huyện Ea Kar

| TT | Xã | Tổng số hộ | Số hộ nghèo DTTS | Số hộ cận nghèo DTTS | Số hộ thoát nghèo DTTS | Tỷ lệ hộ cận nghèo DTTS (%) |
| 1 | Xã Cư Huê | 2.410 | 315 | (1) | 40 | Như cột số 5 |
| 2 | Xã Ea Sô | 1.980 | 402 | 118 | 35 | 5,96 |

(1) Xã chưa tổng hợp được số hộ cận nghèo người dân tộc thiểu số trong đợt rà soát năm 2023.
"""


def test_a_footnote_marker_or_a_cross_reference_in_a_cell_is_no_figure():
    doc = doc_from_text(_NOTES)
    g = build_grid(doc.tables[0], marks=frozenset({"(1)"}))
    assert sorted(g.notes) == [(1, 4), (1, 6)]
    ex = extract_text(_NOTES, period="2023")
    near = {f.subject: f.value for f in pick(ex.facts, metric="poverty.near_poor_households")}
    assert near == {"Ea Sô": 118}                  # not 1 from '(1)' for Cư Huê
    assert {f.subject for f in pick(ex.facts, metric="poverty.near_poor_rate")} == {"Ea Sô"}   # not 5 from 'cột số 5'
    assert {f.subject: f.value for f in pick(ex.facts, metric="poverty.escaped_households")} == {"Cư Huê": 40, "Ea Sô": 35}
    # a marker no line explains stays what it says
    assert build_grid(doc.tables[0]).notes == [(1, 6)]


_SHARE_OF_POOR = """Biểu 2. Hộ nghèo dân tộc thiểu số năm 2023

| TT | Huyện | Tổng số hộ | Số hộ nghèo DTTS | Tỷ lệ hộ nghèo DTTS (%) |
| 1 | Krông Bông | 21.300 | 2.950 | 96,10 |
| 2 | Lắk | 16.200 | 2.480 | 98,40 |
| 3 | Ea Kar | 39.500 | 1.620 | 71,20 |
| | Toàn tỉnh | 77.000 | 7.050 | 91,57 |
"""


def test_a_rate_column_the_rows_do_not_explain_is_kept_as_quantities():
    """96,10 % is not 2.950 of 21.300 households (13,8 %) in any row: it is the minorities' share of the
    poor, not a poverty rate. The figures stay, as quantities under their header."""
    ex = extract_text(_SHARE_OF_POOR, period="2023")
    assert pick(ex.facts, metric="poverty.poor_rate") == []
    kept = sorted((f.value, f.label, f.rule) for f in pick(ex.facts, metric="quantity"))
    assert kept[0] == (71.2, "Tỷ lệ hộ nghèo DTTS (%)", "table.unexplained_rate") and len(kept) == 4
    assert all(f.stated_percent is None and f.of_total for f in pick(ex.facts, metric="poverty.poor_households"))
    # a column the rows explain (one slip among them) stays a rate, each row stating its own
    fitting = (_SHARE_OF_POOR.replace("96,10", "13,85").replace("98,40", "15,31").replace("71,20", "5,10")
               .replace("91,57", "9,16"))
    ex = extract_text(fitting, period="2023")
    assert sorted(f.value for f in pick(ex.facts, metric="poverty.poor_rate")) == [5.1, 9.16, 13.85, 15.31]
    assert {f.stated_percent for f in pick(ex.facts, metric="poverty.poor_households")} == {5.1, 9.16, 13.85, 15.31}
