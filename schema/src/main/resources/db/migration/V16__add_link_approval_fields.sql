-- Records who approved an event-signpost link and when.
-- Original revision: 009a_add_link_approved_at.

ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS approved_at timestamptz;
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS approved_by varchar(100);
