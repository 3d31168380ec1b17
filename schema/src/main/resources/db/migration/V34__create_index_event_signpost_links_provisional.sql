-- Partial index over provisional event_signpost_links (provisional added in V30).
-- Original revision: 016_news_pipeline.
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_signpost_links_provisional ON event_signpost_links (provisional) WHERE provisional = true;
