-- 003: what the reader could read only in part (scanned pages in a text PDF, a damaged
-- part of a .docx, a .doc read by antiword without tables), one sentence per line.
-- NULL when the file was read in full.  Status stays `ok`: the rest was read.
ALTER TABLE documents ADD COLUMN warnings VARCHAR;
