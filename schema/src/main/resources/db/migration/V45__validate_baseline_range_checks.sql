-- Validates the four 0..1 range CHECKs that V44 added NOT VALID; VALIDATE scans each table
-- without blocking reads or writes. Original revision: 022_production_baseline (its CHECKs).

ALTER TABLE event_signpost_links VALIDATE CONSTRAINT check_confidence_range;
ALTER TABLE events_analysis VALIDATE CONSTRAINT check_significance_score_range;
ALTER TABLE source_credibility_snapshots VALIDATE CONSTRAINT check_retraction_rate_range;
ALTER TABLE source_credibility_snapshots VALIDATE CONSTRAINT check_credibility_score_range;
