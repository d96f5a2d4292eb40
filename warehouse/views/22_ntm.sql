-- v_ntm: nông thôn mới per district (or commune / cluster) x period, the latest
-- report's running totals (counts of what was added, qualifier 'tăng thêm', are
-- in communes_added / villages_added, never mixed with the totals).
CREATE OR REPLACE VIEW v_ntm AS
WITH base AS (
    SELECT *, coalesce(qualifier, '') = 'tăng thêm' AS added
    FROM v_facts
    WHERE metric LIKE 'ntm.%' AND coalesce(status, 'granted') = 'granted' AND parent_fact_id IS NULL
      AND coalesce(bound, '=') IN ('=', '') AND (qualifier IS NULL OR qualifier = 'tăng thêm')
      AND (metric <> 'ntm.communes_by_criteria')
), latest AS (
    SELECT province_2025, province, district_key, district, unit_level, unit_name, period_resolved AS period, year,
           metric, added,
           arg_max(value, (doc_date, doc_ingested_at, doc_id, char_start)) AS value,
           arg_max(of_total, (doc_date, doc_ingested_at, doc_id, char_start)) AS of_total,
           arg_max(doc_path, (doc_date, doc_ingested_at, doc_id)) AS source_path
    FROM base
    GROUP BY ALL
)
SELECT province_2025, province, district, unit_level, unit_name, period, year,
       max(value) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added) AS communes_standard,
       max(of_total) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added) AS communes_total,
       max(value) FILTER (WHERE metric = 'ntm.communes_advanced' AND NOT added) AS communes_advanced,
       max(value) FILTER (WHERE metric = 'ntm.communes_model' AND NOT added) AS communes_model,
       max(value) FILTER (WHERE metric = 'ntm.villages_standard' AND NOT added) AS villages_standard,
       max(of_total) FILTER (WHERE metric = 'ntm.villages_standard' AND NOT added) AS villages_total,
       max(value) FILTER (WHERE metric = 'ntm.villages_model' AND NOT added) AS villages_model,
       max(value) FILTER (WHERE metric = 'ntm.avg_criteria' AND NOT added) AS avg_criteria,
       max(value) FILTER (WHERE metric = 'ntm.criteria_met' AND NOT added) AS criteria_met,
       max(value) FILTER (WHERE metric = 'ntm.districts_standard' AND NOT added) AS districts_standard,
       max(value) FILTER (WHERE metric LIKE 'ntm.communes%' AND added) AS communes_added,
       max(value) FILTER (WHERE metric LIKE 'ntm.villages%' AND added) AS villages_added,
       min(source_path) AS source_path
FROM latest
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year;
