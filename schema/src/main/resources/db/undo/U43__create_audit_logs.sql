-- Undo of V43: drops audit_logs (20251029_p1_audit_log).
-- Brings the catalog back to exactly its state before V43.

-- lint:ignore destructive reason: undo of V43, removes the table V43 created
DROP TABLE IF EXISTS audit_logs;
