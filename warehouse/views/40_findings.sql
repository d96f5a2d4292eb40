-- v_findings: every finding with its document, the other document (cross-document
-- findings) and the source text of the facts involved, so an analyst reads the
-- sentences without opening the files.  report_id / other_report_id: the
-- reports (copies of one report are one report, so a conflict between two
-- reports is one finding whatever their number of files); verdict ('confirmed',
-- 'false_alarm' or NULL), ghi_chu (the analyst's note), reviewed_at: the latest
-- review (tdkt review mark / import).
CREATE OR REPLACE VIEW v_findings AS
SELECT f.finding_id, f.check_code, f.severity, f.message, f.expected, f.observed,
       d.path, d.issuer, tdkt_strip_prefix(d.district) AS district, d.province,
       pm.province_2025, d.period, d.issued_year,
       o.path AS other_path, o.issuer AS other_issuer,
       (SELECT list(x.text ORDER BY x.char_start) FROM facts x WHERE list_contains(f.fact_ids, x.fact_id))
           AS source_texts,
       (SELECT list(x.label ORDER BY x.char_start) FROM facts x WHERE list_contains(f.fact_ids, x.fact_id))
           AS labels,
       (SELECT list(x.page ORDER BY x.char_start) FROM facts x WHERE list_contains(f.fact_ids, x.fact_id))
           AS pages,
       f.fact_ids, f.rule, f.doc_id, f.other_doc_id, f.created_at,
       vf.report_id, vo.report_id AS other_report_id,
       r.verdict, r.note AS ghi_chu, r.reviewed_at
FROM findings f
LEFT JOIN v_files vf ON vf.doc_id = f.doc_id
LEFT JOIN v_files vo ON vo.doc_id = f.other_doc_id
LEFT JOIN v_finding_reviews r ON r.finding_id = f.finding_id
LEFT JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN documents o ON o.doc_id = f.other_doc_id
LEFT JOIN province_2025_map pm ON pm.province_key = tdkt_key(d.province);
