-- Undo of V53: turns check_signpost_category back into the NOT VALID constraint V52 left;
-- PostgreSQL cannot un-validate a constraint, so it is dropped and re-added NOT VALID.

ALTER TABLE IF EXISTS signposts DROP CONSTRAINT IF EXISTS check_signpost_category;
ALTER TABLE IF EXISTS signposts ADD CONSTRAINT check_signpost_category
    CHECK (category IN ('capabilities', 'agents', 'inputs', 'security',
                        'economic', 'research', 'geopolitical', 'safety_incidents')) NOT VALID;
