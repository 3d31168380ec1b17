-- Undo of V58: drops incidents (034_incidents).
-- Brings the catalog back to exactly its state before V58.

-- lint:ignore destructive reason: undo of V58, removes the table V58 created
DROP TABLE IF EXISTS incidents;
