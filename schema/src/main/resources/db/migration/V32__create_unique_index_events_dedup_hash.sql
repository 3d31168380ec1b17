-- Unique partial index on events.dedup_hash (added in V30): ingestion relies on it to reject duplicates.
-- Original revision: 016_news_pipeline (023_dedup_hash_unique's identical index is left out).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_events_dedup_hash ON events (dedup_hash) WHERE dedup_hash IS NOT NULL;
