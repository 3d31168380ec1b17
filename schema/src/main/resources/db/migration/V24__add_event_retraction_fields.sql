-- Records when and why an event was retracted, with a link to the evidence.
-- Original revision: 011_add_retraction_fields (its two indexes follow in V25 and V26).

ALTER TABLE events ADD COLUMN IF NOT EXISTS retracted_at timestamptz;
ALTER TABLE events ADD COLUMN IF NOT EXISTS retraction_reason text;
ALTER TABLE events ADD COLUMN IF NOT EXISTS retraction_evidence_url text;
