-- Undo of V4: drops roadmap_predictions.signpost_code (004_roadmap_predictions).
-- Brings the catalog back to exactly its state before V4.

-- lint:ignore destructive reason: undo of V4, removes the column V4 added
ALTER TABLE IF EXISTS roadmap_predictions DROP COLUMN IF EXISTS signpost_code;
