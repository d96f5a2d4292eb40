-- v_compare: districts ranked on a metric within a period, normalized per unit
-- where it means something, with the mean of the districts of the same
-- (2025) province for comparison.  Long format: one row per metric x period x
-- district.
--   merit_awards_per_1000_ldtt  awards other than Lao động tiên tiến and the văn hóa titles, per 1 000 LĐTT
--   awards_per_1000_ldtt        every award counted, per 1 000 LĐTT
--   cstd_pct_of_ldtt            Chiến sĩ thi đua cơ sở as % of Lao động tiên tiến (Cao Bằng caps it at 15)
--   poverty_rate                poor households, % (lower is better)
--   near_poor_rate              near-poor households, % (lower is better)
--   ntm_communes_pct            communes meeting the NTM standard, % of the district's communes
-- rank: 1 = highest value; rank_best: 1 = best (lowest for poverty).
CREATE OR REPLACE VIEW v_compare AS
WITH m AS (
    SELECT 'merit_awards_per_1000_ldtt' AS metric, province_2025, province, district, period, year,
           awards_merit AS value, lao_dong_tien_tien AS base, merit_awards_per_1000_ldtt AS normalized,
           false AS lower_is_better
    FROM v_district_scorecard
    UNION ALL
    SELECT 'awards_per_1000_ldtt', province_2025, province, district, period, year, awards_total,
           lao_dong_tien_tien, round(1000.0 * awards_total / nullif(lao_dong_tien_tien, 0), 1), false
    FROM v_district_scorecard
    UNION ALL
    SELECT 'cstd_pct_of_ldtt', province_2025, province, district, period, year, chien_si_thi_dua_co_so,
           lao_dong_tien_tien, cstd_pct_of_ldtt, false
    FROM v_district_scorecard
    UNION ALL
    SELECT 'poverty_rate', province_2025, province, district, period, year, poor_rate, implied_households,
           poor_rate, true
    FROM v_district_scorecard
    UNION ALL
    SELECT 'near_poor_rate', province_2025, province, district, period, year, near_poor_rate, implied_households,
           near_poor_rate, true
    FROM v_district_scorecard
    UNION ALL
    SELECT 'ntm_communes_pct', province_2025, province, district, period, year, communes_standard,
           communes_total, ntm_communes_pct, false
    FROM v_district_scorecard
), v AS (
    SELECT * FROM m WHERE normalized IS NOT NULL
)
SELECT metric, period, year, province_2025, province, district, value, base, normalized,
       round(avg(normalized) OVER (PARTITION BY metric, period, province_2025), 2) AS province_mean,
       round(normalized - avg(normalized) OVER (PARTITION BY metric, period, province_2025), 2) AS vs_province_mean,
       count(*) OVER (PARTITION BY metric, period, province_2025) AS districts_in_province,
       rank() OVER (PARTITION BY metric, period ORDER BY normalized DESC) AS rank,
       rank() OVER (PARTITION BY metric, period
                    ORDER BY CASE WHEN lower_is_better THEN normalized ELSE -normalized END) AS rank_best,
       lower_is_better
FROM v;
