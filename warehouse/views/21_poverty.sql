-- v_poverty: poverty per district (or commune / cluster) x period, one row each,
-- the latest report's figures; implied_households = poor_households / poor_rate
-- (what the count and the rate say the number of households is).
CREATE OR REPLACE VIEW v_poverty AS
WITH base AS (
    SELECT *
    FROM v_facts
    WHERE metric LIKE 'poverty.%' AND coalesce(status, 'granted') = 'granted' AND parent_fact_id IS NULL
      AND coalesce(bound, '=') IN ('=', '') AND qualifier IS NULL
), latest AS (
    SELECT province_2025, province, district_key, district, unit_level, unit_name, period_resolved AS period, year,
           metric, arg_max(value, (doc_date, doc_ingested_at, doc_id, char_start)) AS value,
           count(DISTINCT doc_id) AS n_reports, arg_max(doc_path, (doc_date, doc_ingested_at, doc_id)) AS source_path
    FROM base
    GROUP BY ALL
)
SELECT province_2025, province, district, unit_level, unit_name, period, year,
       max(value) FILTER (WHERE metric = 'poverty.poor_households') AS poor_households,
       max(value) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate,
       max(value) FILTER (WHERE metric = 'poverty.near_poor_households') AS near_poor_households,
       max(value) FILTER (WHERE metric = 'poverty.near_poor_rate') AS near_poor_rate,
       max(value) FILTER (WHERE metric = 'poverty.multidim_households') AS multidim_households,
       max(value) FILTER (WHERE metric = 'poverty.multidim_rate') AS multidim_rate,
       max(value) FILTER (WHERE metric = 'poverty.poor_rate_reduction') AS poor_rate_reduction,
       max(value) FILTER (WHERE metric = 'poverty.new_poor_households') AS new_poor_households,
       max(value) FILTER (WHERE metric = 'poverty.escaped_households') AS escaped_households,
       round(100.0 * max(value) FILTER (WHERE metric = 'poverty.poor_households')
             / nullif(max(value) FILTER (WHERE metric = 'poverty.poor_rate'), 0)) AS implied_households,
       max(n_reports) AS n_reports,
       min(source_path) AS source_path
FROM latest
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year;
