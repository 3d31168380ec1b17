-- Composite index for a signpost's expert predictions ordered by date.
-- Original revision: 20251029_p0_indexes (p0_composite_indexes).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_expert_predictions_signpost_date ON expert_predictions (signpost_id, predicted_date);
