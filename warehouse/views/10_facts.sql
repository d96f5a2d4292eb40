-- v_facts: every fact with its document and the unit it is about resolved.
--
-- unit_level / unit_name: the subject, or (subject NULL) the reporting unit
-- itself: the district of a district's report, the cluster of a cluster report,
-- the commune of a commune's report, the province of a province's report, the
-- issuing body of a department's or a school's report (unit_level 'unit').  district: the district the figure belongs
-- to, one canonical name however it was written (huyện Trùng Khánh, Trùng
-- Khánh, H. Trùng Khánh); province_2025: today's province of the document's
-- (pre-July-2025) province.  period_resolved: the fact's period, else the
-- document's; year: its calendar year (NULL for multi-year periods).  The
-- document's columns are prefixed doc_ (doc_path, doc_issuer, doc_period, ...).
--
-- One report, one reading: only the primary file of each report (v_files) is
-- here (report_id, report_files say which report and how many files it has),
-- with the analysts' corrections applied (corrected, original_value ...; see
-- v_facts_reviewed) and rejected facts left out.  source_role: 'primary' when
-- the figure is about the report's own period (its period is the document's, or
-- it has none of its own), 'secondary' when the report restates another period
-- (a 2023 report giving the 2022 level).  own_unit: the figure is about the
-- reporting unit itself (no subject, or the report's own district).
CREATE OR REPLACE VIEW v_facts AS
WITH d AS (
    SELECT doc_id, documents.path AS doc_path, documents.format AS doc_format, doc_type, doc_number, issuer AS doc_issuer,
           issued_date AS doc_issued_date, issued_year AS doc_issued_year, period AS doc_period,
           province AS doc_province, district AS doc_district, ingested_at AS doc_ingested_at,
           tdkt_doc_level(issuer, district, province) AS doc_level,
           coalesce(issued_date, make_date(coalesce(issued_year, 1900), 12, 31)) AS doc_date
           , v.report_id, v.n_files AS report_files
    FROM documents JOIN v_files v USING (doc_id)
    WHERE documents.status = 'ok' AND v.is_primary
), x AS (
    SELECT f.*, d.* EXCLUDE (doc_id),
           coalesce(f.period, d.doc_period) AS period_resolved,
           CASE WHEN f.period IS NULL OR replace(f.period, ' ', '') = replace(coalesce(d.doc_period, ''), ' ', '')
                THEN 'primary' ELSE 'secondary' END AS source_role,
           (f.subject IS NULL OR tdkt_key(f.subject) = tdkt_key(d.doc_district)) AS own_unit,
           CASE WHEN f.subject IS NULL THEN d.doc_level
                WHEN d.doc_level <> 'cluster' AND tdkt_key(f.subject) = tdkt_key(d.doc_district) THEN d.doc_level
                ELSE coalesce(f.subject_level, 'unit') END AS unit_level,
           CASE WHEN f.subject IS NOT NULL THEN f.subject
                WHEN d.doc_level IN ('cluster', 'unit') THEN d.doc_issuer
                WHEN d.doc_level = 'province' THEN coalesce(d.doc_province, d.doc_issuer)
                ELSE coalesce(d.doc_district, d.doc_issuer) END AS unit_name_raw,
           CASE WHEN f.subject IS NOT NULL AND f.subject_level = 'district' THEN f.subject
                ELSE d.doc_district END AS district_raw
    FROM v_facts_reviewed f JOIN d USING (doc_id)
)
SELECT x.* EXCLUDE (unit_name_raw, district_raw),
       tdkt_year(x.period_resolved) AS year,
       coalesce(pu.name, tdkt_strip_prefix(x.unit_name_raw)) AS unit_name,
       tdkt_key(x.district_raw) AS district_key,
       coalesce(pd.name, tdkt_strip_prefix(x.district_raw)) AS district,
       coalesce(pm.province, tdkt_strip_prefix(x.doc_province)) AS province,
       coalesce(pm.province_2025, pd.province_2025) AS province_2025
FROM x
LEFT JOIN province_2025_map pm ON pm.province_key = tdkt_key(x.doc_province)
LEFT JOIN place_lookup pd ON pd.level = 'district' AND pd.name_key = tdkt_key(x.district_raw)
      AND pd.province_key = coalesce(tdkt_key(x.doc_province), '')
LEFT JOIN place_lookup pu ON pu.level = x.unit_level AND pu.name_key = tdkt_key(x.unit_name_raw)
      AND pu.province_key = coalesce(tdkt_key(x.doc_province), '')
      AND x.unit_level IN ('district', 'commune');
