-- 001: the core tables of SPEC.md plus what the pipeline needs to stay idempotent.

CREATE TABLE documents (
    doc_id        VARCHAR PRIMARY KEY,   -- sha256 of the file's bytes
    path          VARCHAR,               -- where it was last seen
    format        VARCHAR,
    status        VARCHAR,               -- ok, failed, needs_ocr, empty, unsupported
    error         VARCHAR,
    doc_type      VARCHAR,
    doc_number    VARCHAR,
    title         VARCHAR,
    issuer        VARCHAR,
    place         VARCHAR,
    issued_date   DATE,
    issued_year   INTEGER,
    period        VARCHAR,
    province      VARCHAR,
    district      VARCHAR,
    signer        VARCHAR,
    ingested_at   TIMESTAMP,
    -- beyond SPEC.md
    size_bytes       BIGINT,
    pages            INTEGER,
    n_blocks         INTEGER,
    n_facts          INTEGER,
    reader_version   VARCHAR,            -- re-read the file when this changes
    rules_version    VARCHAR,            -- re-run the rules (from stored blocks) when this changes
    run_id           VARCHAR,
    extract_seconds  DOUBLE
);

-- The normalized text every offset points into.
CREATE TABLE document_text (
    doc_id  VARCHAR PRIMARY KEY,
    text    VARCHAR
);

-- The document model, so later stages never re-read files.
CREATE TABLE blocks (
    doc_id       VARCHAR,
    block_index  INTEGER,
    kind         VARCHAR,
    level        INTEGER,
    page         INTEGER,
    char_start   INTEGER,
    char_end     INTEGER,
    table_index  INTEGER,
    bold         BOOLEAN,
    text         VARCHAR,
    cells_json   VARCHAR,    -- tables: [[[text, start, end, col, colspan], ...], ...] per row
    PRIMARY KEY (doc_id, block_index)
);

CREATE TABLE facts (
    fact_id        VARCHAR PRIMARY KEY,
    doc_id         VARCHAR,
    metric         VARCHAR,
    value          DOUBLE,
    of_total       DOUBLE,
    unit           VARCHAR,
    award          VARCHAR,
    recipient      VARCHAR,
    status         VARCHAR,
    period         VARCHAR,
    subject        VARCHAR,
    subject_level  VARCHAR,
    label          VARCHAR,
    qualifier      VARCHAR,
    parent_fact_id VARCHAR,
    text           VARCHAR,
    char_start     INTEGER,
    char_end       INTEGER,
    page           INTEGER,
    rule           VARCHAR,
    -- beyond SPEC.md
    block_index    INTEGER,
    table_index    INTEGER,
    row_index      INTEGER,
    col_index      INTEGER,
    raw            VARCHAR,     -- the figure as written
    bound          VARCHAR,     -- NULL exact; >, >=, <, <=, ~ (about), range
    value_low      DOUBLE,      -- ranges "650-700": the ends
    value_high     DOUBLE,
    stated_percent DOUBLE,      -- the percent written next to a fraction
    confidence     DOUBLE,      -- < 1 when the number reader had to choose
    note           VARCHAR
);

CREATE TABLE honorees (
    honoree_id  VARCHAR PRIMARY KEY,
    doc_id      VARCHAR,
    name        VARCHAR,
    recipient   VARCHAR,
    position    VARCHAR,
    award       VARCHAR,
    period      VARCHAR,
    text        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    page        INTEGER,
    rule        VARCHAR
);

-- Legal documents a report cites.
CREATE TABLE citations (
    citation_id  VARCHAR PRIMARY KEY,
    doc_id       VARCHAR,
    doc_kind     VARCHAR,
    number       VARCHAR,
    issued_date  DATE,
    issuer       VARCHAR,
    canonical    VARCHAR,
    text         VARCHAR,
    char_start   INTEGER,
    char_end     INTEGER,
    page         INTEGER,
    rule         VARCHAR
);

CREATE TABLE findings (
    finding_id    VARCHAR PRIMARY KEY,
    check_code    VARCHAR,
    severity      VARCHAR,
    doc_id        VARCHAR,
    other_doc_id  VARCHAR,
    fact_ids      VARCHAR[],
    expected      DOUBLE,
    observed      DOUBLE,
    message       VARCHAR,
    rule          VARCHAR,
    created_at    TIMESTAMP
);

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    command         VARCHAR,
    args            VARCHAR,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    status          VARCHAR,     -- running, ok, failed
    files_seen      INTEGER,
    files_loaded    INTEGER,
    files_skipped   INTEGER,
    files_failed    INTEGER,
    findings        INTEGER,
    seconds         DOUBLE,
    tdkt_version    VARCHAR,
    error           VARCHAR
);
