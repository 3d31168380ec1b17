-- Undo of V33: drops idx_event_signpost_links_signpost_tier without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_event_signpost_links_signpost_tier;
