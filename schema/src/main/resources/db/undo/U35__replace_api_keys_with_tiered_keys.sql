-- Undo of V35: drops api_keys v2 and the enum api_key_tier, and re-creates the empty v1
-- api_keys table exactly as V1 made it (017_enhance_api_keys).

-- lint:ignore destructive reason: undo of V35, removes the v2 table V35 created
DROP TABLE IF EXISTS api_keys;
-- lint:ignore destructive reason: undo of V35, removes the enum type V35 created
DROP TYPE IF EXISTS api_key_tier;

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
