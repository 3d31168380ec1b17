-- Creates dashboard_snapshots, a JSON snapshot of the dashboard per generation time.
-- Original revision: 031_dashboard_snaps (add_dashboard_snapshots).

CREATE TABLE IF NOT EXISTS dashboard_snapshots (
    id           serial      NOT NULL,
    generated_at timestamptz NOT NULL,
    snapshot     jsonb       NOT NULL,
    created_at   timestamptz DEFAULT now(),
    CONSTRAINT dashboard_snapshots_pkey PRIMARY KEY (id),
    CONSTRAINT dashboard_snapshots_generated_at_key UNIQUE (generated_at)
);
CREATE INDEX IF NOT EXISTS idx_dashboard_snapshots_generated_at ON dashboard_snapshots (generated_at DESC);
