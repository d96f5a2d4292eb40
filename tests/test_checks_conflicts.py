"""conflict_within_doc / conflict_across_docs on real warehouses."""
from __future__ import annotations

from test_checks_support import Doc, findings, meta, serious, warehouse

TK = dict(issuer="UBND huyện Trùng Khánh", district="Trùng Khánh", province="Cao Bằng")

# Seed 001, "Kết quả khen thưởng năm 2022": "08 tập thể và 05 cá nhân được tặng
# Bằng khen của Chủ tịch UBND tỉnh. 46 Tập thể lao động tiên tiến, 44 Chiến sĩ thi
# đua cơ sở (trong đó Người lao động trực tiếp đạt 95%), 950 cá nhân Lao động tiên tiến"
S2022 = ("- Kết quả khen thưởng năm 2022: 08 tập thể được tặng danh hiệu Tập thể Lao động xuất sắc; 08 tập thể và "
         "05 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh. 46 Tập thể lao động tiên tiến, 44 Chiến sĩ thi đua "
         "cơ sở (trong đó Người lao động trực tiếp đạt 95%), 950 cá nhân Lao động tiên tiến.")
S2021 = ("- Kết quả khen thưởng năm 2021: 11 tập thể được tặng danh hiệu Tập thể Lao động xuất sắc; 21 tập thể và "
         "25 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh. 74 Tập thể lao động tiên tiến, 73 Chiến sĩ thi đua "
         "cơ sở (trong đó Người lao động trực tiếp đạt 82%), 1015 cá nhân Lao động tiên tiến.")


def award_facts(d: Doc, text: str, period: str, values=None):
    values = values or {}
    aw = dict(metric="award.count", unit="count", period=period)
    for needle, award, rec in (("tập thể được tặng danh hiệu Tập thể Lao động xuất sắc", "tap_the_lao_dong_xuat_sac",
                                "tap_the"),
                               ("tập thể và", "bang_khen_cap_bo_tinh", "tap_the"),
                               ("cá nhân được tặng Bằng khen", "bang_khen_cap_bo_tinh", "ca_nhan"),
                               ("Tập thể lao động tiên tiến", "tap_the_lao_dong_tien_tien", "tap_the"),
                               ("Chiến sĩ thi đua", "chien_si_thi_dua_co_so", "ca_nhan"),
                               ("cá nhân Lao động tiên tiến", "lao_dong_tien_tien", "ca_nhan")):
        i = text.index(needle)
        num = text[:i].rstrip().rsplit(" ", 1)[-1]
        d.fact(f"{num} {needle}", value=float(values.get(award + rec, num)), award=award, recipient=rec,
               after=text[:25], raw=num, **aw)


def report(name, *paras, period="2022", **m):
    d = Doc(name, meta(period=period, **dict(TK, **m)))
    for p in paras:
        d.para(p, "list_item")
    return d


def test_two_years_in_one_report_are_not_conflicts(tmp_path):
    d = report("001.txt", S2021, S2022, issued_year=2022)
    award_facts(d, S2021, "2021")
    award_facts(d, S2022, "2022")
    assert serious(findings(warehouse(tmp_path, d))) == []


def test_two_years_even_when_the_period_was_not_resolved(tmp_path):
    """The fact rules give both paragraphs the document's period: the years in the
    sentences still keep them apart."""
    d = report("001.txt", S2021, S2022, issued_year=2022)
    award_facts(d, S2021, "2022")
    award_facts(d, S2022, "2022")
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_planted_restatement_within_one_report(tmp_path):
    later = "Trong năm 2022, toàn huyện có 48 Tập thể lao động tiên tiến được công nhận."
    d = report("001.txt", S2022, later, issued_year=2022)
    award_facts(d, S2022, "2022")
    d.fact("48", "award.count", 48, award="tap_the_lao_dong_tien_tien", recipient="tap_the", unit="count",
           period="2022", after="Trong năm 2022")
    rows = findings(warehouse(tmp_path, d), "conflict_within_doc")
    assert [(r["expected"], r["observed"], r["severity"]) for r in rows] == [(46.0, 48.0, "warning")]
    assert "46" in rows[0]["message"] and "48" in rows[0]["message"] and len(rows[0]["fact_ids"]) == 2


def test_same_value_restated_is_not_a_conflict(tmp_path):
    later = "Trong năm 2022, toàn huyện có 46 Tập thể lao động tiên tiến được công nhận."
    d = report("001.txt", S2022, later, issued_year=2022)
    award_facts(d, S2022, "2022")
    d.fact("46", "award.count", 46, award="tap_the_lao_dong_tien_tien", recipient="tap_the", unit="count",
           period="2022", after="Trong năm 2022")
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_added_count_is_never_compared_with_the_running_total(tmp_path):
    text = ("Năm 2023, huyện có thêm 02 xã đạt chuẩn nông thôn mới, nâng tổng số lên 08/18 xã. "
            "Lũy kế đến nay toàn huyện có 08/18 xã đạt chuẩn nông thôn mới.")
    d = report("n.txt", text, period="2023", issued_year=2023)
    n = dict(metric="ntm.communes_standard", unit="commune", period="2023")
    d.fact("02 xã", value=2, qualifier="tăng thêm", **n)
    d.fact("08/18", value=8, of_total=18, **n)
    d.fact("08/18", value=8, of_total=18, nth=1, **n)
    assert serious(findings(warehouse(tmp_path, d))) == []


def test_parts_of_a_breakdown_are_not_conflicts(tmp_path):
    text = ("tặng Bằng khen cho 52 tập thể, cụ thể như sau: theo công trạng 12 tập thể; chuyên đề, đột xuất "
            "40 tập thể.")
    d = report("b.txt", text, period="2023", issued_year=2023)
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", recipient="tap_the", period="2023")
    t = d.fact("52", value=52, **bk)
    d.part_of(d.fact("12", value=12, **bk), t)
    d.part_of(d.fact("40", value=40, **bk), t)
    assert serious(findings(warehouse(tmp_path, d))) == []


def cluster_and_district(cluster_value="2", district_value="2"):
    """A cluster report (subject: its communes) and the commune's own report."""
    c = Doc("cum.txt", meta(issuer="Cụm thi đua số 2", district="Hà Trung", province="Thanh Hóa", period="2022",
                            issued_date="2022-12-09", issued_year=2022))
    c.para(f"Đến nay trong Cụm số 2 xã Hà Bắc được tặng {cluster_value} Bằng khen của Chủ tịch UBND tỉnh.")
    c.fact(f"{cluster_value} Bằng", "award.count", float(cluster_value), award="bang_khen_cap_bo_tinh",
           subject="Hà Bắc", subject_level="commune", period="2022", unit="count")
    x = Doc("habac.txt", meta(issuer="UBND xã Hà Bắc", district="Hà Trung", province="Thanh Hóa", period="2022",
                              issued_date="2022-12-20", issued_year=2022))
    x.para(f"Năm 2022, xã Hà Bắc được Chủ tịch UBND tỉnh tặng {district_value} Bằng khen.")
    x.fact(f"{district_value} Bằng", "award.count", float(district_value), award="bang_khen_cap_bo_tinh",
           period="2022", unit="count")
    return c, x


def test_cluster_report_vs_commune_report_agree(tmp_path):
    assert serious(findings(warehouse(tmp_path, *cluster_and_district()))) == []


def test_cluster_report_vs_commune_report_conflict(tmp_path):
    c, x = cluster_and_district("3", "2")
    con = warehouse(tmp_path, c, x)
    rows = findings(con, "conflict_across_docs")
    main = serious(rows)
    assert len(main) == 1
    r = main[0]
    assert r["doc_id"] == x.doc_id and r["other_doc_id"] == c.doc_id      # the later report carries it
    assert (r["observed"], r["expected"]) == (2.0, 3.0)
    mirror = [m for m in rows if m["severity"] == "info"]
    assert [(m["doc_id"], m["observed"]) for m in mirror] == [(c.doc_id, 3.0)]


def test_district_named_differently_and_restated_a_year_later(tmp_path):
    """A 2023 report restating 2022 figures of 'H. Trùng Khánh'."""
    a = report("2022.txt", S2022, issued_year=2022)
    award_facts(a, S2022, "2022")
    b = Doc("2023.txt", meta(period="2023", issued_year=2023, issuer="UBND huyện Trùng Khánh",
                             district="H. Trùng Khánh", province="Cao Bằng"))
    b.para("Năm 2022 toàn huyện có 950 cá nhân Lao động tiên tiến; năm 2023 có 980 cá nhân.")
    b.fact("950", "award.count", 950, award="lao_dong_tien_tien", recipient="ca_nhan", period="2022", unit="count")
    assert serious(findings(warehouse(tmp_path, a, b))) == []
    b2 = Doc("2023b.txt", b.meta).para("Năm 2022 toàn huyện có 905 cá nhân Lao động tiên tiến.")
    b2.fact("905", "award.count", 905, award="lao_dong_tien_tien", recipient="ca_nhan", period="2022", unit="count")
    con = warehouse(tmp_path, a, b2, name="w2.duckdb")
    rows = serious(findings(con, "conflict_across_docs"))
    assert [(r["doc_id"], r["observed"], r["expected"]) for r in rows] == [(b2.doc_id, 905.0, 950.0)]


def test_one_report_in_two_formats_is_not_a_conflict(tmp_path):
    a = report("r.docx", S2022, issued_year=2022, doc_number="/BC-UBND")
    award_facts(a, S2022, "2022")
    b = report("r.pdf", S2022 + " ", issued_year=2022, doc_number="/BC-UBND")
    award_facts(b, S2022, "2022", values={"lao_dong_tien_tienca_nhan": 960})   # a misread in one format
    assert findings(warehouse(tmp_path, a, b), "conflict_across_docs") == []


def test_a_cluster_breakdown_by_commune_against_the_commune_report(tmp_path):
    """Planted p09: the cluster lists "Cẩm Yên: 15 tập thể, 42 cá nhân" under its
    total; the commune's own report says 47 cá nhân."""
    cum = Doc("cum3.txt", meta(issuer="Cụm thi đua số 3", district="Thạch Thất", province="Hà Nội", period="2023",
                               issued_date="2023-12-20", issued_year=2023))
    cum.para("1. Năm 2023, Chủ tịch UBND các xã trong Cụm đã tặng Giấy khen cho 62 tập thể, 186 cá nhân, cụ thể:")
    cum.para("- Cẩm Yên: 15 tập thể, 42 cá nhân;", "list_item")
    gk = dict(metric="award.count", unit="count", award="giay_khen_cap_xa", period="2023")
    t62 = cum.fact("62 tập thể", value=62, recipient="tap_the", **gk)
    t186 = cum.fact("186 cá nhân", value=186, recipient="ca_nhan", **gk)
    cum.part_of(cum.fact("15 tập thể", value=15, recipient="tap_the", subject="Cẩm Yên", subject_level="commune",
                         qualifier="cẩm yên", **gk), t62)
    cum.part_of(cum.fact("42 cá nhân", value=42, recipient="ca_nhan", subject="Cẩm Yên", subject_level="commune",
                         qualifier="cẩm yên", **gk), t186)
    xa = Doc("camyen.txt", meta(issuer="UBND xã Cẩm Yên", district="Thạch Thất", province="Hà Nội", period="2023",
                                issued_date="2023-12-12", issued_year=2023))
    xa.para("Năm 2023, Chủ tịch UBND xã tặng Giấy khen cho 15 tập thể, 47 cá nhân có thành tích xuất sắc.")
    xa.fact("15 tập thể", value=15, recipient="tap_the", **gk)
    xa.fact("47 cá nhân", value=47, recipient="ca_nhan", **gk)
    rows = findings(warehouse(tmp_path, cum, xa), "conflict_across_docs")
    main = serious(rows)
    assert [(r["doc_id"], r["observed"], r["expected"]) for r in main] == [(cum.doc_id, 42.0, 47.0)]
    assert [(r["doc_id"], r["observed"]) for r in rows if r["severity"] == "info"] == [(xa.doc_id, 47.0)]


def test_issuer_named_earlier_in_the_sentence(tmp_path):
    """Planted p08: "- Chủ tịch UBND tỉnh tặng danh hiệu ... cho 07 tập thể; tặng Bằng
    khen cho 09 tập thể, 14 cá nhân." restated a year later as 17 cá nhân."""
    a = Doc("2022.txt", meta(period="2022", issued_year=2022, **TK))
    a.para("- Chủ tịch UBND tỉnh tặng danh hiệu Tập thể lao động xuất sắc cho 07 tập thể; tặng Bằng khen cho 09 "
           "tập thể, 14 cá nhân.", "list_item")
    b = Doc("2023.txt", meta(period="2023", issued_year=2023, **TK))
    b.para("1. Kết quả khen thưởng năm 2022 (đã thực hiện): Chủ tịch UBND tỉnh tặng danh hiệu Tập thể lao động "
           "xuất sắc cho 07 tập thể, tặng Bằng khen cho 09 tập thể và 17 cá nhân.")
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", recipient="ca_nhan", period="2022")
    a.fact("14 cá nhân", value=14, **bk)
    b.fact("17 cá nhân", value=17, **bk)
    rows = serious(findings(warehouse(tmp_path, a, b), "conflict_across_docs"))
    assert [(r["doc_id"], r["observed"], r["expected"]) for r in rows] == [(b.doc_id, 17.0, 14.0)]


def test_bang_khen_of_ministries_and_of_the_province_are_two_figures(tmp_path):
    """Genre g04/g12: Bằng khen of ministries and of the province chairman share a code."""
    d = report("x.txt", "Chủ tịch UBND tỉnh tặng Bằng khen cho 386 tập thể, 812 cá nhân.",
               "Các bộ, ngành, đoàn thể Trung ương tặng Bằng khen cho 67 tập thể, 129 cá nhân thuộc tỉnh.",
               period="2023", issued_year=2023)
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", period="2023")
    d.fact("386", value=386, recipient="tap_the", **bk)
    d.fact("67", value=67, recipient="tap_the", **bk)
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_a_department_report_is_about_the_department(tmp_path):
    """The education office's own Lao động tiên tiến are not the district's."""
    a = report("ubnd.txt", "Năm 2022 toàn huyện có 950 cá nhân Lao động tiên tiến.", issued_year=2022)
    a.fact("950", "award.count", 950, award="lao_dong_tien_tien", recipient="ca_nhan", period="2022", unit="count")
    b = Doc("pgd.txt", meta(issuer="Phòng Giáo dục và Đào tạo huyện Trùng Khánh", district="Trùng Khánh",
                            province="Cao Bằng", period="2022", issued_year=2022))
    b.para("Năm học 2022, toàn ngành có 312 cá nhân Lao động tiên tiến.")
    b.fact("312", "award.count", 312, award="lao_dong_tien_tien", recipient="ca_nhan", period="2022", unit="count")
    assert findings(warehouse(tmp_path, a, b), "conflict_across_docs") == []


def test_start_and_end_of_year_are_two_figures(tmp_path):
    d = report("p.txt", "Đầu năm 2023 toàn huyện có 1.120 hộ nghèo.",
               "Kết quả rà soát cuối năm 2023, toàn huyện còn 945 hộ nghèo.", period="2023", issued_year=2023)
    d.fact("1.120", "poverty.poor_households", 1120, unit="household", period="2023")
    d.fact("945", "poverty.poor_households", 945, unit="household", period="2023")
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


# --- what counts as one figure restated (blind-set lessons, own wording) --------------------------
def test_restatement_shapes():
    """A slip keeps the shape of the figure: one digit changed, two adjacent digits
    swapped, or a close value; unrelated values and small counts are not slips."""
    from pipeline.checks.base import FactRow
    from pipeline.checks.conflicts import looks_restated

    def f(v, raw=None):
        return FactRow(fact_id="x", doc_id="d", value=float(v), raw=raw or str(v))
    for a, b in ((1136, 1126), (114, 112), (1254, 1245), (321, 318), (5241, 5214), (263, 236), (14, 17),
                 (47, 42)):
        assert looks_restated(f(a), f(b)) and looks_restated(f(a), f(b), within=False), (a, b)
    assert looks_restated(f(33.59, "33,59"), f(33.95, "33,95"))
    for a, b in ((2911, 1136), (7612, 6775), (272, 186), (6, 87), (18, 214), (38, 2)):
        assert not looks_restated(f(a), f(b)), (a, b)
    assert not looks_restated(f(2), f(3)) and not looks_restated(f(8), f(6))
    assert looks_restated(f(2), f(3), within=False)          # across reports a small count is still compared


def test_small_counts_of_one_award_code_are_not_compared(tmp_path):
    d = report("x.txt", "Năm 2023, Chủ tịch UBND tỉnh tặng Bằng khen cho 02 tập thể có thành tích đột xuất.",
               "Về công tác phòng, chống thiên tai, Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể.",
               period="2023", issued_year=2023)
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", recipient="tap_the", period="2023")
    d.fact("02 tập thể", value=2, **bk)
    d.fact("03 tập thể", value=3, **bk)
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_granter_named_in_the_sentence_and_not_read_by_the_rules(tmp_path):
    """A company's report: the minister's and the corporation director's Bằng khen
    share a code; the rules read the granter of only one of them."""
    d = Doc("cty.txt", meta(period="2023", issued_year=2023, issuer="Công ty TNHH MTV Điện lực Hòa Bình"))
    d.para("Năm qua, đơn vị được tặng Bằng khen của Bộ trưởng Bộ Công Thương: 12 cá nhân có thành tích xuất sắc.")
    d.para("Ngoài ra, Bằng khen của Tổng Giám đốc Tổng công ty được trao cho 13 cá nhân.")
    bk = dict(metric="award.count", unit="count", award="bang_khen_cap_bo_tinh", recipient="ca_nhan", period="2023")
    d.fact("12 cá nhân", value=12, granter="Bộ trưởng", **bk)
    d.fact("13 cá nhân", value=13, **bk)
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_two_rows_of_one_table_are_two_figures(tmp_path):
    d = report("q.txt", "Kết quả khen thưởng theo quý như sau:", period="2023", issued_year=2023)
    d.table([["Quý", "Giấy khen tập thể"], ["Quý I", "21"], ["Quý II", "12"]])
    gk = dict(unit="count", award="giay_khen_cap_huyen", recipient="tap_the", period="2023")
    d.cell_fact(0, 1, 1, "award.count", 21, **gk)
    d.cell_fact(0, 2, 1, "award.count", 12, **gk)
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_labelled_items_of_one_list_are_different_figures(tmp_path):
    d = report("l.txt", "- Sơ kết phong trào “Xanh - Sạch - Đẹp”: 13 tập thể;",
               "- Hội thi văn nghệ quần chúng năm 2023: 31 tập thể;", period="2023", issued_year=2023)
    gk = dict(metric="award.count", unit="count", award="giay_khen_cap_huyen", recipient="tap_the", period="2023")
    d.fact("13 tập thể", value=13, **gk)
    d.fact("31 tập thể", value=31, **gk)
    assert findings(warehouse(tmp_path, d), "conflict_within_doc") == []


def test_a_cluster_sentence_about_one_district_against_its_table_row(tmp_path):
    """A cluster's table gives each district's Lao động tiên tiến; a later sentence
    that opens with one district restates that district's figure with a slip."""
    c = Doc("cum.txt", meta(issuer="Cụm thi đua số 2", province="Lai Châu", period="2023", issued_year=2023))
    c.table([["TT", "Đơn vị", "Lao động tiên tiến"], ["1", "Huyện Tam Đường", "842"], ["2", "Huyện Sìn Hồ", "1.317"],
             ["", "Cộng", "2.159"]])
    c.para("Huyện Sìn Hồ quan tâm khen thưởng giáo viên cắm bản, năm 2023 đã công nhận 1.371 cá nhân đạt danh hiệu "
           "Lao động tiên tiến.")
    ld = dict(unit="count", award="lao_dong_tien_tien", recipient="ca_nhan", period="2023")
    c.cell_fact(0, 1, 2, "award.count", 842, subject="Huyện Tam Đường", subject_level="district", **ld)
    c.cell_fact(0, 2, 2, "award.count", 1317, subject="Huyện Sìn Hồ", subject_level="district", **ld)
    c.cell_fact(0, 3, 2, "award.count", 2159, **ld)
    c.fact("1.371", "award.count", 1371, **ld)
    rows = findings(warehouse(tmp_path, c), "conflict_within_doc")
    assert [(r["expected"], r["observed"]) for r in rows] == [(1317.0, 1371.0)]


def test_a_headline_restating_a_total_whose_form_is_not_named(tmp_path):
    """'... khen thưởng 570 cá nhân' in the headline, 571 in the body: one figure stated two ways;
    two totals of the body whose form is not named are not compared."""
    import subprocess, sys
    from pathlib import Path
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "tin.txt").write_text(
        "Tỉnh khen thưởng 570 cá nhân tiêu biểu\n\n10:20 | 12/06/2019\n\n"
        "Tại lễ kỷ niệm, UBND tỉnh khen thưởng 17 tập thể và 571 cá nhân tiêu biểu.\n\n"
        "Trước đó, các huyện đã khen thưởng 520 cá nhân.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    tdkt = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())"]
    subprocess.run(tdkt + ["ingest", str(inbox), "--db", str(db), "-q"], check=True)
    subprocess.run(tdkt + ["check", "--db", str(db)], check=True, capture_output=True)
    import duckdb
    rows = duckdb.connect(str(db), read_only=True).execute(
        "SELECT expected, observed FROM findings WHERE check_code = 'conflict_within_doc'").fetchall()
    assert rows == [(570.0, 571.0)]


def _news_page(name: str, sentence: str, value: int, source: str) -> Doc:
    d = Doc(name, meta(doc_type="other", province="Gia Lai"))
    d.para(sentence)
    d.fact(str(value), metric="ntm.communes_standard", unit="commune", subject="Gia Lai", subject_level="province",
           value=value, period="2021", period_source=source)
    return d


def test_running_totals_of_two_news_pages_dated_only_by_their_text_are_two_moments(tmp_path):
    """Own wording: two articles of one year, each 'đến nay'; written at the figure, the year makes them one."""
    a = _news_page("a.txt", "Tính đến nay, toàn tỉnh có 66 xã đạt chuẩn nông thôn mới.", 66, "present")
    b = _news_page("b.txt", "Lũy kế toàn tỉnh có 69 xã đạt chuẩn nông thôn mới.", 69, "lede")
    assert findings(warehouse(tmp_path, a, b), "conflict_across_docs") == []
    c = _news_page("c.txt", "Hết năm 2021, toàn tỉnh có 69 xã đạt chuẩn nông thôn mới.", 69, "clause")
    d = _news_page("d.txt", "Hết năm 2021, toàn tỉnh có 66 xã đạt chuẩn nông thôn mới.", 66, "clause")
    assert len(serious(findings(warehouse(tmp_path, c, d, name="w2.duckdb"), "conflict_across_docs"))) == 1
