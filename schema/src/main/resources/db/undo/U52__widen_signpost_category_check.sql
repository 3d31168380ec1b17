-- Undo of V52: restores the original four-category check_signpost_category, validated,
-- as V1 made it (029_update_category). Fails while signposts use the newer categories.

ALTER TABLE IF EXISTS signposts DROP CONSTRAINT IF EXISTS check_signpost_category;
ALTER TABLE IF EXISTS signposts ADD CONSTRAINT check_signpost_category
    CHECK (category IN ('capabilities', 'agents', 'inputs', 'security'));
