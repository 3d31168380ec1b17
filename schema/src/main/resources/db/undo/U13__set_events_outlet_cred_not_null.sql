-- Undo of V13: makes events.outlet_cred nullable again (008_add_outlet_cred_and_link_type).
-- Brings the catalog back to exactly its state before V13.

ALTER TABLE IF EXISTS events ALTER COLUMN outlet_cred DROP NOT NULL;
