-- Undo of V41: drops idx_expert_predictions_signpost_date without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_expert_predictions_signpost_date;
