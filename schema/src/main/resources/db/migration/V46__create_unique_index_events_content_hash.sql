-- Unique partial index on events.content_hash (added in V20): one event per article content.
-- Original revision: 023_unique_dedup (add_unique_dedup_hash); its dedup_hash twin is left out.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_events_content_hash_unique ON events (content_hash) WHERE content_hash IS NOT NULL;
