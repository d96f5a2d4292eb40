-- 021: what an analyst said about a finding or a fact.  Rows are only ever added
-- (the latest review of a target wins); nothing here is rewritten by ingest or
-- check, so verdicts and corrections survive `ingest --force` and rules upgrades.
--   target_kind 'finding': action 'confirmed' or 'false_alarm'
--   target_kind 'fact':    action 'correct' (value/period/award/recipient/subject) or 'reject'
-- anchor_json: what the target was when reviewed (metric, raw figure, sentence,
-- offsets, check, facts ...), so the review finds its target again when ids change.
CREATE TABLE reviews (
    review_id    VARCHAR PRIMARY KEY,
    target_kind  VARCHAR,
    target_id    VARCHAR,
    action       VARCHAR,
    value        DOUBLE,
    period       VARCHAR,
    award        VARCHAR,
    recipient    VARCHAR,
    subject      VARCHAR,
    note         VARCHAR,
    reviewer     VARCHAR,
    source       VARCHAR,          -- cli, xlsx, site
    anchor_json  VARCHAR,
    created_at   TIMESTAMP
);

-- Where each review points now (rewritten by pipeline/reviews.py after every
-- ingest, check and review command): state 'ok' (its id is there), 'moved' (found
-- again by its anchor: the id changed), 'orphaned' (nothing matches any more).
CREATE TABLE review_links (
    review_id   VARCHAR PRIMARY KEY,
    current_id  VARCHAR,
    state       VARCHAR,
    detail      VARCHAR,
    linked_at   TIMESTAMP
);
