-- Makes events.source_type NOT NULL, now that data V8 has filled it for existing rows.
-- Original revision: 007_enhance_events (its final SET NOT NULL).

ALTER TABLE events ALTER COLUMN source_type SET NOT NULL;
