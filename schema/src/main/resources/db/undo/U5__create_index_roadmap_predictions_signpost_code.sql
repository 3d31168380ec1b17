-- Undo of V5: drops idx_roadmap_predictions_signpost_code without blocking writes.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
DROP INDEX CONCURRENTLY IF EXISTS idx_roadmap_predictions_signpost_code;
