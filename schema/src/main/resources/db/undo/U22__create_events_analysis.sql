-- Undo of V22: drops events_analysis (20251020115050).
-- Brings the catalog back to exactly its state before V22.

-- lint:ignore destructive reason: undo of V22, removes the table V22 created
DROP TABLE IF EXISTS events_analysis;
