-- Makes index_snapshots unique per (preset, as_of_date) instead of per as_of_date, so each
-- preset can have its own snapshot for a day.
-- Original revisions: 502dc116251e (fix_index_snapshots_unique_constraint) and step 4 of
-- 022_production_baseline, which gave the constraint its final name uq_snapshots_preset_date.

-- index_snapshots holds one row per preset per day, so building this small unique index inside
-- the migration's transaction is fine.
ALTER TABLE index_snapshots DROP CONSTRAINT IF EXISTS uq_snapshots_preset_date;
ALTER TABLE index_snapshots ADD CONSTRAINT uq_snapshots_preset_date UNIQUE (preset, as_of_date);

-- Left out on purpose: 502d's index_snapshots_as_of_date_preset_key (as_of_date, preset), which
-- only duplicates uq_snapshots_preset_date.
-- lint:ignore destructive reason: the story replaces the per-day unique with the per-preset-and-day one; dropping a constraint loses no data
ALTER TABLE index_snapshots DROP CONSTRAINT IF EXISTS index_snapshots_as_of_date_key;
