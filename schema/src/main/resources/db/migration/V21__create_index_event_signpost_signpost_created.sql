-- Indexes event_signpost_links by signpost, newest link first.
-- Original revision: 20251020115049 (phase0_foundations).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_signpost_signpost_created ON event_signpost_links (signpost_id, created_at DESC);
