-- Undo of V38: drops idx_events_url_validated_at without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_events_url_validated_at;
