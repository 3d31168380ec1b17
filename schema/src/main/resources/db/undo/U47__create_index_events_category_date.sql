-- Undo of V47: drops idx_events_category_date without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_events_category_date;
