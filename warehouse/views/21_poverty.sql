-- v_poverty: poverty per district (or commune / cluster) x period, one row each,
-- every figure from the right source (v_figures, docs/WORKBENCH.md);
-- implied_households = poor_households / poor_rate (what the count and the rate
-- say the number of households is).
--
-- Provenance: poor_rate_source / poor_households_source ('primary' or
-- 'secondary'), poor_rate_agree / poor_rate_disagree (reports giving the rate
-- shown / another rate), poor_rate_other_values; for the row as a whole
-- n_sources (reports with a poverty figure for it), n_disagree (figures some
-- report gives differently), corrected (a figure shown was corrected by an
-- analyst), source_path (the file of the rate shown, else of the first figure),
-- source_paths and fact_ids (the facts of the figures shown).
CREATE OR REPLACE VIEW v_poverty AS
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
       max(source_role) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate_source,
       max(n_agree) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate_agree,
       max(n_disagree) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate_disagree,
       max(other_values) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate_other_values,
       bool_or(corrected) FILTER (WHERE metric = 'poverty.poor_rate') AS poor_rate_corrected,
       max(source_role) FILTER (WHERE metric = 'poverty.poor_households') AS poor_households_source,
       max(n_agree) FILTER (WHERE metric = 'poverty.poor_households') AS poor_households_agree,
       max(n_disagree) FILTER (WHERE metric = 'poverty.poor_households') AS poor_households_disagree,
       length(list_distinct(flatten(list(report_ids)))) AS n_sources,
       length(list_distinct(flatten(list(report_ids)))) AS n_reports,
       count(*) FILTER (WHERE n_disagree > 0) AS n_disagree,
       bool_or(corrected) AS corrected,
       coalesce(max(source_path) FILTER (WHERE metric = 'poverty.poor_rate'), min(source_path)) AS source_path,
       list_distinct(list(source_path)) AS source_paths,
       flatten(list(fact_ids)) AS fact_ids
FROM v_figures
WHERE metric LIKE 'poverty.%' AND NOT added
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year;
