-- Undo of V29: drops source_credibility_snapshots (014_add_source_credibility_snapshots).
-- Brings the catalog back to exactly its state before V29.

-- lint:ignore destructive reason: undo of V29, removes the table V29 created
DROP TABLE IF EXISTS source_credibility_snapshots;
