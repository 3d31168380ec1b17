-- Data: fills events.source_type from evidence_tier (A -> paper, B -> blog, else news) and
-- events.source_domain from the host part of source_url, for rows that have none yet.
-- Original revision: 007_enhance_events (its backfill step). V9 then sets source_type NOT NULL.

UPDATE events
   SET source_type = CASE evidence_tier
                         WHEN 'A' THEN 'paper'::source_type
                         WHEN 'B' THEN 'blog'::source_type
                         ELSE 'news'::source_type
                     END
 WHERE source_type IS NULL;

UPDATE events
   SET source_domain = substring(source_url FROM '://([^/]+)')
 WHERE source_domain IS NULL
   AND source_url LIKE '%://%';
