-- v_awards: awards per district (or cluster / commune) x period x award x recipient.
--
-- Granted awards only (status NULL or granted), totals only (parts of a
-- breakdown are summed into their total already).  Within one report, a figure
-- stated several times counts once, and a figure given only by its parts
-- (theo công trạng ..., chuyên đề ...) is their sum.  Across reports the latest
-- report's figure is `awards`; n_reports and n_values show how many reports
-- stated it and how many different values they gave (n_values > 1: see
-- findings conflict_across_docs).
CREATE OR REPLACE VIEW v_awards AS
WITH base AS (
    SELECT *
    FROM v_facts
    WHERE metric = 'award.count' AND coalesce(status, 'granted') = 'granted' AND parent_fact_id IS NULL
      AND coalesce(bound, '=') IN ('=', '')
), per_q AS (
    SELECT doc_id, doc_date, doc_ingested_at, doc_path, province_2025, province, district_key, district, unit_level,
           unit_name, period_resolved AS period, year, award, recipient, coalesce(qualifier, '') AS q,
           max(value) AS value, list(fact_id) AS fact_ids
    FROM base
    GROUP BY ALL
), per_doc AS (
    SELECT doc_id, doc_date, doc_ingested_at, doc_path, province_2025, province, district_key, district, unit_level,
           unit_name, period, year, award, recipient,
           coalesce(max(value) FILTER (WHERE q = ''), sum(value)) AS value,
           flatten(list(fact_ids)) AS fact_ids
    FROM per_q
    GROUP BY ALL
)
SELECT province_2025, province, district, unit_level, unit_name, period, year, award, recipient,
       arg_max(value, (doc_date, doc_ingested_at, doc_id)) AS awards,
       count(DISTINCT doc_id) AS n_reports,
       count(DISTINCT value) AS n_values,
       min(value) AS min_value,
       max(value) AS max_value,
       arg_max(doc_path, (doc_date, doc_ingested_at, doc_id)) AS source_path,
       flatten(list(fact_ids)) AS fact_ids
FROM per_doc
GROUP BY province_2025, province, district_key, district, unit_level, unit_name, period, year, award, recipient;
