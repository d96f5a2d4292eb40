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
