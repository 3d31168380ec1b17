-- Undo of V17: drops events.is_synthetic (010_add_is_synthetic).
-- Brings the catalog back to exactly its state before V17.

-- lint:ignore destructive reason: undo of V17, removes the column V17 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS is_synthetic;
