-- Creates the first tracker tables: roadmaps, signposts, benchmarks, sources, claims and
-- their join tables, changelog, index_snapshots (unique per as_of_date), weekly_digest and
-- the first (v1) api_keys table.
-- Original revision: 001_initial (001_initial_schema), without pgvector and signposts.embedding.

-- Left out on purpose: the pgvector extension and signposts.embedding vector(1536);
-- 022_production_baseline dropped the column again and nothing at head uses the extension.
-- Also left out: the ix_<table>_id indexes, which only duplicate the primary keys.

CREATE TABLE IF NOT EXISTS roadmaps (
    id             serial       NOT NULL,
    slug           varchar(100) NOT NULL,
    name           varchar(255) NOT NULL,
    description    text,
    preset_weights jsonb,
    created_at     timestamptz  DEFAULT now(),
    CONSTRAINT roadmaps_pkey PRIMARY KEY (id),
    CONSTRAINT roadmaps_slug_key UNIQUE (slug)
);
-- Left out on purpose: ix_roadmaps_slug, a plain index that duplicates roadmaps_slug_key.

CREATE TABLE IF NOT EXISTS signposts (
    id              serial       NOT NULL,
    code            varchar(100) NOT NULL,
    roadmap_id      integer,
    name            varchar(255) NOT NULL,
    description     text,
    category        varchar(20)  NOT NULL,
    metric_name     varchar(100),
    unit            varchar(50),
    direction       varchar(5)   NOT NULL,
    baseline_value  numeric,
    target_value    numeric,
    methodology_url text,
    first_class     boolean,
    created_at      timestamptz  DEFAULT now(),
    CONSTRAINT signposts_pkey PRIMARY KEY (id),
    CONSTRAINT signposts_code_key UNIQUE (code),
    CONSTRAINT signposts_roadmap_id_fkey FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id),
    CONSTRAINT check_signpost_category CHECK (category IN ('capabilities', 'agents', 'inputs', 'security')),
    CONSTRAINT check_signpost_direction CHECK (direction IN ('>=', '<='))
);
-- Left out on purpose: ix_signposts_code, a plain index that duplicates signposts_code_key.
CREATE INDEX IF NOT EXISTS idx_signposts_category ON signposts (category);
CREATE INDEX IF NOT EXISTS idx_signposts_first_class ON signposts (first_class);

CREATE TABLE IF NOT EXISTS benchmarks (
    id         serial       NOT NULL,
    code       varchar(100) NOT NULL,
    name       varchar(255) NOT NULL,
    url        text,
    family     varchar(50)  NOT NULL,
    created_at timestamptz  DEFAULT now(),
    CONSTRAINT benchmarks_pkey PRIMARY KEY (id),
    CONSTRAINT benchmarks_code_key UNIQUE (code),
    CONSTRAINT check_benchmark_family
        CHECK (family IN ('SWE_BENCH_VERIFIED', 'OSWORLD', 'WEBARENA', 'GPQA_DIAMOND', 'OTHER'))
);
-- Left out on purpose: ix_benchmarks_code, a plain index that duplicates benchmarks_code_key.

CREATE TABLE IF NOT EXISTS sources (
    id            serial       NOT NULL,
    url           text         NOT NULL,
    domain        varchar(255),
    source_type   varchar(50)  NOT NULL,
    credibility   varchar(1)   NOT NULL,
    first_seen_at timestamptz  DEFAULT now(),
    CONSTRAINT sources_pkey PRIMARY KEY (id),
    CONSTRAINT sources_url_key UNIQUE (url),
    CONSTRAINT check_credibility CHECK (credibility IN ('A', 'B', 'C', 'D')),
    CONSTRAINT check_source_type
        CHECK (source_type IN ('paper', 'leaderboard', 'model_card', 'press', 'blog', 'social'))
);
CREATE INDEX IF NOT EXISTS idx_sources_credibility ON sources (credibility);

CREATE TABLE IF NOT EXISTS claims (
    id                    serial       NOT NULL,
    title                 varchar(500),
    summary               text,
    metric_name           varchar(100),
    metric_value          numeric,
    unit                  varchar(50),
    observed_at           timestamptz  NOT NULL,
    source_id             integer,
    url_hash              varchar(64),
    extraction_confidence numeric,
    raw_json              jsonb,
    retracted             boolean,
    created_at            timestamptz  DEFAULT now(),
    CONSTRAINT claims_pkey PRIMARY KEY (id),
    CONSTRAINT claims_url_hash_key UNIQUE (url_hash),
    CONSTRAINT claims_source_id_fkey FOREIGN KEY (source_id) REFERENCES sources (id)
);
CREATE INDEX IF NOT EXISTS idx_claims_observed_at ON claims (observed_at);
CREATE INDEX IF NOT EXISTS idx_claims_retracted ON claims (retracted);

CREATE TABLE IF NOT EXISTS claim_benchmarks (
    claim_id     integer NOT NULL,
    benchmark_id integer NOT NULL,
    CONSTRAINT claim_benchmarks_pkey PRIMARY KEY (claim_id, benchmark_id),
    CONSTRAINT claim_benchmarks_benchmark_id_fkey
        FOREIGN KEY (benchmark_id) REFERENCES benchmarks (id) ON DELETE CASCADE,
    CONSTRAINT claim_benchmarks_claim_id_fkey
        FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS claim_signposts (
    claim_id        integer NOT NULL,
    signpost_id     integer NOT NULL,
    fit_score       numeric,
    impact_estimate numeric,
    CONSTRAINT claim_signposts_pkey PRIMARY KEY (claim_id, signpost_id),
    CONSTRAINT claim_signposts_claim_id_fkey
        FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE CASCADE,
    CONSTRAINT claim_signposts_signpost_id_fkey
        FOREIGN KEY (signpost_id) REFERENCES signposts (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS changelog (
    id          serial       NOT NULL,
    occurred_at timestamptz  DEFAULT now(),
    type        varchar(20)  NOT NULL,
    title       varchar(500),
    body        text,
    claim_id    integer,
    reason      text,
    created_at  timestamptz  DEFAULT now(),
    CONSTRAINT changelog_pkey PRIMARY KEY (id),
    CONSTRAINT changelog_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES claims (id),
    CONSTRAINT check_changelog_type CHECK (type IN ('add', 'update', 'retract'))
);

CREATE TABLE IF NOT EXISTS index_snapshots (
    id            serial      NOT NULL,
    as_of_date    date        NOT NULL,
    capabilities  numeric,
    agents        numeric,
    inputs        numeric,
    security      numeric,
    overall       numeric,
    safety_margin numeric,
    preset        varchar(50),
    details       jsonb,
    created_at    timestamptz DEFAULT now(),
    CONSTRAINT index_snapshots_pkey PRIMARY KEY (id),
    CONSTRAINT index_snapshots_as_of_date_key UNIQUE (as_of_date)
);

CREATE TABLE IF NOT EXISTS weekly_digest (
    id         serial NOT NULL,
    week_start date   NOT NULL,
    json       jsonb,
    CONSTRAINT weekly_digest_pkey PRIMARY KEY (id),
    CONSTRAINT weekly_digest_week_start_key UNIQUE (week_start)
);

-- api_keys v1; replaced by the tiered v2 table in the 017_enhance_api_keys step.
CREATE TABLE IF NOT EXISTS api_keys (
    id         serial       NOT NULL,
    name       varchar(100),
    hashed_key varchar(255) NOT NULL,
    role       varchar(20)  NOT NULL,
    created_at timestamptz  DEFAULT now(),
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_hashed_key_key UNIQUE (hashed_key),
    CONSTRAINT check_api_key_role CHECK (role IN ('admin', 'readonly'))
);
