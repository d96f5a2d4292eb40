-- 022: a MinHash of each document's text (word 5-grams), computed once per text,
-- so grouping files into reports (pipeline/reports.py) does not reread every text
-- on every ingest and check.
CREATE TABLE doc_signatures (
    doc_id      VARCHAR PRIMARY KEY,
    text_sha    VARCHAR,        -- sha256 of document_text.text the signature was made from
    n_shingles  INTEGER,
    minhash     UBIGINT[]
);
