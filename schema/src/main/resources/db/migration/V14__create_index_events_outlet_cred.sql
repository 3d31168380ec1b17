-- Indexes events.outlet_cred (added in V11) for filtering events by outlet credibility.
-- Original revision: 008_add_outlet_cred_and_link_type.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_outlet_cred ON events (outlet_cred);
