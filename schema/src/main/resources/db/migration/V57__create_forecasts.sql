-- Creates forecasts: dated forecasts per signpost, keyed by signpost code, with a cascading FK
-- to the unique signposts.code. Original revision: 033_forecasts (add_forecasts_table).

CREATE TABLE IF NOT EXISTS forecasts (
    id            serial       NOT NULL,
    source        text         NOT NULL,
    signpost_code text         NOT NULL,
    timeline      date         NOT NULL,
    confidence    numeric(4,2),
    quote         text,
    url           text,
    created_at    timestamptz  DEFAULT now(),
    updated_at    timestamptz  DEFAULT now(),
    CONSTRAINT forecasts_pkey PRIMARY KEY (id),
    CONSTRAINT fk_forecasts_signpost
        FOREIGN KEY (signpost_code) REFERENCES signposts (code) ON DELETE CASCADE,
    CONSTRAINT forecasts_confidence_check CHECK (confidence >= 0 AND confidence <= 1)
);
CREATE INDEX IF NOT EXISTS idx_forecasts_signpost_timeline ON forecasts (signpost_code, timeline DESC);
CREATE INDEX IF NOT EXISTS idx_forecasts_source ON forecasts (source);
CREATE INDEX IF NOT EXISTS idx_forecasts_timeline ON forecasts (timeline);
