-- v_district_scorecard: one wide row per district x period (district-level
-- figures only: a district's own reports, or figures whose subject is the
-- district): award totals and the main titles, poverty, nông thôn mới, and the
-- findings raised on the district's reports of that period.
--
-- awards_total, awards_tap_the, awards_ca_nhan count commendations only:
-- Gia đình / Thôn / Cơ quan văn hóa titles are in culture_households,
-- culture_villages, culture_units, never added to them.  Every figure comes
-- from v_awards / v_poverty / v_ntm (the right source, docs/WORKBENCH.md);
-- awards_disagree / awards_secondary count the award figures some report gives
-- differently / taken from a report restating them, *_source_path and
-- *_fact_ids say where the poverty and NTM figures come from.  n_reports: the
-- district's reports of the period (copies of one report count once);
-- findings_error / findings_warning: findings on them, per report, leaving out
-- those an analyst marked as a false alarm.
-- district_scorecard(y): the same for one calendar year.
CREATE OR REPLACE VIEW v_district_scorecard AS
WITH a AS (
    SELECT province_2025, province, district, period, year,
           sum(awards) FILTER (WHERE kind = 'commendation') AS awards_total,
           sum(awards) FILTER (WHERE recipient = 'tap_the' AND kind = 'commendation') AS awards_tap_the,
           sum(awards) FILTER (WHERE recipient = 'ca_nhan' AND kind = 'commendation') AS awards_ca_nhan,
           sum(awards) FILTER (WHERE award = 'gia_dinh_van_hoa') AS culture_households,
           sum(awards) FILTER (WHERE award = 'thon_van_hoa') AS culture_villages,
           sum(awards) FILTER (WHERE award = 'co_quan_van_hoa') AS culture_units,
           sum(awards) FILTER (WHERE award = 'lao_dong_tien_tien') AS lao_dong_tien_tien,
           sum(awards) FILTER (WHERE award = 'chien_si_thi_dua_co_so') AS chien_si_thi_dua_co_so,
           sum(awards) FILTER (WHERE award = 'tap_the_lao_dong_xuat_sac') AS tap_the_lao_dong_xuat_sac,
           sum(awards) FILTER (WHERE award = 'bang_khen_cap_bo_tinh') AS bang_khen_cap_bo_tinh,
           sum(awards) FILTER (WHERE award = 'giay_khen_cap_huyen') AS giay_khen_cap_huyen,
           sum(awards) FILTER (WHERE award LIKE 'huan_chuong%' OR award = 'bang_khen_thu_tuong'
                               OR award = 'co_thi_dua_chinh_phu') AS awards_state_level,
           sum(awards) FILTER (WHERE award NOT IN ('lao_dong_tien_tien', 'tap_the_lao_dong_tien_tien')
                               AND kind = 'commendation') AS awards_merit,
           count(*) FILTER (WHERE n_disagree > 0) AS awards_disagree,
           count(*) FILTER (WHERE source_role = 'secondary') AS awards_secondary,
           flatten(list(fact_ids)) AS awards_fact_ids
    FROM v_awards
    WHERE unit_level = 'district'
    GROUP BY ALL
), p AS (
    SELECT province_2025, province, district, period, year, poor_households, poor_rate, near_poor_households,
           near_poor_rate, multidim_rate, implied_households, poor_rate_source, poor_rate_disagree, poor_rate_corrected,
           source_path AS poverty_source_path, fact_ids AS poverty_fact_ids
    FROM v_poverty
    WHERE unit_level = 'district'
), n AS (
    SELECT province_2025, province, district, period, year, communes_standard, communes_total, communes_advanced,
           communes_model, villages_model, avg_criteria, communes_standard_source,
           source_path AS ntm_source_path, fact_ids AS ntm_fact_ids
    FROM v_ntm
    WHERE unit_level = 'district'
), k AS (
    SELECT DISTINCT province_2025, province, district, period, year FROM a
    UNION SELECT province_2025, province, district, period, year FROM p
    UNION SELECT province_2025, province, district, period, year FROM n
), fnd AS (
    SELECT tdkt_key(d.province) AS pk, tdkt_key(d.district) AS dk, d.period,
           count(*) FILTER (WHERE f.severity = 'error') AS findings_error,
           count(*) FILTER (WHERE f.severity = 'warning') AS findings_warning,
           count(DISTINCT v.report_id) AS reports_with_findings
    FROM findings f JOIN documents d USING (doc_id) JOIN v_files v USING (doc_id)
    LEFT JOIN v_finding_reviews r ON r.finding_id = f.finding_id
    WHERE r.verdict IS DISTINCT FROM 'false_alarm'
    GROUP BY ALL
), rep AS (
    SELECT tdkt_key(province) AS pk, tdkt_key(district) AS dk, period, count(*) AS n_reports
    FROM v_reports
    GROUP BY ALL
)
SELECT k.province_2025, k.province, k.district, k.period, k.year,
       a.* EXCLUDE (province_2025, province, district, period, year),
       round(1000.0 * a.awards_merit / nullif(a.lao_dong_tien_tien, 0), 1) AS merit_awards_per_1000_ldtt,
       round(100.0 * a.chien_si_thi_dua_co_so / nullif(a.lao_dong_tien_tien, 0), 2) AS cstd_pct_of_ldtt,
       p.* EXCLUDE (province_2025, province, district, period, year),
       n.* EXCLUDE (province_2025, province, district, period, year),
       round(100.0 * n.communes_standard / nullif(n.communes_total, 0), 1) AS ntm_communes_pct,
       coalesce(rep.n_reports, 0) AS n_reports,
       coalesce(fnd.findings_error, 0) AS findings_error,
       coalesce(fnd.findings_warning, 0) AS findings_warning
FROM k
LEFT JOIN a USING (province_2025, province, district, period, year)
LEFT JOIN p USING (province_2025, province, district, period, year)
LEFT JOIN n USING (province_2025, province, district, period, year)
LEFT JOIN fnd ON fnd.pk = tdkt_key(k.province) AND fnd.dk = tdkt_key(k.district) AND fnd.period = k.period
LEFT JOIN rep ON rep.pk = tdkt_key(k.province) AND rep.dk = tdkt_key(k.district) AND rep.period = k.period;

CREATE OR REPLACE MACRO district_scorecard(y) AS TABLE
    SELECT * FROM v_district_scorecard WHERE year = y ORDER BY province_2025, province, district;
