"""quota_violation: the Cao Bằng 15 % rule as data, applied by province."""
from __future__ import annotations

from test_checks_support import Doc, findings, meta, warehouse

# Seed 001: "74 Tập thể lao động tiên tiến, 73 Chiến sĩ thi đua cơ sở (trong đó Người
# lao động trực tiếp đạt 82%), 1015 cá nhân Lao động tiên tiến (trong đó Người lao
# động trực tiếp đạt 92%"  /  "44 Chiến sĩ thi đua cơ sở ..., 950 cá nhân Lao động tiên tiến"
S = ("- Kết quả khen thưởng năm {y}: {t} Tập thể lao động tiên tiến, {c} Chiến sĩ thi đua cơ sở (trong đó Người lao "
     "động trực tiếp đạt 82%), {l} cá nhân Lao động tiên tiến (trong đó Người lao động trực tiếp đạt 92%).")


def doc(province="Cao Bằng", rows=(("2021", 74, 73, 1015), ("2022", 46, 44, 950))):
    d = Doc(f"q-{province}.txt", meta(issuer="UBND huyện Trùng Khánh", district="Trùng Khánh", province=province,
                                      period="2022", issued_year=2022))
    for y, t, c, lv in rows:
        text = S.format(y=y, t=t, c=c, l=lv)
        d.para(text, "list_item")
        aw = dict(metric="award.count", unit="count", period=y, after=text[:30])
        d.fact(f"{c} Chiến sĩ", value=c, award="chien_si_thi_dua_co_so", recipient="ca_nhan", raw=str(c), **aw)
        d.fact(f"{lv} cá nhân", value=lv, award="lao_dong_tien_tien", recipient="ca_nhan", raw=str(lv), **aw)
        d.fact("82%", "award.direct_worker_share", 82, award="chien_si_thi_dua_co_so", unit="percent", period=y,
               after=text[:30])
    return d


def test_seed_001_is_under_the_quota(tmp_path):
    assert findings(warehouse(tmp_path, doc()), "quota_violation") == []


def test_planted_violation(tmp_path):
    rows = findings(warehouse(tmp_path, doc(rows=(("2021", 74, 173, 1015), ("2022", 46, 44, 950)))),
                    "quota_violation")
    assert len(rows) == 1
    r = rows[0]
    assert (r["observed"], r["expected"], r["severity"]) == (173.0, 152.0, "warning")
    assert "17,0%" in r["message"] and "2021" in r["message"] and len(r["fact_ids"]) == 2


def test_other_provinces_are_not_bound(tmp_path):
    rows = findings(warehouse(tmp_path, doc(province="Lạng Sơn", rows=(("2021", 74, 173, 1015),))),
                    "quota_violation")
    assert rows == []


def test_province_written_with_prefix(tmp_path):
    rows = findings(warehouse(tmp_path, doc(province="Tỉnh Cao Bằng", rows=(("2022", 46, 400, 950),))),
                    "quota_violation")
    assert [(r["observed"], r["severity"]) for r in rows] == [(400.0, "error")]
