-- Replaces the v1 api_keys table (hashed_key + role) with v2: SHA-256 key_hash, enum tier,
-- activity flag, usage counter and per-key rate limit. Original revision: 017_enhance_api_keys.
-- Flyway runs this once; running it again by hand would empty api_keys (the drop is unconditional).

-- Only when this file is re-run on a newer schema: audit_logs (V43) then references api_keys.
-- Release that FK so the drop below succeeds; V43 re-adds it. A no-op on the first run.
ALTER TABLE IF EXISTS audit_logs DROP CONSTRAINT IF EXISTS audit_logs_api_key_id_fkey;
-- lint:ignore destructive reason: the story replaces api_keys v1 by v2 (017_enhance_api_keys); v1 keys cannot be converted and nothing references the table yet
DROP TABLE IF EXISTS api_keys;

DO $$ BEGIN CREATE TYPE api_key_tier AS ENUM ('public', 'authenticated', 'admin'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- Left out on purpose: 017's CHECK check_api_key_tier (tier IN ('public','authenticated',
-- 'admin')), redundant on a column of type api_key_tier.
CREATE TABLE IF NOT EXISTS api_keys (
    id           serial       NOT NULL,
    name         varchar(100) NOT NULL,
    key_hash     varchar(64)  NOT NULL,
    tier         api_key_tier NOT NULL DEFAULT 'authenticated',
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    is_active    boolean      NOT NULL DEFAULT true,
    usage_count  integer      NOT NULL DEFAULT 0,
    rate_limit   integer,
    notes        text,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS idx_api_keys_active_tier ON api_keys (is_active, tier);
CREATE INDEX IF NOT EXISTS idx_api_keys_created_at ON api_keys (created_at);
CREATE UNIQUE INDEX IF NOT EXISTS idx_api_keys_key_hash ON api_keys (key_hash);
