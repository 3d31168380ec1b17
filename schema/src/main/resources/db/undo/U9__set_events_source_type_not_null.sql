-- Undo of V9: makes events.source_type nullable again (007_enhance_events).
-- Brings the catalog back to exactly its state before V9.

ALTER TABLE IF EXISTS events ALTER COLUMN source_type DROP NOT NULL;
