-- Undo of V44: drops the baseline's four range CHECKs and its fourteen performance indexes
-- (022_production_baseline). Plain DROP INDEX, like the plain CREATE INDEX it reverses.

ALTER TABLE IF EXISTS source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_credibility_score_range;
ALTER TABLE IF EXISTS source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_retraction_rate_range;
ALTER TABLE IF EXISTS events_analysis DROP CONSTRAINT IF EXISTS check_significance_score_range;
ALTER TABLE IF EXISTS event_signpost_links DROP CONSTRAINT IF EXISTS check_confidence_range;

-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_signposts_roadmap_id;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_index_snapshots_preset_date;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_sources_domain;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_event_signpost_signpost_event;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_event_signpost_created;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_event_signpost_tier_confidence;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_summary_fts;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_title_fts;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_pending_review;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_active;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_published_id;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_provisional_published;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_retracted_published;
-- lint:ignore index-not-concurrent reason: undo of the production baseline, which built these indexes non-concurrently
DROP INDEX IF EXISTS idx_events_tier_published;
