-- Undo of V45: turns the four range CHECKs back into NOT VALID ones (as V44 left them);
-- PostgreSQL cannot un-validate a constraint, so each is dropped and re-added NOT VALID.

ALTER TABLE IF EXISTS event_signpost_links DROP CONSTRAINT IF EXISTS check_confidence_range;
ALTER TABLE IF EXISTS event_signpost_links ADD CONSTRAINT check_confidence_range
    CHECK (confidence >= 0.00 AND confidence <= 1.00) NOT VALID;

ALTER TABLE IF EXISTS events_analysis DROP CONSTRAINT IF EXISTS check_significance_score_range;
ALTER TABLE IF EXISTS events_analysis ADD CONSTRAINT check_significance_score_range
    CHECK (significance_score IS NULL OR (significance_score >= 0.0 AND significance_score <= 1.0)) NOT VALID;

ALTER TABLE IF EXISTS source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_retraction_rate_range;
ALTER TABLE IF EXISTS source_credibility_snapshots ADD CONSTRAINT check_retraction_rate_range
    CHECK (retraction_rate >= 0.0 AND retraction_rate <= 1.0) NOT VALID;

ALTER TABLE IF EXISTS source_credibility_snapshots DROP CONSTRAINT IF EXISTS check_credibility_score_range;
ALTER TABLE IF EXISTS source_credibility_snapshots ADD CONSTRAINT check_credibility_score_range
    CHECK (credibility_score >= 0.0 AND credibility_score <= 1.0) NOT VALID;
