-- Undo of V48: drops idx_event_links_signpost_confidence without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_event_links_signpost_confidence;
