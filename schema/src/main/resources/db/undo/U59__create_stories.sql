-- Undo of V59: drops stories (035_stories).
-- Brings the catalog back to exactly its state before V59.

-- lint:ignore destructive reason: undo of V59, removes the table V59 created
DROP TABLE IF EXISTS stories;
