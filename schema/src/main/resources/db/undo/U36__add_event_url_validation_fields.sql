-- Undo of V36: drops the url_* columns of events (019_url_validation).
-- Brings the catalog back to exactly its state before V36.

-- lint:ignore destructive reason: undo of V36, removes the column V36 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS url_error;
-- lint:ignore destructive reason: undo of V36, removes the column V36 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS url_is_valid;
-- lint:ignore destructive reason: undo of V36, removes the column V36 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS url_status_code;
-- lint:ignore destructive reason: undo of V36, removes the column V36 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS url_validated_at;
