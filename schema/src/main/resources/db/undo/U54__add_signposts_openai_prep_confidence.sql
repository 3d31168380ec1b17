-- Undo of V54: drops signposts.openai_prep_confidence and its CHECK (030_openai_prep_conf).
-- Brings the catalog back to exactly its state before V54.

-- lint:ignore destructive reason: undo of V54, removes the column V54 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS openai_prep_confidence;
