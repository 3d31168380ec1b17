-- Partial index on events.retracted_at (added in V24), only over retracted events.
-- Original revision: 011_add_retraction_fields.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_events_retracted_at ON events (retracted_at) WHERE retracted_at IS NOT NULL;
