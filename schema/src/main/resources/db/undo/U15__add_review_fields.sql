-- Undo of V15: drops the review columns and the enum review_status (009_add_review_fields).
-- Brings the catalog back to exactly its state before V15.

-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS impact_estimate;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS rejection_reason;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS review_status;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS reviewed_at;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS needs_review;

-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS flag_reason;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS rejection_reason;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS review_status;
-- lint:ignore destructive reason: undo of V15, removes the column V15 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS reviewed_at;

-- lint:ignore destructive reason: undo of V15, removes the enum type V15 created
DROP TYPE IF EXISTS review_status;
