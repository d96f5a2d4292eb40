"""implausible_value: a count written with a decimal comma."""
from __future__ import annotations

from test_checks_support import Doc, findings, meta, warehouse


def test_a_household_count_with_a_decimal_comma_is_implausible(tmp_path):
    d = Doc("v.txt", meta(period="2024", district="Long Mỹ", province="Hậu Giang"))
    d.para("Năm 2024, toàn huyện có 28,517 hộ đạt danh hiệu “Gia đình văn hóa”, chiếm 90,12% tổng số hộ.")
    d.fact("28,517", "award.count", 28.517, award="gia_dinh_van_hoa", recipient="ho_gia_dinh", unit="household",
           period="2024", confidence=0.6, note="'28,517' read as 28.517")
    rows = findings(warehouse(tmp_path, d), "implausible_value")
    assert [(r["observed"], r["expected"], r["severity"]) for r in rows] == [(28.517, 28517.0, "warning")]
    assert "28.517" in rows[0]["message"]


def test_rates_and_whole_counts_are_not_flagged(tmp_path):
    d = Doc("w.txt", meta(period="2024", district="Long Mỹ", province="Hậu Giang"))
    d.para("Toàn huyện có 1.126 hộ nghèo, tỷ lệ 2,38%; bình quân 17,5 tiêu chí/xã.")
    d.fact("1.126", "poverty.poor_households", 1126, unit="household", period="2024")
    d.fact("2,38%", "poverty.poor_rate", 2.38, unit="percent", period="2024")
    d.fact("17,5", "ntm.avg_criteria", 17.5, period="2024")
    assert findings(warehouse(tmp_path, d), "implausible_value") == []


def test_a_count_read_with_certainty_as_a_decimal_is_implausible(tmp_path):
    d = Doc("x.txt", meta(period="2016", province="Bắc Giang"))
    d.para("Số hộ thoát nghèo hộ 6644.00 10.98 6150.00")
    d.fact("6644.00", "poverty.escaped_households", 6644, unit="household", period="2014")
    d.fact("10.98", "poverty.escaped_households", 10.98, unit="household", period="2015")
    rows = findings(warehouse(tmp_path, d), "implausible_value")
    assert [(r["observed"], r["expected"], r["severity"]) for r in rows] == [(10.98, None, "warning")]
    assert "10,98" in rows[0]["message"]
