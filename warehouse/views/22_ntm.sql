-- v_ntm: nông thôn mới per district (or commune / cluster) x period, every
-- figure from the right source (v_figures, docs/WORKBENCH.md): the running
-- totals, and the counts of what was added (qualifier 'tăng thêm') in
-- communes_added / villages_added, never mixed with the totals.
-- Provenance: communes_standard_source / _agree / _disagree, and for the row
-- n_sources, n_disagree, corrected, source_path (of communes_standard, else the
-- first figure), source_paths, fact_ids.
CREATE OR REPLACE VIEW v_ntm AS
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
       max(source_role) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added) AS communes_standard_source,
       max(n_agree) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added) AS communes_standard_agree,
       max(n_disagree) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added) AS communes_standard_disagree,
       length(list_distinct(flatten(list(report_ids)))) AS n_sources,
       count(*) FILTER (WHERE n_disagree > 0) AS n_disagree,
       bool_or(corrected) AS corrected,
       coalesce(max(source_path) FILTER (WHERE metric = 'ntm.communes_standard' AND NOT added), min(source_path))
           AS source_path,
       list_distinct(list(source_path)) AS source_paths,
       flatten(list(fact_ids)) AS fact_ids
FROM v_figures
WHERE metric LIKE 'ntm.%'
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year;
