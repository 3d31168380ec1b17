-- Undo of V42: drops idx_index_snapshots_date without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_index_snapshots_date;
