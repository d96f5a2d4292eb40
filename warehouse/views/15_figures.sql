-- v_figures: one row per unit x period x poverty or nông thôn mới figure, the
-- figure picked from the right source (docs/WORKBENCH.md); v_poverty and v_ntm
-- pivot it.
--
-- Across reports: the report about that period first (source_role 'primary'; a
-- later report restating the level is 'secondary'), then a figure an analyst
-- corrected, then the unit's own report (not a figure another body gives for
-- it), then the latest report.  Within one report: a corrected figure, then the
-- value stated most often, then the last stated.  n_sources: reports stating
-- the figure (one per report, whatever its number of files); n_agree /
-- n_disagree: reports giving the value shown / another one (other_values);
-- source_path, source_doc_id, fact_ids: the file and the facts of the figure
-- shown.  added: a count of what was added in the period (qualifier 'tăng
-- thêm'), never mixed with the running totals.
CREATE OR REPLACE VIEW v_figures AS
WITH base AS (
    SELECT *, coalesce(qualifier, '') = 'tăng thêm' AS added
    FROM v_facts
    WHERE (metric LIKE 'poverty.%' OR metric LIKE 'ntm.%') AND coalesce(status, 'granted') = 'granted'
      AND parent_fact_id IS NULL AND coalesce(bound, '=') IN ('=', '')
      AND (qualifier IS NULL OR qualifier = 'tăng thêm') AND metric <> 'ntm.communes_by_criteria'
      AND scope IS NULL             -- a figure about part of the population (scope, migration 011) is not the unit's
), per_val AS (
    SELECT province_2025, province, district_key, district, unit_level, unit_name, period_resolved AS period, year,
           metric, added, doc_id, report_id, doc_path, doc_date, doc_ingested_at, value,
           max(of_total) AS of_total, count(*) AS times, max(char_start) AS last_pos,
           list(fact_id ORDER BY char_start) AS fact_ids,
           bool_or(source_role = 'primary') AS is_primary, bool_or(corrected) AS corrected, bool_or(own_unit) AS own
    FROM base
    GROUP BY ALL
), per_doc AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT *, row_number() OVER (PARTITION BY province_2025, province, district_key, district, unit_level,
                                                  unit_name, period, year, metric, added, doc_id
                                     ORDER BY corrected DESC, times DESC, last_pos DESC) AS rn
        FROM per_val) WHERE rn = 1
), ranked AS (
    SELECT *,
           first_value(value) OVER w AS shown,
           first_value(of_total) OVER w AS shown_of_total,
           first_value(fact_ids) OVER w AS shown_fact_ids,
           first_value(doc_path) OVER w AS shown_path,
           first_value(doc_id) OVER w AS shown_doc_id,
           first_value(is_primary) OVER w AS shown_primary,
           first_value(corrected) OVER w AS shown_corrected
    FROM per_doc
    WINDOW w AS (PARTITION BY province_2025, province, district_key, district, unit_level, unit_name, period, year,
                              metric, added
                 ORDER BY is_primary DESC, corrected DESC, own DESC, doc_date DESC, doc_ingested_at DESC, doc_id)
)
SELECT province_2025, province, district_key, district, unit_level, unit_name, period, year, metric, added,
       any_value(shown) AS value,
       any_value(shown_of_total) AS of_total,
       CASE WHEN any_value(shown_primary) THEN 'primary' ELSE 'secondary' END AS source_role,
       any_value(shown_corrected) AS corrected,
       count(DISTINCT report_id) AS n_sources,
       count(DISTINCT report_id) FILTER (WHERE value = shown) AS n_agree,
       count(DISTINCT report_id) FILTER (WHERE value <> shown) AS n_disagree,
       list(DISTINCT value ORDER BY value) FILTER (WHERE value <> shown) AS other_values,
       list(DISTINCT report_id) AS report_ids,
       any_value(shown_path) AS source_path,
       any_value(shown_doc_id) AS source_doc_id,
       any_value(shown_fact_ids) AS fact_ids,
       flatten(list(fact_ids)) AS all_fact_ids
FROM ranked
GROUP BY ALL;
