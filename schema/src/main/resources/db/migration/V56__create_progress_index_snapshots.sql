-- Creates progress_index_snapshots: one 0..100 progress index value per day, with components.
-- Original revision: 032_progress_index (add_progress_index_snapshots).

CREATE TABLE IF NOT EXISTS progress_index_snapshots (
    id            serial       NOT NULL,
    snapshot_date date         NOT NULL,
    value         numeric(6,2) NOT NULL,
    components    jsonb        NOT NULL,
    weights       jsonb,
    created_at    timestamptz  DEFAULT now(),
    CONSTRAINT progress_index_snapshots_pkey PRIMARY KEY (id),
    CONSTRAINT progress_index_snapshots_snapshot_date_key UNIQUE (snapshot_date),
    CONSTRAINT progress_index_snapshots_value_check CHECK (value >= 0 AND value <= 100)
);
CREATE INDEX IF NOT EXISTS idx_progress_index_date_desc ON progress_index_snapshots (snapshot_date DESC);
