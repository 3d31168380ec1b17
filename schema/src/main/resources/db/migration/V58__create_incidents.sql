-- Creates incidents: dated safety incidents with severity 1..5, attack vectors and related
-- signpost codes as text[] (GIN-indexed). Original revision: 034_incidents (add_incidents_table).

CREATE TABLE IF NOT EXISTS incidents (
    id             serial      NOT NULL,
    occurred_at    date        NOT NULL,
    title          text        NOT NULL,
    description    text,
    severity       integer     NOT NULL,
    vectors        text[],
    signpost_codes text[],
    external_url   text,
    source         text,
    created_at     timestamptz DEFAULT now(),
    updated_at     timestamptz DEFAULT now(),
    CONSTRAINT incidents_pkey PRIMARY KEY (id),
    CONSTRAINT incidents_severity_check CHECK (severity >= 1 AND severity <= 5)
);
CREATE INDEX IF NOT EXISTS idx_incidents_occurred_at ON incidents (occurred_at DESC);
CREATE INDEX IF NOT EXISTS idx_incidents_severity ON incidents (severity);
CREATE INDEX IF NOT EXISTS idx_incidents_signpost_codes_gin ON incidents USING gin (signpost_codes);
CREATE INDEX IF NOT EXISTS idx_incidents_vectors_gin ON incidents USING gin (vectors);
