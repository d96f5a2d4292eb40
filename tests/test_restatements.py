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


def test_award_counts_said_again_over_their_table_are_the_tables_and_a_poverty_pair_stays_unless_the_row_has_it():
    text = ("Năm 2023, các tập thể, cá nhân được khen thưởng như sau: 03 tập thể được tặng Cờ thi đua của UBND tỉnh; "
            "Bằng khen của Chủ tịch UBND tỉnh cho 11 tập thể, 25 cá nhân.\n\n"
            "Biểu 02. Kết quả khen thưởng năm 2023\n\n"
            "TT | Hình thức khen thưởng | Tập thể | Cá nhân\n"
            "1 | Cờ thi đua của UBND tỉnh | 03 | -\n"
            "2 | Bằng khen của Chủ tịch UBND tỉnh | 11 | 25\n\n"
            "Cuối năm 2023, toàn xã còn 120 hộ nghèo, chiếm 4,10%.\n\n"
            "TT | Ấp | Tổng số hộ | Hộ nghèo | Tỷ lệ hộ nghèo (%)\n"
            "1 | Ấp Một | 1.500 | 70 | 4,67\n"
            "2 | Ấp Hai | 1.427 | 50 | 3,50\n"
            " | Toàn xã | 2.927 | 120 | 4,10\n")
    facts = extract_text(text, period="2023").facts
    awards = [f for f in facts if f.metric == "award.count"]
    assert sorted(f.value for f in awards) == [3, 11, 25] and all(f.table_index is not None for f in awards)
    poor = [f for f in facts if f.metric == "poverty.poor_households" and f.value == 120]
    # the table's total row holds the count with its rate: the sentence restating both is the table's
    assert [f.table_index is None for f in poor] == [False]
    # a table of counts only: the sentence keeps its count with its rate (what the ratio check reads)
    text2 = ("Cuối năm 2023, toàn xã còn 120 hộ nghèo, chiếm 4,10%.\n\n"
             "TT | Ấp | Tổng số hộ | Hộ nghèo\n1 | Ấp Một | 1.500 | 70\n2 | Ấp Hai | 1.427 | 50\n"
             " | Toàn xã | 2.927 | 120\n")
    poor = [f for f in extract_text(text2, period="2023").facts if f.metric == "poverty.poor_households" and f.value == 120]
    assert sorted(f.table_index is None for f in poor) == [False, True]


def test_a_headline_saying_again_what_the_body_says_in_other_words_is_one_fact():
    text = ("Gia Lai: Thêm 8 xã đạt chuẩn nông thôn mới\n\n"
            "Chủ tịch UBND tỉnh vừa ký quyết định công nhận 8 xã đạt chuẩn nông thôn mới năm 2016.")
    got = pick(extract_text(text).facts, metric="ntm.communes_standard", value=8)
    assert len(got) == 1 and got[0].block_index == 1


def test_a_figure_naming_the_texts_place_and_one_naming_none_are_one_statement():
    from rules import read
    from tests.rules_support import doc_from_text
    ex = read(doc_from_text("Thêm 3 xã của huyện Tân Phước đạt chuẩn nông thôn mới\n\n"
                            "UBND tỉnh vừa ký quyết định công nhận 3 xã của huyện Tân Phước đạt chuẩn nông thôn mới "
                            "năm 2022.\n\nTheo đó, 3 xã được công nhận nông thôn mới đợt này gồm: Tân Hòa Thành, "
                            "Phú Mỹ và Hưng Thạnh."))
    got = [(f.metric, f.value, f.subject) for f in ex.facts if f.metric.startswith("ntm.")]
    assert got == [("ntm.communes_standard", 3, "Tân Phước")]


def test_the_only_figure_of_a_column_is_still_a_part_of_its_rows_total():
    """'... | 143 | 387 | 46 | 576' under 'Hộ gia đình': the 46 households are the row's, even
    when a sentence gives them again as a part of a total it breaks down."""
    text = ("Tặng Giấy khen của Chủ tịch UBND huyện cho 143 tập thể, 387 cá nhân và 46 hộ gia đình, trong đó: "
            "khen thưởng chuyên đề cho 61 tập thể, 205 cá nhân và 46 hộ gia đình.\n\n"
            "Bảng 1. Kết quả khen thưởng năm 2023\n\n"
            "TT | Hình thức khen thưởng | Tập thể | Cá nhân | Hộ gia đình | Tổng cộng\n"
            "1 | Bằng khen của Chủ tịch UBND tỉnh | 18 | 41 |  | 59\n"
            "2 | Giấy khen của Chủ tịch UBND huyện | 143 | 387 | 46 | 576\n")
    facts = extract_text(text, period="2023").facts
    hh = [f for f in facts if f.recipient == "ho_gia_dinh" and f.table_index is not None]
    assert [f.value for f in hh] == [46]
