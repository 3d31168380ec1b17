-- Undo of V14: drops idx_events_outlet_cred without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_events_outlet_cred;
