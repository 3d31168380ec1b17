-- Creates source_credibility_snapshots: a daily retraction rate and Wilson-score credibility
-- per publisher. Original revision: 014_add_source_credibility_snapshots.

CREATE TABLE IF NOT EXISTS source_credibility_snapshots (
    id                serial       NOT NULL,
    publisher         varchar(255) NOT NULL,
    snapshot_date     date         NOT NULL,
    total_articles    integer      NOT NULL,
    retracted_count   integer      NOT NULL DEFAULT 0,
    retraction_rate   numeric(5,4) NOT NULL,
    credibility_score numeric(5,4) NOT NULL,
    credibility_tier  varchar(1)   NOT NULL,
    methodology       varchar(50)  NOT NULL DEFAULT 'wilson_95ci_lower',
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT source_credibility_snapshots_pkey PRIMARY KEY (id),
    CONSTRAINT uq_source_cred_publisher_date UNIQUE (publisher, snapshot_date)
);
CREATE INDEX IF NOT EXISTS idx_source_cred_date ON source_credibility_snapshots (snapshot_date);
CREATE INDEX IF NOT EXISTS idx_source_cred_publisher ON source_credibility_snapshots (publisher);
CREATE INDEX IF NOT EXISTS idx_source_cred_publisher_date
    ON source_credibility_snapshots (publisher, snapshot_date);
CREATE INDEX IF NOT EXISTS idx_source_cred_tier ON source_credibility_snapshots (credibility_tier);
