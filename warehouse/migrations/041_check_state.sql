-- 041 (issue 11): what the findings were computed from, so that a night where nothing
-- changed does not compute them again.  One row per kind of check run ('all').
-- fingerprint: a hash of the checks' code, the rules' version and every readable
-- document with its rules version (pipeline/checks/state.py).
CREATE TABLE check_state (
    name         VARCHAR PRIMARY KEY,
    fingerprint  VARCHAR,
    findings     INTEGER,
    updated_at   TIMESTAMP
);
