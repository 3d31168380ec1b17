-- Adds roadmap_predictions.signpost_code, so a prediction can name a signpost by its code.
-- Original revision: 004_roadmap_predictions (its index follows in V5, built concurrently).

ALTER TABLE roadmap_predictions ADD COLUMN IF NOT EXISTS signpost_code varchar(100);
