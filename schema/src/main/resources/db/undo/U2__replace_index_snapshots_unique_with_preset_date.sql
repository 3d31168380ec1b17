-- Undo of V2: brings back the per-day unique index_snapshots_as_of_date_key and drops
-- uq_snapshots_preset_date (502dc116251e / 022 step 4). Fails if a day has several presets.

ALTER TABLE IF EXISTS index_snapshots DROP CONSTRAINT IF EXISTS index_snapshots_as_of_date_key;
-- lint:ignore unique-without-index reason: an undo is run by hand on a rolled-back database; index_snapshots holds one row per preset and day
ALTER TABLE IF EXISTS index_snapshots ADD CONSTRAINT index_snapshots_as_of_date_key UNIQUE (as_of_date);
ALTER TABLE IF EXISTS index_snapshots DROP CONSTRAINT IF EXISTS uq_snapshots_preset_date;
