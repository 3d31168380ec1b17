-- Undo of V24: drops the retraction columns of events (011_add_retraction_fields).
-- Brings the catalog back to exactly its state before V24.

-- lint:ignore destructive reason: undo of V24, removes the column V24 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS retraction_evidence_url;
-- lint:ignore destructive reason: undo of V24, removes the column V24 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS retraction_reason;
-- lint:ignore destructive reason: undo of V24, removes the column V24 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS retracted_at;
