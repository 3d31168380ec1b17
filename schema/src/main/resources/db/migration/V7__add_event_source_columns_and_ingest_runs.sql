-- Enhances events with source metadata (source_type, source_domain, content, author, byline,
-- lang, retracted), adds enums source_type and ingest_status and the table ingest_runs.
-- Original revision: 007_enhance_events. source_type starts nullable: data V8 backfills it and
-- V9 sets it NOT NULL.

DO $$ BEGIN CREATE TYPE source_type AS ENUM ('news', 'paper', 'blog', 'leaderboard', 'gov'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE ingest_status AS ENUM ('success', 'fail', 'running'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER TABLE events ADD COLUMN IF NOT EXISTS source_type source_type;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_domain varchar(255);
ALTER TABLE events ADD COLUMN IF NOT EXISTS content_text text;
ALTER TABLE events ADD COLUMN IF NOT EXISTS author varchar(255);
ALTER TABLE events ADD COLUMN IF NOT EXISTS byline varchar(500);
ALTER TABLE events ADD COLUMN IF NOT EXISTS lang varchar(10) DEFAULT 'en';
ALTER TABLE events ADD COLUMN IF NOT EXISTS retracted boolean NOT NULL DEFAULT false;

CREATE TABLE IF NOT EXISTS ingest_runs (
    id               serial        NOT NULL,
    connector_name   varchar(100)  NOT NULL,
    started_at       timestamptz   NOT NULL,
    finished_at      timestamptz,
    status           ingest_status NOT NULL,
    new_events_count integer       NOT NULL DEFAULT 0,
    new_links_count  integer       NOT NULL DEFAULT 0,
    error            text,
    CONSTRAINT ingest_runs_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS idx_ingest_runs_connector ON ingest_runs (connector_name);
CREATE INDEX IF NOT EXISTS idx_ingest_runs_started ON ingest_runs (started_at DESC);
CREATE INDEX IF NOT EXISTS idx_ingest_runs_status ON ingest_runs (status);
