-- Indexes event_signpost_links by signpost and tier (tier added in V30).
-- Original revision: 016_news_pipeline (p0 and 020 reused the name with other columns; 016's wins).
-- CONCURRENTLY cannot run inside a transaction, so this statement is alone in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_event_signpost_links_signpost_tier ON event_signpost_links (signpost_id, tier);
