-- Records the result of checking each event's source_url (when, HTTP status, valid, error).
-- Original revision: 019_url_validation (its two partial indexes follow in V37 and V38).

ALTER TABLE events ADD COLUMN IF NOT EXISTS url_validated_at timestamptz;
ALTER TABLE events ADD COLUMN IF NOT EXISTS url_status_code integer;
ALTER TABLE events ADD COLUMN IF NOT EXISTS url_is_valid boolean NOT NULL DEFAULT true;
ALTER TABLE events ADD COLUMN IF NOT EXISTS url_error text;
