-- Composite partial index for A/B-tier events by date.
-- Original revisions: 024_composite_indexes, built concurrently as in 026_concurrent_rebuild.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_category_date ON events (evidence_tier, published_at DESC) WHERE evidence_tier IN ('A', 'B');
