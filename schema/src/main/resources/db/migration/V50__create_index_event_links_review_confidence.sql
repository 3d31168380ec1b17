-- Partial index for the link review queue ordered by confidence.
-- Original revisions: 024_composite_indexes, built concurrently as in 026_concurrent_rebuild.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_links_review_confidence ON event_signpost_links (needs_review, confidence) WHERE needs_review = true;
