-- Indexes roadmap_predictions.signpost_code (added in V4) for lookups by signpost code.
-- Original revision: 004_roadmap_predictions.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_roadmap_predictions_signpost_code ON roadmap_predictions (signpost_code);
