-- Adds rich content: roadmap author/date/source/summary, signpost short explainer and icon,
-- and the tables roadmap_predictions, signpost_content and pace_analysis.
-- Original revision: 003_add_rich_content.

ALTER TABLE roadmaps ADD COLUMN IF NOT EXISTS author varchar(255);
ALTER TABLE roadmaps ADD COLUMN IF NOT EXISTS published_date date;
ALTER TABLE roadmaps ADD COLUMN IF NOT EXISTS source_url text;
ALTER TABLE roadmaps ADD COLUMN IF NOT EXISTS summary text;

ALTER TABLE signposts ADD COLUMN IF NOT EXISTS short_explainer text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS icon_emoji varchar(10);

-- Left out on purpose in the three tables below: the ix_<table>_id indexes (duplicate the PKs).
CREATE TABLE IF NOT EXISTS roadmap_predictions (
    id               serial      NOT NULL,
    roadmap_id       integer     NOT NULL,
    signpost_id      integer,
    prediction_text  text        NOT NULL,
    predicted_date   date,
    confidence_level varchar(20) NOT NULL,
    source_page      text,
    notes            text,
    created_at       timestamptz DEFAULT now(),
    CONSTRAINT roadmap_predictions_pkey PRIMARY KEY (id),
    CONSTRAINT roadmap_predictions_roadmap_id_fkey FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id),
    CONSTRAINT roadmap_predictions_signpost_id_fkey FOREIGN KEY (signpost_id) REFERENCES signposts (id),
    CONSTRAINT check_confidence_level CHECK (confidence_level IN ('high', 'medium', 'low'))
);
CREATE INDEX IF NOT EXISTS idx_roadmap_predictions_roadmap ON roadmap_predictions (roadmap_id);
CREATE INDEX IF NOT EXISTS idx_roadmap_predictions_signpost ON roadmap_predictions (signpost_id);

CREATE TABLE IF NOT EXISTS signpost_content (
    id                    serial      NOT NULL,
    signpost_id           integer     NOT NULL,
    why_matters           text,
    current_state         text,
    key_papers            jsonb,
    key_announcements     jsonb,
    technical_explanation text,
    updated_at            timestamptz DEFAULT now(),
    CONSTRAINT signpost_content_pkey PRIMARY KEY (id),
    CONSTRAINT signpost_content_signpost_id_key UNIQUE (signpost_id),
    CONSTRAINT signpost_content_signpost_id_fkey FOREIGN KEY (signpost_id) REFERENCES signposts (id)
);
CREATE INDEX IF NOT EXISTS idx_signpost_content_signpost ON signpost_content (signpost_id);

CREATE TABLE IF NOT EXISTS pace_analysis (
    id            serial      NOT NULL,
    signpost_id   integer     NOT NULL,
    roadmap_id    integer     NOT NULL,
    analysis_text text        NOT NULL,
    last_updated  timestamptz DEFAULT now(),
    CONSTRAINT pace_analysis_pkey PRIMARY KEY (id),
    CONSTRAINT uq_pace_analysis_signpost_roadmap UNIQUE (signpost_id, roadmap_id),
    CONSTRAINT pace_analysis_roadmap_id_fkey FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id),
    CONSTRAINT pace_analysis_signpost_id_fkey FOREIGN KEY (signpost_id) REFERENCES signposts (id)
);
CREATE INDEX IF NOT EXISTS idx_pace_analysis_roadmap ON pace_analysis (roadmap_id);
CREATE INDEX IF NOT EXISTS idx_pace_analysis_signpost ON pace_analysis (signpost_id);
