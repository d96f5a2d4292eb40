-- 031: how far a reading can be trusted, and the limit a file was stopped at.
--   vietnamese_score  share of the words that are Vietnamese syllables (pipeline/plausible.py)
--   report_score      share of a report's marks found: motto, number, date, type, issuer, signer, figures
--   limit_hit         'seconds=180', 'memory_mb=1024', 'max_mb.txt=20', 'pdf_pages=1000', 'min_report=0.25' ...:
--                     the file is not read again until it changes, that limit is raised, or --force
-- New documents.status values: not_vietnamese, not_report (no facts kept; error says why).
ALTER TABLE documents ADD COLUMN vietnamese_score DOUBLE;
ALTER TABLE documents ADD COLUMN report_score DOUBLE;
ALTER TABLE documents ADD COLUMN limit_hit VARCHAR;
