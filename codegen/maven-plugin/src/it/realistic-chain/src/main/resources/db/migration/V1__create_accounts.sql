-- Accounts of the tenant's users. Emails compare case-insensitively (citext, from the callback).
DO $$
BEGIN
    CREATE TYPE app.account_role AS ENUM ('owner', 'member', 'viewer');
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

CREATE TABLE IF NOT EXISTS app.accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant      text NOT NULL DEFAULT '${tenant}',
    email       public.citext NOT NULL UNIQUE,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    -- What the UI shows; stored so it can be indexed and sorted.
    full_name   text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    role        app.account_role NOT NULL DEFAULT 'member',
    created_at  timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON app.accounts TO ${app_owner};
