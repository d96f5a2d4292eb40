"""ratio_mismatch: seeds 001 and 004 give nothing; a planted rate is found."""
from __future__ import annotations

import pytest

from test_checks_support import Doc, findings, meta, serious, warehouse

# Seed 001: "tổng số hộ nghèo 5.858 hộ, tỷ lệ 33,59%; hộ cận nghèo 2.596 hộ, tỷ lệ 14,88%"
S001 = ("ban hành Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2021 theo tiêu chuẩn đa chiều "
        "giai đoạn 2022-2025: tổng số hộ nghèo 5.858 hộ, tỷ lệ 33,59%; hộ cận nghèo 2.596 hộ, tỷ lệ 14,88%")
# Seed 004: "toàn huyện còn 945 hộ nghèo chiếm tỷ lệ 1,95%, 1.160 hộ cận nghèo chiếm tỷ lệ 2,4%."
S004 = ("kết quả rà soát cuối năm 2023, toàn huyện còn 945 hộ nghèo chiếm tỷ lệ 1,95%, 1.160 hộ cận nghèo "
        "chiếm tỷ lệ 2,4%.")


def poverty_doc(text, poor, poor_rate, near, near_rate, period, **m):
    d = Doc(f"p{period}.txt", meta(period=period, **m)).para(text)
    d.fact(poor[0], "poverty.poor_households", poor[1], unit="household", period=period)
    d.fact(poor_rate[0], "poverty.poor_rate", poor_rate[1], unit="percent", period=period)
    d.fact(near[0], "poverty.near_poor_households", near[1], unit="household", period=period)
    d.fact(near_rate[0], "poverty.near_poor_rate", near_rate[1], unit="percent", period=period)
    return d


def seed_001(near_rate=("14,88%", 14.88)):
    text = S001.replace("14,88%", near_rate[0])
    return poverty_doc(text, ("5.858", 5858), ("33,59%", 33.59), ("2.596", 2596), near_rate, "2021",
                       district="Trùng Khánh", province="Cao Bằng")


def seed_004(poor_rate=("1,95%", 1.95)):
    text = S004.replace("1,95%", poor_rate[0])
    return poverty_doc(text, ("945", 945), poor_rate, ("1.160", 1160), ("2,4%", 2.4), "2023",
                       district="Yên Khánh", province="Ninh Bình")


def test_seeds_001_and_004_imply_one_base(tmp_path):
    con = warehouse(tmp_path, seed_001(), seed_004())
    assert findings(con, "ratio_mismatch") == []


def test_planted_near_poor_rate(tmp_path):
    found = findings(warehouse(tmp_path, seed_001(("24,88%", 24.88))), "ratio_mismatch")
    rows = serious(found)
    assert len(rows) == 1
    r = rows[0]
    assert r["observed"] == 24.88 and r["expected"] == pytest.approx(14.89, abs=0.02)
    assert r["severity"] == "error" and len(r["fact_ids"]) == 4
    assert "17.440" in r["message"] or "17.439" in r["message"]
    # the other reading (the poor-household rate is the wrong one) as an info note
    other = [x for x in found if x["severity"] == "info"]
    assert [x["observed"] for x in other] == [33.59] and other[0]["expected"] == pytest.approx(56.14, abs=0.01)


def test_rounding_of_a_one_decimal_rate_is_allowed(tmp_path):
    """2,4 % stands for [2,35; 2,5): 1.160 hộ gives 46 400 - 49 400 households."""
    assert findings(warehouse(tmp_path, seed_004(("1,97%", 1.97))), "ratio_mismatch") == []


def test_planted_poor_rate_far_off(tmp_path):
    rows = findings(warehouse(tmp_path, seed_004(("3,95%", 3.95))), "ratio_mismatch")
    assert len(serious(rows)) == 1 and serious(rows)[0]["severity"] == "error"
    assert {r["observed"] for r in rows} == {3.95, 2.4}


def _poverty_facts(d, period, *figs):
    for needle, metric, value, kw in figs:
        d.fact(needle, metric, value, unit="percent" if metric.endswith("rate") else "household", period=period, **kw)


def test_start_of_year_stock_does_not_take_the_year_end_rate(tmp_path):
    """The first count of the sentence is the start-of-year stock; the rate goes
    with the year-end count stated next to it."""
    text = ("Kết quả rà soát cuối năm 2023: đầu năm toàn huyện có 4.310 hộ nghèo, trong năm có 702 hộ thoát nghèo; "
            "cuối năm còn 3.655 hộ nghèo, chiếm 21,40% tổng số hộ; hộ cận nghèo 1.964 hộ, chiếm 11,50%.")
    d = Doc("p.txt", meta(period="2023", district="Mường Tè", province="Lai Châu")).para(text)
    _poverty_facts(d, "2023", ("4.310", "poverty.poor_households", 4310, {}),
                   ("3.655", "poverty.poor_households", 3655, {}), ("21,40%", "poverty.poor_rate", 21.40, {}),
                   ("1.964", "poverty.near_poor_households", 1964, {}), ("11,50%", "poverty.near_poor_rate", 11.5, {}))
    assert findings(warehouse(tmp_path, d), "ratio_mismatch") == []


def test_count_of_the_previous_sentence_is_not_paired(tmp_path):
    text = ("Đầu năm 2024, toàn xã có 164 hộ nghèo. Trong năm có 58 hộ thoát nghèo. Cuối năm 2024, xã còn 112 hộ "
            "nghèo, chiếm 1,64%; 201 hộ cận nghèo, chiếm 2,94%.")
    d = Doc("x.txt", meta(period="2024", issuer="UBND xã Nậm Tăm", province="Lai Châu")).para(text)
    _poverty_facts(d, "2024", ("164", "poverty.poor_households", 164, {}), ("112", "poverty.poor_households", 112, {}),
                   ("1,64%", "poverty.poor_rate", 1.64, {}), ("201", "poverty.near_poor_households", 201, {}),
                   ("2,94%", "poverty.near_poor_rate", 2.94, {}))
    assert findings(warehouse(tmp_path, d), "ratio_mismatch") == []


def test_a_subset_of_the_poor_is_not_a_rate_of_all_households(tmp_path):
    text = ("Cuối năm, số hộ nghèo còn 640 hộ, tỷ lệ 3,20% (trong đó 402 hộ nghèo không có khả năng lao động, "
            "chiếm 62,8% số hộ nghèo). Hộ cận nghèo còn 1.100 hộ, tỷ lệ 5,50%.")
    d = Doc("y.txt", meta(period="2024", district="Sơn Tây", province="Quảng Ngãi")).para(text)
    _poverty_facts(d, "2024", ("640", "poverty.poor_households", 640, {}), ("3,20%", "poverty.poor_rate", 3.2, {}),
                   ("402", "poverty.poor_households", 402, {}), ("62,8%", "poverty.poor_rate", 62.8, {}),
                   ("1.100", "poverty.near_poor_households", 1100, {}), ("5,50%", "poverty.near_poor_rate", 5.5, {}))
    assert findings(warehouse(tmp_path, d), "ratio_mismatch") == []


def test_items_of_a_bracket_opened_by_trong_do_are_parts_not_the_poor_of_the_place(tmp_path):
    """'8.790 hộ nghèo (trong đó 8.037 hộ ..., 753 hộ thiếu hụt ...). Tỷ lệ hộ nghèo 1,91%': the rate
    is the 8.790's; 753, the second item of the bracket, is not paired with it."""
    text = ("Tổng số hộ nghèo toàn tỉnh là 8.790 hộ (trong đó có 8.037 hộ nghèo theo thu nhập, 753 hộ nghèo "
            "thiếu hụt dịch vụ xã hội cơ bản). Tỷ lệ hộ nghèo chiếm 1,91%. Tổng số hộ cận nghèo là 19.378 hộ, "
            "tỷ lệ hộ cận nghèo chiếm 4,21%.")
    d = Doc("kg.txt", meta(period="2020", province="Kiên Giang")).para(text)
    d.fact("8.790", "poverty.poor_households", 8790, unit="household", period="2020")
    d.fact("753", "poverty.poor_households", 753, unit="household", period="2020")
    d.fact("1,91%", "poverty.poor_rate", 1.91, unit="percent", period="2020")
    d.fact("19.378", "poverty.near_poor_households", 19378, unit="household", period="2020")
    d.fact("4,21%", "poverty.near_poor_rate", 4.21, unit="percent", period="2020")
    assert findings(warehouse(tmp_path, d), "ratio_mismatch") == []


def test_a_base_written_for_the_paragraphs_total_tells_which_rate_is_wrong(tmp_path):
    """'... 113 hộ cận nghèo, chiếm tỷ lệ 5,32%. Tổng số hộ nghèo và hộ cận nghèo là 264/2.162 hộ': 113 of
    2.162 is 5,23%, so the near-poor rate is the percent check's finding, not a disagreement of bases."""
    text = ("Kết quả rà soát cuối năm 2023: toàn xã còn 151 hộ nghèo, chiếm tỷ lệ 6,98%; 113 hộ cận nghèo, chiếm "
            "tỷ lệ 5,32%. Tổng số hộ nghèo và hộ cận nghèo là 264/2.162 hộ, tỷ lệ 12,21%.")
    d = poverty_doc(text, ("151", 151), ("6,98%", 6.98), ("113", 113), ("5,32%", 5.32), "2023",
                    district="Yên Thủy", province="Hòa Bình")
    d.fact("264", "poverty.multidim_households", 264, unit="household", period="2023", of_total=2162.0)
    d.fact("12,21%", "poverty.multidim_rate", 12.21, unit="percent", period="2023")
    con = warehouse(tmp_path, d)
    assert serious(findings(con, "ratio_mismatch")) == []
    got = [(r["observed"], r["expected"]) for r in serious(findings(con, "percent_mismatch"))]
    assert got == [(5.32, pytest.approx(5.23, abs=0.01))]
