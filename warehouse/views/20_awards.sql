-- v_awards: awards per district (or cluster / commune) x period x award x recipient.
--
-- Granted awards only (status NULL or granted), totals only (parts of a
-- breakdown are summed into their total already).  Within one report, a figure
-- stated several times counts once, and a figure given only by its parts
-- (theo công trạng ..., chuyên đề ...) is their sum.
--
-- One figure per question, from the right source (docs/WORKBENCH.md): across
-- reports, `awards` is the figure of the report about that period (source_role
-- 'primary'; a later report restating it is 'secondary'), then the one an
-- analyst corrected, then the unit's own report, then the latest.  n_sources:
-- reports stating the figure (each report once, whatever its number of files);
-- n_agree / n_disagree: how many of them give the value shown / another value;
-- other_values: those other values.  fact_ids, source_path, source_doc_id: the
-- facts and the file of the figure shown; all_fact_ids: every report's facts.
-- kind: 'commendation', or 'culture_title' for Gia đình / Thôn / Cơ quan văn hóa
-- (households and villages: counted apart, never added to commendations).
-- n_reports, n_values, min_value, max_value: as before (n_reports = n_sources).
CREATE OR REPLACE VIEW v_awards AS
WITH base AS (
    SELECT *
    FROM v_facts
    WHERE metric = 'award.count' AND coalesce(status, 'granted') = 'granted' AND parent_fact_id IS NULL
      AND coalesce(bound, '=') IN ('=', '')
), per_q AS (
    SELECT doc_id, report_id, doc_date, doc_ingested_at, doc_path, province_2025, province, district_key, district,
           unit_level, unit_name, period_resolved AS period, year, award, recipient, coalesce(qualifier, '') AS q,
           max(value) AS value, list(fact_id ORDER BY char_start) AS fact_ids,
           bool_or(source_role = 'primary') AS is_primary, bool_or(corrected) AS corrected, bool_or(own_unit) AS own
    FROM base
    GROUP BY ALL
), per_doc AS (
    SELECT doc_id, report_id, doc_date, doc_ingested_at, doc_path, province_2025, province, district_key, district,
           unit_level, unit_name, period, year, award, recipient,
           coalesce(max(value) FILTER (WHERE q = ''), sum(value)) AS value,
           flatten(list(fact_ids)) AS fact_ids,
           bool_or(is_primary) AS is_primary, bool_or(corrected) AS corrected, bool_or(own) AS own
    FROM per_q
    GROUP BY ALL
), ranked AS (
    SELECT *,
           first_value(value) OVER w AS shown,
           first_value(fact_ids) OVER w AS shown_fact_ids,
           first_value(doc_path) OVER w AS shown_path,
           first_value(doc_id) OVER w AS shown_doc_id,
           first_value(is_primary) OVER w AS shown_primary,
           first_value(corrected) OVER w AS shown_corrected
    FROM per_doc
    WINDOW w AS (PARTITION BY province_2025, province, district_key, district, unit_level, unit_name, period, year,
                              award, recipient
                 ORDER BY is_primary DESC, corrected DESC, own DESC, doc_date DESC, doc_ingested_at DESC, doc_id)
)
SELECT province_2025, province, district, unit_level, unit_name, period, year, award, recipient,
       CASE WHEN tdkt_culture_title(award) THEN 'culture_title' ELSE 'commendation' END AS kind,
       any_value(shown) AS awards,
       CASE WHEN any_value(shown_primary) THEN 'primary' ELSE 'secondary' END AS source_role,
       any_value(shown_corrected) AS corrected,
       count(DISTINCT report_id) AS n_sources,
       count(DISTINCT report_id) FILTER (WHERE value = shown) AS n_agree,
       count(DISTINCT report_id) FILTER (WHERE value <> shown) AS n_disagree,
       list(DISTINCT value ORDER BY value) FILTER (WHERE value <> shown) AS other_values,
       count(DISTINCT report_id) AS n_reports,
       count(DISTINCT value) AS n_values,
       min(value) AS min_value,
       max(value) AS max_value,
       any_value(shown_path) AS source_path,
       any_value(shown_doc_id) AS source_doc_id,
       any_value(shown_fact_ids) AS fact_ids,
       flatten(list(fact_ids)) AS all_fact_ids
FROM ranked
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year, award, recipient;
