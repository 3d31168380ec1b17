-- Creates stories: one written weekly story per week_start, with the index change and movers.
-- Original revision: 035_stories (add_stories_table), the head of the original chain.

CREATE TABLE IF NOT EXISTS stories (
    id          serial       NOT NULL,
    week_start  date         NOT NULL,
    week_end    date         NOT NULL,
    title       text         NOT NULL,
    body        text         NOT NULL,
    summary     text,
    index_delta numeric(5,2),
    top_movers  jsonb,
    created_at  timestamptz  DEFAULT now(),
    CONSTRAINT stories_pkey PRIMARY KEY (id),
    CONSTRAINT stories_week_start_key UNIQUE (week_start)
);
CREATE INDEX IF NOT EXISTS idx_stories_week_start ON stories (week_start DESC);
