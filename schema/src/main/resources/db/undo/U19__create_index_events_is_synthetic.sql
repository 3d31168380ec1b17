-- Undo of V19: drops ix_events_is_synthetic without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS ix_events_is_synthetic;
