-- Creates events_analysis, the LLM-generated summary, impact and significance of an event.
-- Original revision: 20251020115050 (events_analysis).

CREATE TABLE IF NOT EXISTS events_analysis (
    id                    serial           NOT NULL,
    event_id              integer          NOT NULL,
    summary               text,
    relevance_explanation text,
    impact_json           jsonb,
    confidence_reasoning  text,
    significance_score    double precision,
    llm_version           varchar(100),
    generated_at          timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT events_analysis_pkey PRIMARY KEY (id),
    CONSTRAINT events_analysis_event_id_fkey
        FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_events_analysis_event_generated
    ON events_analysis (event_id, generated_at DESC);
