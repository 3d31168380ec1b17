-- Undo of V30: drops event_signpost_links.provisional and tier and events.dedup_hash
-- (016_news_pipeline).

-- lint:ignore destructive reason: undo of V30, removes the column V30 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS provisional;
-- lint:ignore destructive reason: undo of V30, removes the column V30 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS tier;
-- lint:ignore destructive reason: undo of V30, removes the column V30 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS dedup_hash;
