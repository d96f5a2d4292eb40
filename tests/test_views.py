"""The analyst views on a real warehouse: districts written several ways are one
district, pre-2025 provinces map to today's, restated figures count once, and
the comparison ranks districts against their province."""
from __future__ import annotations

import pytest

from pipeline.checks.commands import run_and_record
from test_checks_support import Doc, meta, warehouse

S_AWARDS = ("Kết quả khen thưởng năm 2022: 08 tập thể và 05 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh. "
            "44 Chiến sĩ thi đua cơ sở, 950 cá nhân Lao động tiên tiến.")
S_POOR = "tổng số hộ nghèo 5.858 hộ, tỷ lệ 33,59%; hộ cận nghèo 2.596 hộ, tỷ lệ 14,88%"
S_NTM = "Năm 2022 có thêm 02 xã đạt chuẩn nông thôn mới, lũy kế 08/18 xã đạt chuẩn."


def district_report(name, district, province, *, bk=8, cstd=44, ldtt=950, poor_rate=33.59, restate=False,
                    issuer=None, period="2022"):
    d = Doc(name, meta(issuer=issuer or f"UBND {district}", district=district, province=province, period=period,
                       issued_year=int(period[:4])))
    d.para(S_AWARDS.replace("08 tập thể", f"{bk:02d} tập thể").replace("44", str(cstd)).replace("950", str(ldtt)))
    d.para(S_POOR.replace("33,59", str(poor_rate).replace(".", ",")))
    d.para(S_NTM)
    aw = dict(metric="award.count", unit="count", period=period)
    d.fact(f"{bk:02d} tập thể", value=bk, award="bang_khen_cap_bo_tinh", recipient="tap_the", **aw)
    d.fact("05 cá nhân", value=5, award="bang_khen_cap_bo_tinh", recipient="ca_nhan", **aw)
    d.fact(f"{cstd} Chiến sĩ", value=cstd, award="chien_si_thi_dua_co_so", recipient="ca_nhan", **aw)
    d.fact(f"{ldtt} cá nhân", value=ldtt, award="lao_dong_tien_tien", recipient="ca_nhan", **aw)
    if restate:
        d.para(f"Tổng hợp: {bk:02d} tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh trong năm {period}.")
        d.fact(f"{bk:02d} tập thể", value=bk, award="bang_khen_cap_bo_tinh", recipient="tap_the",
               after="Tổng hợp", **aw)
    d.fact("5.858", "poverty.poor_households", 5858, unit="household", period=period)
    d.fact(str(poor_rate).replace(".", ",") + "%", "poverty.poor_rate", poor_rate, unit="percent", period=period)
    d.fact("2.596", "poverty.near_poor_households", 2596, unit="household", period=period)
    d.fact("14,88%", "poverty.near_poor_rate", 14.88, unit="percent", period=period)
    d.fact("02 xã", "ntm.communes_standard", 2, unit="commune", qualifier="tăng thêm", period=period)
    d.fact("08/18", "ntm.communes_standard", 8, of_total=18, unit="commune", period=period)
    return d


@pytest.fixture
def con(tmp_path):
    docs = [
        district_report("tk.txt", "Trùng Khánh", "Cao Bằng", restate=True, issuer="UBND huyện Trùng Khánh"),
        # a second report of the same district, named differently, stating another value
        district_report("tk2.txt", "H. Trùng Khánh", "Tỉnh Cao Bằng", bk=9, issuer="Phòng Nội vụ huyện Trùng Khánh"),
        district_report("hq.txt", "huyện Hà Quảng", "Cao Bằng", bk=20, cstd=30, ldtt=600, poor_rate=20.0),
        district_report("ty.txt", "Tân Yên", "Bắc Giang", bk=4, cstd=10, ldtt=400, poor_rate=3.5),
    ]
    c = warehouse(tmp_path, *docs)
    run_and_record(c, "check", [])
    yield c
    c.close()


def q(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_views_exist_on_a_fresh_warehouse(tmp_path):
    c = warehouse(tmp_path)
    names = {r[0] for r in c.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"v_facts", "v_awards", "v_poverty", "v_ntm", "v_district_scorecard", "v_findings",
            "v_compare"} <= names
    assert c.execute("SELECT count(*) FROM v_compare").fetchone()[0] == 0


def test_v_facts_resolves_units_and_provinces(con):
    rows = q(con, "SELECT DISTINCT district, province, province_2025, unit_level FROM v_facts ORDER BY district")
    assert rows == [
        {"district": "Hà Quảng", "province": "Cao Bằng", "province_2025": "Cao Bằng", "unit_level": "district"},
        {"district": "Trùng Khánh", "province": "Cao Bằng", "province_2025": "Cao Bằng", "unit_level": "district"},
        {"district": "Tân Yên", "province": "Bắc Giang", "province_2025": "Bắc Ninh", "unit_level": "district"},
    ]


def test_v_awards_counts_a_restatement_once_and_shows_disagreement(con):
    rows = q(con, "SELECT * FROM v_awards WHERE district = 'Trùng Khánh' AND award = 'bang_khen_cap_bo_tinh' "
                  "AND recipient = 'tap_the'")
    assert len(rows) == 1
    r = rows[0]
    assert r["n_reports"] == 2 and r["n_values"] == 2 and (r["min_value"], r["max_value"]) == (8.0, 9.0)
    assert r["year"] == 2022 and r["unit_level"] == "district"


def test_v_poverty_and_v_ntm(con):
    p = q(con, "SELECT * FROM v_poverty WHERE district = 'Tân Yên'")[0]
    assert (p["poor_households"], p["poor_rate"], p["near_poor_rate"]) == (5858.0, 3.5, 14.88)
    assert p["implied_households"] == pytest.approx(167371, abs=1)
    n = q(con, "SELECT * FROM v_ntm WHERE district = 'Hà Quảng'")[0]
    assert (n["communes_standard"], n["communes_total"], n["communes_added"]) == (8.0, 18.0, 2.0)


def test_scorecard_for_a_year(con):
    rows = q(con, "SELECT * FROM district_scorecard(2022)")
    assert [r["district"] for r in rows] == ["Tân Yên", "Hà Quảng", "Trùng Khánh"]
    hq = rows[1]
    assert hq["chien_si_thi_dua_co_so"] == 30 and hq["lao_dong_tien_tien"] == 600 and hq["cstd_pct_of_ldtt"] == 5.0
    assert hq["poor_rate"] == 20.0 and hq["ntm_communes_pct"] == pytest.approx(44.4)


def test_findings_view_carries_source_text(con):
    rows = q(con, "SELECT * FROM v_findings WHERE check_code = 'conflict_across_docs' AND severity <> 'info'")
    assert len(rows) == 1
    r = rows[0]
    assert r["district"] == "Trùng Khánh" and r["other_path"].endswith(("tk.txt", "tk2.txt"))
    assert any("Bằng khen" in t for t in r["source_texts"])


def test_compare_ranks_against_the_province(con):
    rows = q(con, "SELECT * FROM v_compare WHERE metric = 'poverty_rate' AND period = '2022' ORDER BY rank_best")
    assert [r["district"] for r in rows] == ["Tân Yên", "Hà Quảng", "Trùng Khánh"]
    cb = [r for r in rows if r["province_2025"] == "Cao Bằng"]
    assert all(r["province_mean"] == pytest.approx((20.0 + 33.59) / 2, abs=0.01) for r in cb)
    assert rows[0]["lower_is_better"] is True
    c = q(con, "SELECT * FROM v_compare WHERE metric = 'cstd_pct_of_ldtt' AND period = '2022' ORDER BY rank")
    assert [(r["district"], r["normalized"]) for r in c] == [("Hà Quảng", 5.0), ("Trùng Khánh", 4.63),
                                                             ("Tân Yên", 2.5)]


def test_compare_ranking(con):
    from pipeline.compare import ranking
    m, p, rows = ranking(con, "awards")
    assert m == "merit_awards_per_1000_ldtt" and p == "2022" and len(rows) == 3
    m, p, rows = ranking(con, "award:chien_si_thi_dua_co_so", "2022")
    assert rows[0]["district"] == "Hà Quảng" and rows[0]["normalized"] == 50.0
