-- Indexes events.is_synthetic (added in V17) so fixture data can be filtered out.
-- Original revision: 010_add_is_synthetic.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_events_is_synthetic ON events (is_synthetic);
