-- 002: who grants an award, as written ("Chủ tịch UBND tỉnh", "Tổng Liên đoàn Lao động Việt Nam").
-- Several issuers share one award code (bang_khen_cap_bo_tinh covers a ministry, a central mass
-- organisation and the province chairman); the granter tells their figures apart.
ALTER TABLE facts ADD COLUMN granter VARCHAR;
