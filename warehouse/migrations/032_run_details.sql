-- 032: what a run record needs to tell the truth.
--   status: running, ok, failed, interrupted (SIGTERM/SIGINT/SIGHUP), killed (found dead by a later
--           run: kill -9, power cut), refused (another run or an open writer held the warehouse),
--           damaged (the warehouse failed its integrity check; nothing was changed)
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host VARCHAR;
ALTER TABLE runs ADD COLUMN files_duplicate INTEGER;
ALTER TABLE runs ADD COLUMN paths_other INTEGER;
ALTER TABLE runs ADD COLUMN exit_status INTEGER;
