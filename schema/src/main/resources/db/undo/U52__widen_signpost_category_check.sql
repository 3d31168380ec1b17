-- Undo of V52: restores the original four-category check_signpost_category, validated,
-- as V1 made it (029_update_category). Fails while signposts use the newer categories.
-- Added NOT VALID, then validated: the row scan then runs under SHARE UPDATE EXCLUSIVE
-- (reads and writes go on) instead of ADD CONSTRAINT's ACCESS EXCLUSIVE.

ALTER TABLE IF EXISTS signposts DROP CONSTRAINT IF EXISTS check_signpost_category;
ALTER TABLE IF EXISTS signposts ADD CONSTRAINT check_signpost_category
    CHECK (category IN ('capabilities', 'agents', 'inputs', 'security')) NOT VALID;
ALTER TABLE IF EXISTS signposts VALIDATE CONSTRAINT check_signpost_category;
