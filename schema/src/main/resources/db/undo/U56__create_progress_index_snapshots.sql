-- Undo of V56: drops progress_index_snapshots (032_progress_index).
-- Brings the catalog back to exactly its state before V56.

-- lint:ignore destructive reason: undo of V56, removes the table V56 created
DROP TABLE IF EXISTS progress_index_snapshots;
