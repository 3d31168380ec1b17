-- Undo of V39: drops idx_events_tier_date_retracted without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_events_tier_date_retracted;
