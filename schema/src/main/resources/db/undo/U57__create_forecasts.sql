-- Undo of V57: drops forecasts (033_forecasts).
-- Brings the catalog back to exactly its state before V57.

-- lint:ignore destructive reason: undo of V57, removes the table V57 created
DROP TABLE IF EXISTS forecasts;
