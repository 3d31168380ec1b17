-- Composite partial index for counting live events per tier.
-- Original revision: 20251029_p0_indexes (p0_composite_indexes).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_tier_retracted ON events (evidence_tier, retracted) WHERE retracted = false;
