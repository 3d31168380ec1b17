-- Makes events.outlet_cred NOT NULL, now that data V12 has filled it for existing rows.
-- Original revision: 008_add_outlet_cred_and_link_type (its final SET NOT NULL).

ALTER TABLE events ALTER COLUMN outlet_cred SET NOT NULL;
