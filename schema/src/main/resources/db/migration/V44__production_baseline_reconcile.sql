-- Production baseline: the performance indexes (composite, partial, GIN full-text) and the
-- 0..1 range CHECKs (added NOT VALID here, validated in V45).
-- Original revision: 022_production_baseline (reconcile). Existing production databases adopt
-- this version with `flyway baseline`; only fresh databases run it, so its indexes are plain.

-- 022's drop of the embedding columns has nothing to do here (this chain never creates them),
-- and its index_snapshots unique change is done in V2.

-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_tier_published ON events (evidence_tier, published_at DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_retracted_published ON events (retracted, published_at DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_provisional_published ON events (provisional, published_at DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_published_id ON events (published_at DESC, id DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_active ON events (published_at DESC, evidence_tier) WHERE retracted = false;
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_pending_review ON events (ingested_at DESC) WHERE needs_review = true AND retracted = false;
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_title_fts ON events USING gin (to_tsvector('english', title));
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_events_summary_fts ON events USING gin (to_tsvector('english', COALESCE(summary, '')));
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_event_signpost_tier_confidence ON event_signpost_links (tier, confidence DESC) WHERE tier IS NOT NULL;
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_event_signpost_created ON event_signpost_links (created_at DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_event_signpost_signpost_event ON event_signpost_links (signpost_id, event_id);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_sources_domain ON sources (domain);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_index_snapshots_preset_date ON index_snapshots (preset, as_of_date DESC);
-- lint:ignore index-not-concurrent reason: production baseline, only ever run on fresh databases
CREATE INDEX IF NOT EXISTS idx_signposts_roadmap_id ON signposts (roadmap_id) WHERE roadmap_id IS NOT NULL;

-- Range checks on existing tables: NOT VALID now (no full scan under lock), validated in V45.
ALTER TABLE event_signpost_links DROP CONSTRAINT IF EXISTS check_confidence_range;
ALTER TABLE event_signpost_links ADD CONSTRAINT check_confidence_range
    CHECK (confidence >= 0.00 AND confidence <= 1.00) NOT VALID;

ALTER TABLE events_analysis DROP CONSTRAINT IF EXISTS check_significance_score_range;
ALTER TABLE events_analysis ADD CONSTRAINT check_significance_score_range
    CHECK (significance_score IS NULL OR (significance_score >= 0.0 AND significance_score <= 1.0)) NOT VALID;

ALTER TABLE source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_retraction_rate_range;
ALTER TABLE source_credibility_snapshots ADD CONSTRAINT check_retraction_rate_range
    CHECK (retraction_rate >= 0.0 AND retraction_rate <= 1.0) NOT VALID;

ALTER TABLE source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_credibility_score_range;
ALTER TABLE source_credibility_snapshots ADD CONSTRAINT check_credibility_score_range
    CHECK (credibility_score >= 0.0 AND credibility_score <= 1.0) NOT VALID;
