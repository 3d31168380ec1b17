-- Adds events.content_hash, a hash of the article content used for deduplication.
-- Original revision: 20251020115049 (phase0_foundations). Its re-add of
-- event_signpost_links.created_at is already done (NOT NULL) in V11.

-- Left out on purpose: 115049's uq_event_signpost_links_event_signpost UNIQUE (event_id,
-- signpost_id), which only duplicates event_signpost_links_pkey.
ALTER TABLE events ADD COLUMN IF NOT EXISTS content_hash text;
