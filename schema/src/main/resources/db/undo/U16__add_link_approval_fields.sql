-- Undo of V16: drops event_signpost_links.approved_by and approved_at (009a_add_link_approved_at).
-- Brings the catalog back to exactly its state before V16.

-- lint:ignore destructive reason: undo of V16, removes the column V16 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS approved_by;
-- lint:ignore destructive reason: undo of V16, removes the column V16 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS approved_at;
