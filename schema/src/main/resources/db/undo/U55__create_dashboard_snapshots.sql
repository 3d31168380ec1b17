-- Undo of V55: drops dashboard_snapshots (031_dashboard_snaps).
-- Brings the catalog back to exactly its state before V55.

-- lint:ignore destructive reason: undo of V55, removes the table V55 created
DROP TABLE IF EXISTS dashboard_snapshots;
