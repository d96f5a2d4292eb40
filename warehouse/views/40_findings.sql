-- v_findings: every finding with its document, the other document (cross-document
-- findings) and the source text of the facts involved, so an analyst reads the
-- sentences without opening the files.
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
       f.fact_ids, f.rule, f.doc_id, f.other_doc_id, f.created_at
FROM findings f
LEFT JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN documents o ON o.doc_id = f.other_doc_id
LEFT JOIN province_2025_map pm ON pm.province_key = tdkt_key(d.province);
