-- 040 (issue 11): what was read by OCR from scanned pages.
-- blocks.ocr_confidence: the recogniser's mean word confidence (0-100) for a block read
-- from an image; NULL for a text layer.  facts.ocr_confidence: the factor (0-1) that
-- lowered the fact's confidence because its block was recognised by OCR; NULL otherwise.
-- documents.ocr_pages / ocr_confidence: the pages recognised (`1-17`, `3-4, 7`), and their mean
-- word confidence (0-100).
ALTER TABLE blocks ADD COLUMN ocr_confidence DOUBLE;
ALTER TABLE facts ADD COLUMN ocr_confidence DOUBLE;
ALTER TABLE documents ADD COLUMN ocr_pages VARCHAR;
ALTER TABLE documents ADD COLUMN ocr_confidence DOUBLE;
