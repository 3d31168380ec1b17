-- Composite index for a signpost's links, most confident first.
-- Original revisions: 024_composite_indexes, built concurrently as in 026_concurrent_rebuild.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_links_signpost_confidence ON event_signpost_links (signpost_id, confidence DESC) WHERE confidence IS NOT NULL;
