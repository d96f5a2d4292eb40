-- 020: a report is not a file.  Copies of one report (the same content as .txt,
-- .docx, .pdf and .doc, or sent twice with different bytes) are one report with
-- several files; pipeline/reports.py groups them after every ingest and check.
-- The primary file is the one whose reading the views and checks use.
CREATE TABLE report_files (
    doc_id      VARCHAR PRIMARY KEY,
    report_id   VARCHAR,          -- 'r-' + a content hash of the report's metadata / text
    is_primary  BOOLEAN,
    n_files     INTEGER,          -- files of the report (this one included)
    reason      VARCHAR,          -- why this file is a copy: 'same text', 'same metadata and facts'
    grouped_at  TIMESTAMP
);
