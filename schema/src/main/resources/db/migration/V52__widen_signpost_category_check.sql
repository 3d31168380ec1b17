-- Allows four more signpost categories (economic, research, geopolitical, safety_incidents) by
-- replacing check_signpost_category; added NOT VALID here and validated in V53.
-- Original revision: 029_update_category (update_category_constraint).

-- Left out on purpose: 029's uq_signposts_code unique index, a third index on signposts.code
-- next to the signposts_code_key constraint (which forecasts' FK uses).
ALTER TABLE signposts DROP CONSTRAINT IF EXISTS check_signpost_category;
ALTER TABLE signposts ADD CONSTRAINT check_signpost_category
    CHECK (category IN ('capabilities', 'agents', 'inputs', 'security',
                        'economic', 'research', 'geopolitical', 'safety_incidents')) NOT VALID;
