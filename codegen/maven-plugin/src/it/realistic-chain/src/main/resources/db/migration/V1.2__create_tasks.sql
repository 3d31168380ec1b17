DO $$
BEGIN
    CREATE TYPE app.task_state AS ENUM ('open', 'in_progress', 'done');
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

CREATE TABLE IF NOT EXISTS app.tasks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    title       text NOT NULL,
    state       app.task_state NOT NULL DEFAULT 'open',
    estimate_h  numeric(6, 2) CHECK (estimate_h IS NULL OR estimate_h >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS tasks_open_idx ON app.tasks (project_id) WHERE state <> 'done';
