-- Indexes events.source_type (added in V7) for filtering events by kind of source.
-- Original revision: 007_enhance_events.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_source_type ON events (source_type);
