-- Adds the review workflow: enum review_status and review columns on events and
-- event_signpost_links (needs_review, reviewed_at, review_status, rejection reasons,
-- links.impact_estimate). Original revision: 009_add_review_fields.

DO $$ BEGIN CREATE TYPE review_status AS ENUM ('pending', 'approved', 'rejected', 'flagged'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER TABLE events ADD COLUMN IF NOT EXISTS reviewed_at timestamptz;
ALTER TABLE events ADD COLUMN IF NOT EXISTS review_status review_status;
ALTER TABLE events ADD COLUMN IF NOT EXISTS rejection_reason text;
ALTER TABLE events ADD COLUMN IF NOT EXISTS flag_reason text;

ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS needs_review boolean NOT NULL DEFAULT false;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS reviewed_at timestamptz;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS review_status review_status;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS rejection_reason text;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS impact_estimate numeric(3,2);
