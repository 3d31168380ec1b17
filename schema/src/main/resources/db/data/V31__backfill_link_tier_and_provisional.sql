-- Data: copies each event's outlet_cred onto its links' tier where tier is still empty, then
-- marks A-tier links as not provisional (A-tier evidence needs no corroboration).
-- Original revision: 016_news_pipeline (its two UPDATEs; see README for the provisional one).

UPDATE event_signpost_links AS l
   SET tier = e.outlet_cred
  FROM events AS e
 WHERE l.event_id = e.id
   AND l.tier IS NULL;

-- 016 meant this rule but wrote it as WHERE provisional IS NULL, which never matches a
-- NOT NULL column; here it is applied as intended.
UPDATE event_signpost_links
   SET provisional = false
 WHERE tier = 'A'
   AND provisional;
