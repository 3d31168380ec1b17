-- Adds enums outlet_cred and link_type, events.outlet_cred (nullable until data V12 backfills it
-- and V13 sets NOT NULL), events.created_at, event_signpost_links.link_type and created_at.
-- Original revision: 008_add_outlet_cred_and_link_type (and the created_at re-add of
-- 20251020115049, which wanted event_signpost_links.created_at NOT NULL).

DO $$ BEGIN CREATE TYPE outlet_cred AS ENUM ('A', 'B', 'C', 'D'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE link_type AS ENUM ('supports', 'contradicts', 'related'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER TABLE events ADD COLUMN IF NOT EXISTS outlet_cred outlet_cred;
ALTER TABLE events ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();

ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS link_type link_type NOT NULL DEFAULT 'supports';
-- NOT NULL as 20251020115049 intended; the default fills existing rows.
ALTER TABLE event_signpost_links ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();
