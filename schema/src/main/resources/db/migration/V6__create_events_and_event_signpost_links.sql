-- Creates the news-event model: enum evidence_tier and the tables events,
-- event_signpost_links (composite key, cascading FKs) and event_entities.
-- Original revision: 6e2841a56cb2 (add_events_and_event_signpost_links_).

DO $$ BEGIN CREATE TYPE evidence_tier AS ENUM ('A', 'B', 'C', 'D'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE IF NOT EXISTS events (
    id            serial        NOT NULL,
    title         text          NOT NULL,
    summary       text,
    source_url    text          NOT NULL,
    publisher     varchar(255),
    published_at  timestamptz,
    ingested_at   timestamptz   NOT NULL DEFAULT now(),
    evidence_tier evidence_tier NOT NULL,
    provisional   boolean       NOT NULL DEFAULT true,
    parsed        json,
    needs_review  boolean       NOT NULL DEFAULT false,
    CONSTRAINT events_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS idx_events_evidence_tier ON events (evidence_tier);
CREATE INDEX IF NOT EXISTS idx_events_needs_review ON events (needs_review);
CREATE INDEX IF NOT EXISTS idx_events_published_at ON events (published_at DESC);
CREATE INDEX IF NOT EXISTS idx_events_publisher ON events (publisher);

CREATE TABLE IF NOT EXISTS event_signpost_links (
    event_id    integer          NOT NULL,
    signpost_id integer          NOT NULL,
    confidence  double precision NOT NULL,
    rationale   text,
    observed_at timestamptz,
    value       double precision,
    CONSTRAINT event_signpost_links_pkey PRIMARY KEY (event_id, signpost_id),
    CONSTRAINT event_signpost_links_event_id_fkey
        FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
    CONSTRAINT event_signpost_links_signpost_id_fkey
        FOREIGN KEY (signpost_id) REFERENCES signposts (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_event_signpost_signpost_observed
    ON event_signpost_links (signpost_id, observed_at DESC);

CREATE TABLE IF NOT EXISTS event_entities (
    id       serial       NOT NULL,
    event_id integer      NOT NULL,
    type     varchar(100) NOT NULL,
    value    text         NOT NULL,
    CONSTRAINT event_entities_pkey PRIMARY KEY (id),
    CONSTRAINT event_entities_event_id_fkey
        FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_event_entities_event_id ON event_entities (event_id);
