-- Undo of V46: drops idx_events_content_hash_unique without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_events_content_hash_unique;
