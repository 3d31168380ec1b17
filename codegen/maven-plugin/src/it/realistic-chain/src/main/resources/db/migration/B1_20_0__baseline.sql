-- Baseline: the schema as V1 .. V1_20_0 left it, in one file. A new database runs this instead of
-- those versions (Flyway baseline migration); databases that ran them skip it.
DO $$
BEGIN
    CREATE TYPE app.account_role AS ENUM ('owner', 'member', 'viewer');
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

DO $$
BEGIN
    CREATE TYPE app.task_state AS ENUM ('open', 'in_progress', 'done');
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

CREATE TABLE IF NOT EXISTS app.accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant      text NOT NULL DEFAULT '${tenant}',
    email       public.citext NOT NULL UNIQUE,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    full_name   text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    role        app.account_role NOT NULL DEFAULT 'member',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS app.projects (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    bigint NOT NULL REFERENCES app.accounts (id),
    name        text NOT NULL,
    archived    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS projects_live_name_idx ON app.projects (name) WHERE NOT archived;

CREATE TABLE IF NOT EXISTS app.tasks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    title       text NOT NULL,
    state       app.task_state NOT NULL DEFAULT 'open',
    estimate_h  numeric(6, 2) CHECK (estimate_h IS NULL OR estimate_h >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS tasks_open_idx ON app.tasks (project_id) WHERE state <> 'done';

CREATE TABLE IF NOT EXISTS app.tenant_settings (
    tenant      text PRIMARY KEY DEFAULT '${tenant}',
    time_zone   text NOT NULL DEFAULT 'UTC',
    settings    jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS audit.project_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid NOT NULL,
    operation   text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL DEFAULT now() + interval '${retention_days} days'
);

CREATE OR REPLACE FUNCTION audit.record_project_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.project_changes (project_id, operation)
    VALUES (COALESCE(NEW.id, OLD.id), TG_OP);
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS projects_audit ON app.projects;
CREATE TRIGGER projects_audit
    AFTER INSERT OR UPDATE OR DELETE ON app.projects
    FOR EACH ROW EXECUTE FUNCTION audit.record_project_change();

GRANT SELECT, INSERT, UPDATE ON app.accounts TO ${app_owner};
GRANT SELECT, INSERT, UPDATE ON app.projects TO ${app_owner};
GRANT SELECT ON app.tenant_settings TO ${app_owner};
