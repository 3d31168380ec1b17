-- Undo of V26: drops ix_events_retracted_at without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS ix_events_retracted_at;
