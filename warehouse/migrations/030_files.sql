-- 030: every path an ingest has seen, so the office can prove a file was received and
-- say what became of it.  `documents` stays one row per distinct content; a path points
-- at its content through doc_id.  Written by warehouse/files.py at the end of each run.
CREATE TABLE files (
    path          VARCHAR PRIMARY KEY,   -- absolute, as found (links not resolved; bytes that are not UTF-8 as \xNN)
    doc_id        VARCHAR,               -- the content read from it; NULL when nothing could be read
    kind          VARCHAR,               -- file, folder, symlink, other
    status        VARCHAR,               -- the content's documents.status, or duplicate, ignored, failed, gone
    reason        VARCHAR,               -- why, in Vietnamese, when status is not ok
    duplicate_of  VARCHAR,               -- status duplicate: the path documents.path names for the same bytes
    size_bytes    BIGINT,
    mtime         TIMESTAMP,
    first_seen    TIMESTAMP,
    last_seen     TIMESTAMP,
    last_run_id   VARCHAR,
    stat_key      VARCHAR                -- device:inode:size:mtime_ns:ctime_ns when last hashed
);
