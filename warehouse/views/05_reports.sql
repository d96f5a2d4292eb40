-- Reports, reviews and the facts as reviewed: the layer the analyst views and the
-- checks read (see docs/WORKBENCH.md).

-- v_files: every document with the report it belongs to (report_files, migration
-- 020, rewritten by pipeline/reports.py after every ingest and check).  A file
-- not grouped yet, or whose report lost its primary file, counts as primary.
CREATE OR REPLACE VIEW v_files AS
WITH live AS (
    SELECT r.* FROM report_files r JOIN documents d USING (doc_id) WHERE d.status = 'ok'
), has_primary AS (
    SELECT DISTINCT report_id FROM live WHERE is_primary
)
SELECT d.doc_id, d.path, d.format, d.status,
       coalesce(l.report_id, 'r-' || substr(d.doc_id, 1, 16)) AS report_id,
       (l.doc_id IS NULL OR l.is_primary OR hp.report_id IS NULL) AS is_primary,
       coalesce(l.n_files, 1) AS n_files,
       l.reason AS copy_reason
FROM documents d
LEFT JOIN live l USING (doc_id)
LEFT JOIN has_primary hp ON hp.report_id = l.report_id;

-- v_reports: one row per report (readable documents only): its primary file's
-- metadata, and every file that is a copy of it.
CREATE OR REPLACE VIEW v_reports AS
WITH g AS (
    SELECT report_id, count(*) AS n_files,
           list(f.path ORDER BY f.is_primary DESC, f.path) AS paths,
           list(DISTINCT f.format ORDER BY f.format) AS formats,
           list(f.doc_id ORDER BY f.is_primary DESC, f.path) AS doc_ids
    FROM v_files f WHERE f.status = 'ok'
    GROUP BY report_id
)
SELECT g.report_id, d.doc_id AS primary_doc_id, d.path AS primary_path, d.format AS primary_format,
       d.doc_type, d.doc_number, d.title, d.issuer, d.issued_date, d.issued_year, d.period, d.province, d.district,
       d.n_facts, g.n_files, g.formats, g.paths, g.doc_ids
FROM g
JOIN v_files p ON p.report_id = g.report_id AND p.is_primary AND p.status = 'ok'
JOIN documents d ON d.doc_id = p.doc_id;

-- v_reviews: every review (migration 021) with where it points now: state 'ok',
-- 'moved' (found again by its anchor after its id changed), 'orphaned' (its
-- finding or fact is gone), 'unlinked' (not resolved yet).
CREATE OR REPLACE VIEW v_reviews AS
SELECT r.*, coalesce(l.current_id, r.target_id) AS current_id, coalesce(l.state, 'unlinked') AS state,
       l.detail AS link_detail
FROM reviews r LEFT JOIN review_links l USING (review_id);

-- The latest review of each fact / finding (a review row is a complete state).
CREATE OR REPLACE VIEW v_fact_reviews AS
SELECT current_id AS fact_id,
       arg_max(action, (created_at, review_id)) AS action,
       arg_max(value, (created_at, review_id)) AS value,
       arg_max(period, (created_at, review_id)) AS period,
       arg_max(award, (created_at, review_id)) AS award,
       arg_max(recipient, (created_at, review_id)) AS recipient,
       arg_max(subject, (created_at, review_id)) AS subject,
       arg_max(note, (created_at, review_id)) AS note,
       arg_max(reviewer, (created_at, review_id)) AS reviewer,
       max(created_at) AS reviewed_at,
       arg_max(review_id, (created_at, review_id)) AS review_id
FROM v_reviews
WHERE target_kind = 'fact' AND state <> 'orphaned'
GROUP BY current_id;

-- verdict: the latest 'confirmed' / 'false_alarm'; note: the latest note (a
-- 'comment' review adds a note without changing the verdict).
CREATE OR REPLACE VIEW v_finding_reviews AS
SELECT current_id AS finding_id,
       arg_max(action, (created_at, review_id)) FILTER (WHERE action IN ('confirmed', 'false_alarm')) AS verdict,
       arg_max(note, (created_at, review_id)) AS note,
       arg_max(reviewer, (created_at, review_id)) AS reviewer,
       max(created_at) AS reviewed_at,
       arg_max(review_id, (created_at, review_id)) AS review_id
FROM v_reviews
WHERE target_kind = 'finding' AND state <> 'orphaned'
GROUP BY current_id;

-- v_facts_reviewed: the facts table with the analysts' corrections applied
-- (corrected = true, the figure as read in original_value / original_period ...)
-- and rejected facts left out.  The checks read this, so a corrected figure is
-- checked as corrected.
CREATE OR REPLACE VIEW v_facts_reviewed AS
SELECT f.* REPLACE (
           CASE WHEN c.action = 'correct' THEN coalesce(c.value, f.value) ELSE f.value END AS value,
           CASE WHEN c.action = 'correct' THEN coalesce(c.period, f.period) ELSE f.period END AS period,
           CASE WHEN c.action = 'correct' THEN coalesce(c.award, f.award) ELSE f.award END AS award,
           CASE WHEN c.action = 'correct' THEN coalesce(c.recipient, f.recipient) ELSE f.recipient END AS recipient,
           CASE WHEN c.action = 'correct' THEN coalesce(c.subject, f.subject) ELSE f.subject END AS subject,
           CASE WHEN c.action = 'correct' AND c.subject IS NOT NULL AND c.subject IS DISTINCT FROM f.subject
                THEN tdkt_place_level(c.subject) ELSE f.subject_level END AS subject_level),
       coalesce(c.action = 'correct', false) AS corrected,
       CASE WHEN c.action = 'correct' THEN f.value END AS original_value,
       CASE WHEN c.action = 'correct' THEN f.period END AS original_period,
       CASE WHEN c.action = 'correct' THEN f.award END AS original_award,
       CASE WHEN c.action = 'correct' THEN f.recipient END AS original_recipient,
       CASE WHEN c.action = 'correct' THEN f.subject END AS original_subject,
       c.note AS review_note,
       c.review_id
FROM facts f
LEFT JOIN v_fact_reviews c ON c.fact_id = f.fact_id
WHERE c.action IS DISTINCT FROM 'reject';

-- What the checks read: the primary file of each report, its facts as reviewed.
CREATE OR REPLACE VIEW v_check_documents AS
SELECT d.* FROM documents d JOIN v_files f USING (doc_id) WHERE f.is_primary;
