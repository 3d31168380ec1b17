-- Undo of V20: drops events.content_hash (20251020115049).
-- Brings the catalog back to exactly its state before V20.

-- lint:ignore destructive reason: undo of V20, removes the column V20 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS content_hash;
