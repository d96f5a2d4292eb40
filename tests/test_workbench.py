"""The analyst's workbench on a real warehouse (corpus/ plus a second report
restating the first's 2022 figures with one changed, received as four files):
one report per content whatever its number of files, every view gives the
primary figure with its provenance, verdicts and corrections survive
`ingest --force` and `check`, ids are stable, orphaned reviews are reported."""
from __future__ import annotations

import re

import duckdb
import pytest

from conftest import tdkt

TK = "Trùng Khánh"


def q(db, sql, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


def report_of(db, name: str) -> str:
    return q(db, "SELECT report_id FROM v_files WHERE path LIKE ?", f"%{name}%")[0]["report_id"]


def test_copies_of_a_report_are_one_report(workbench_db):
    reports = {r["primary_path"].rsplit("/", 1)[-1]: r for r in q(workbench_db, "SELECT * FROM v_reports")}
    assert len(reports) == 7                       # five seeds, the 2023 and the 2024 report
    tk23 = reports["trung_khanh_2023_ban_word.docx"]
    assert tk23["n_files"] == 4 and sorted(tk23["formats"]) == ["docx", "pdf", "txt"]
    assert {p.rsplit("/", 1)[-1] for p in tk23["paths"]} == {
        "trung_khanh_2023.txt", "trung_khanh_2023_gui_lai.txt", "trung_khanh_2023_ban_word.docx",
        "trung_khanh_2023_ban_in.pdf"}
    assert reports["001_03026f8b928707b4.docx"]["n_files"] == 3
    # the revised figure makes the 2024 report another report, never a copy
    assert reports["trung_khanh_2024.txt"]["n_files"] == 1


def test_a_conflict_appears_once_per_pair_of_reports(workbench_db):
    """001 (3 files) and the 2023 report (4 files) disagree on 2022's Chiến sĩ thi
    đua cơ sở (44 / 45): one warning, on the later report, and one info note on the
    earlier — not 12 pairs of files."""
    rows = q(workbench_db, "SELECT * FROM v_findings WHERE check_code = 'conflict_across_docs' "
                           "AND (expected, observed) IN ((44, 45), (45, 44))")
    assert sorted((r["severity"], r["expected"], r["observed"]) for r in rows) == [("info", 45.0, 44.0),
                                                                                  ("warning", 44.0, 45.0)]
    warn = next(r for r in rows if r["severity"] == "warning")
    assert warn["report_id"] == report_of(workbench_db, "trung_khanh_2023.txt")
    assert warn["other_report_id"] == report_of(workbench_db, "001_03026f8b928707b4.txt")
    # no finding is repeated for a copy: one per check, report pair and values
    keys = [(r["check_code"], r["report_id"], r["other_report_id"], r["rule"], r["expected"], r["observed"],
             r["message"]) for r in q(workbench_db, "SELECT * FROM v_findings")]
    assert len(keys) == len(set(keys))
    on = q(workbench_db, "SELECT DISTINCT v.is_primary FROM findings f JOIN v_files v USING (doc_id)")
    assert on == [{"is_primary": True}]
    # the seeds' findings: each once, though every seed is here as .txt, .docx and .pdf
    seeds = q(workbench_db, "SELECT count(*) AS n FROM findings f JOIN documents d USING (doc_id) "
                            "WHERE d.path LIKE '%/00%' AND f.check_code <> 'conflict_across_docs'")[0]["n"]
    assert seeds == 18


def test_v_awards_gives_the_primary_figure_with_its_provenance(workbench_db):
    r = q(workbench_db, "SELECT * FROM v_awards WHERE district = ? AND year = 2022 AND award = "
                        "'chien_si_thi_dua_co_so' AND recipient = 'ca_nhan'", TK)
    assert len(r) == 1
    r = r[0]
    # the 2022 report says 44; the 2023 report restating it says 45
    assert (r["awards"], r["source_role"], r["n_sources"], r["n_agree"], r["n_disagree"]) == (44, "primary", 2, 1, 1)
    assert r["other_values"] == [45.0]
    assert r["source_path"].endswith("001_03026f8b928707b4.docx")
    shown = q(workbench_db, "SELECT f.value, d.path FROM facts f JOIN documents d USING (doc_id) "
                            "WHERE list_contains(?, f.fact_id)", r["fact_ids"])
    assert shown and all(s["value"] == 44 and s["path"] == r["source_path"] for s in shown)
    ldtt = q(workbench_db, "SELECT * FROM v_awards WHERE district = ? AND year = 2022 AND award = "
                           "'lao_dong_tien_tien'", TK)[0]
    assert (ldtt["awards"], ldtt["n_sources"], ldtt["n_agree"], ldtt["n_disagree"]) == (950, 2, 2, 0)


def test_v_poverty_prefers_the_report_about_the_year(workbench_db):
    rows = {r["year"]: r for r in q(workbench_db, "SELECT * FROM v_poverty WHERE district = ?", TK)}
    # 2023: 29,80 % in the 2023 report; the 2024 report restates it as 28,90 %
    r = rows[2023]
    assert (r["poor_rate"], r["poor_rate_source"], r["poor_rate_agree"], r["poor_rate_disagree"]) == \
        (29.8, "primary", 1, 1)
    assert r["poor_rate_other_values"] == [28.9] and r["source_path"].endswith("trung_khanh_2023_ban_word.docx")
    assert rows[2024]["poor_rate"] == 26.4
    assert rows[2023]["implied_households"] == pytest.approx(5120 / 0.298, abs=1)


def test_cultural_titles_are_counted_apart(workbench_db):
    r = q(workbench_db, "SELECT * FROM v_district_scorecard WHERE district = ? AND year = 2023", TK)[0]
    assert r["culture_households"] == 8950
    assert r["awards_total"] == 982 + 47 + 52 + 118          # commendations only
    assert r["n_reports"] == 1                                # four files, one report
    kinds = {x["award"]: x["kind"] for x in q(workbench_db, "SELECT DISTINCT award, kind FROM v_awards")}
    assert kinds["gia_dinh_van_hoa"] == "culture_title" and kinds["lao_dong_tien_tien"] == "commendation"
    c = q(workbench_db, "SELECT value FROM v_compare WHERE metric = 'awards_per_1000_ldtt' AND district = ? "
                        "AND year = 2023", TK)[0]
    assert c["value"] == 982 + 47 + 52 + 118


def ids(db):
    facts = {r["fact_id"] for r in q(db, "SELECT fact_id FROM facts")}
    findings = {r["finding_id"] for r in q(db, "SELECT finding_id FROM findings")}
    return facts, findings


def test_the_excel_round_trip_survives_reingest_and_check(tmp_path, workbench_copy, workbench_inbox):
    """Export the findings to Excel, mark the conflict a false alarm with a note in
    the sheet, import it; ingest --force and check keep it marked and out of the
    listing.  A corrected poverty rate shows in v_poverty, marked, and survives too."""
    from openpyxl import load_workbook
    db = workbench_copy
    before = ids(db)
    xlsx = tmp_path / "findings.xlsx"
    tdkt("export", "findings", "--db", db, "--format", "xlsx", "--out", xlsx)
    wb = load_workbook(xlsx)
    ws = wb.active
    head = [c.value for c in ws[1]]
    assert head[:5] == ["finding_id", "check_code", "severity", "verdict", "ghi_chu"]
    target = None
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "conflict_across_docs" and row[2].value == "warning" and row[head.index("expected")].value == 44:
            row[3].value, row[4].value, target = "báo động giả", "45 là số đã sửa sau khi rà soát", row[0].value
    assert target
    wb.save(xlsx)
    r = tdkt("review", "import", xlsx, "--db", db)
    assert "1 đánh giá mới" in r.stdout

    poverty_fact = q(db, "SELECT f.fact_id FROM facts f JOIN v_files v USING (doc_id) WHERE v.is_primary AND "
                         "f.metric = 'poverty.poor_rate' AND f.value = 29.8")[0]["fact_id"]
    r = tdkt("review", "correct", poverty_fact, "--value", "29,5", "--note", "theo biểu 01", "--db", db)
    assert "đã sửa số liệu" in r.stdout

    tdkt("ingest", "--force", workbench_inbox, "--db", db, "-q")
    out = tdkt("check", "--db", db, "--list").stdout
    assert ids(db) == before                                    # same ids after re-reading every file
    assert target not in out and "1 phát hiện đã được đánh dấu báo động giả" in out
    assert re.search(r"conflict_across_docs +0 +1 +2 ", out)    # the other conflict (2023 poverty) stays
    v = q(db, "SELECT verdict, ghi_chu FROM v_findings WHERE finding_id = ?", target)[0]
    assert v == {"verdict": "false_alarm", "ghi_chu": "45 là số đã sửa sau khi rà soát"}
    p = q(db, "SELECT poor_rate, poor_rate_corrected, corrected FROM v_poverty WHERE district = ? AND year = 2023",
          TK)[0]
    assert p == {"poor_rate": 29.5, "poor_rate_corrected": True, "corrected": True}
    f = q(db, "SELECT value, original_value, corrected, review_note FROM v_facts WHERE fact_id = ?", poverty_fact)[0]
    assert f == {"value": 29.5, "original_value": 29.8, "corrected": True, "review_note": "theo biểu 01"}
    assert "false_alarm" not in tdkt("check", "--db", db).stdout
    assert target in tdkt("check", "--db", db, "--list", "--all").stdout
    states = {r["state"] for r in q(db, "SELECT state FROM review_links")}
    assert states == {"ok"}


def test_reviews_follow_their_target_or_are_reported_orphaned(workbench_copy):
    db = workbench_copy
    # a correction made on the .pdf copy applies to the report's primary file
    pdf_fact = q(db, "SELECT f.fact_id FROM facts f JOIN documents d USING (doc_id) WHERE d.path LIKE "
                     "'%ban_in.pdf' AND f.metric = 'poverty.poor_households'")[0]["fact_id"]
    tdkt("review", "correct", pdf_fact, "--value", "5.121", "--db", db)
    assert q(db, "SELECT poor_households FROM v_poverty WHERE district = ? AND year = 2023", TK)[0][
        "poor_households"] == 5121
    link = q(db, "SELECT state, current_id FROM review_links")[0]
    assert link["state"] == "moved" and link["current_id"] != pdf_fact
    # a rules upgrade that reads the figure as another metric: the review is orphaned, kept, and reported
    rej = q(db, "SELECT f.fact_id FROM facts f JOIN v_files v USING (doc_id) WHERE v.is_primary AND "
                "f.metric = 'award.count' AND f.value = 982")[0]["fact_id"]
    tdkt("review", "reject", rej, "--note", "thử", "--db", db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE facts SET metric = 'quantity', fact_id = fact_id || '-x' WHERE fact_id = ?", [rej])
    con.close()
    out = tdkt("check", "--db", db).stdout
    assert "1 đánh giá của người dùng không còn tìm thấy" in out
    lst = tdkt("review", "list", "--orphaned", "--db", db).stdout
    assert rej in lst and "orphaned" in lst
    assert q(db, "SELECT count(*) AS n FROM reviews")[0]["n"] == 2


def test_review_commands_explain_bad_input(workbench_copy):
    r = tdkt("review", "mark", "khong-co-ma-nay", "false_alarm", "--db", workbench_copy, ok=False)
    assert r.returncode == 2 and "không có phát hiện nào mang mã" in r.stderr
    fid = q(workbench_copy, "SELECT finding_id FROM findings LIMIT 1")[0]["finding_id"]
    r = tdkt("review", "mark", fid, "có lẽ", "--db", workbench_copy, ok=False)
    assert r.returncode == 2 and "không hiểu kết luận" in r.stderr
    fact = q(workbench_copy, "SELECT fact_id FROM facts LIMIT 1")[0]["fact_id"]
    r = tdkt("review", "correct", fact, "--recipient", "ai_do", "--db", workbench_copy, ok=False)
    assert "đối tượng “ai_do” không hợp lệ" in r.stderr
    r = tdkt("review", "mark", fid[:9], "confirmed", "--db", workbench_copy)
    assert fid in r.stdout


def test_eval_names_the_file_it_scored(workbench_db):
    from conftest import ROOT
    gold = ROOT / "tests" / "data" / "gold_seeds"
    out = tdkt("eval", gold, "--db", workbench_db, "-q").stdout
    assert "001_03026f8b928707b4: " in out and "001_03026f8b928707b4.docx" in out
    assert "per format:" in out and "  pdf   F1 1.000" in out and "  txt   F1 1.000" in out
    out = tdkt("eval", gold, "--db", workbench_db, "--format", "pdf", "-q", "--min-f1", "0.97").stdout
    assert "scoring the .pdf file" in out and "001_03026f8b928707b4.pdf" in out and ".docx" not in out
