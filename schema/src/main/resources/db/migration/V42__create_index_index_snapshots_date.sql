-- Indexes index_snapshots newest first, for the latest-snapshot lookups.
-- Original revision: 20251029_p0_indexes (p0_composite_indexes).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_index_snapshots_date ON index_snapshots (as_of_date DESC);
