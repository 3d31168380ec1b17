-- Undo of V49: drops idx_event_links_event_confidence without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_event_links_event_confidence;
