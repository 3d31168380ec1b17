-- Composite index for an event's links, most confident first.
-- Original revisions: 024_composite_indexes, built concurrently as in 026_concurrent_rebuild.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_links_event_confidence ON event_signpost_links (event_id, confidence DESC);
