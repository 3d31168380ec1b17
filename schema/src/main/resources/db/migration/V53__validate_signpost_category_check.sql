-- Validates the widened check_signpost_category that V52 added NOT VALID.
-- Original revision: 029_update_category (update_category_constraint).

ALTER TABLE signposts VALIDATE CONSTRAINT check_signpost_category;
