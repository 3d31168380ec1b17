-- News pipeline: events.dedup_hash (deduplication key), event_signpost_links.tier (the event's
-- outlet credibility, copied onto the link) and event_signpost_links.provisional.
-- Original revision: 016_news_pipeline. Data V31 backfills tier; V32-V34 build the indexes.

ALTER TABLE events ADD COLUMN IF NOT EXISTS dedup_hash text;

ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS tier outlet_cred;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS provisional boolean NOT NULL DEFAULT true;
