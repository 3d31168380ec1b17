-- Partial index over events whose source_url has been checked (url_validated_at added in V36).
-- Original revision: 019_url_validation.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_url_validated_at ON events (url_validated_at) WHERE url_validated_at IS NOT NULL;
