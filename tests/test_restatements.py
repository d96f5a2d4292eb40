"""A figure restated with everything the same is one figure (rules/facts.py)."""
from __future__ import annotations

from tests.rules_support import extract_text, pick


def test_a_headline_restating_its_article_gives_one_fact():
    text = ("Huyện Lục Yên có thêm 5 xã đạt chuẩn nông thôn mới năm 2022\n\n"
            "Năm 2022, huyện Lục Yên có thêm 5 xã đạt chuẩn nông thôn mới, nâng tổng số lên 14/20 xã.")
    got = pick(extract_text(text).facts, metric="ntm.communes_standard", value=5)
    assert len(got) == 1 and got[0].block_index == 1     # the body's statement, not the headline's


def test_restated_parts_of_a_total_and_other_issuers_stay():
    text = ("Năm 2023, Chủ tịch UBND tỉnh tặng Bằng khen cho 04 tập thể; Bộ trưởng Bộ Công an tặng Bằng khen "
            "cho 04 tập thể.\n\nTổng kết năm 2023, Chủ tịch UBND tỉnh tặng Bằng khen cho 04 tập thể.")
    got = pick(extract_text(text, period="2023").facts, metric="award.count", value=4)
    # two issuers: two figures; the third sentence restates the first
    assert sorted((f.granter or "") for f in got) == ["Bộ Công an", "Chủ tịch UBND tỉnh"]
