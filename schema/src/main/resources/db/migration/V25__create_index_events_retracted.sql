-- Indexes events.retracted (added in V7) for hiding retracted events.
-- Original revision: 011_add_retraction_fields.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_retracted ON events (retracted);
