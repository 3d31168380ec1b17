-- Partial index over events whose source_url failed validation (url_is_valid added in V36).
-- Original revision: 019_url_validation.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_url_invalid ON events (url_is_valid) WHERE url_is_valid = false;
