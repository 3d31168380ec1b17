-- Undo of V23: drops prediction_accuracy and expert_predictions (20251020115051).
-- Brings the catalog back to exactly its state before V23.

-- lint:ignore destructive reason: undo of V23, removes the table V23 created
DROP TABLE IF EXISTS prediction_accuracy;
-- lint:ignore destructive reason: undo of V23, removes the table V23 created
DROP TABLE IF EXISTS expert_predictions;
