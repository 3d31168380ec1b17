CREATE TABLE IF NOT EXISTS app.projects (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    bigint NOT NULL REFERENCES app.accounts (id),
    name        text NOT NULL,
    archived    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Only live projects are searched by name; archived ones would bloat the index.
CREATE INDEX IF NOT EXISTS projects_live_name_idx ON app.projects (name) WHERE NOT archived;

GRANT SELECT, INSERT, UPDATE ON app.projects TO ${app_owner};
