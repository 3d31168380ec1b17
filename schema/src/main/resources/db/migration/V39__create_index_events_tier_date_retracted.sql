-- Composite partial index for listing live events by tier and date.
-- Original revision: 20251029_p0_indexes (p0_composite_indexes).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_tier_date_retracted ON events (evidence_tier, published_at DESC, retracted) WHERE retracted = false;
