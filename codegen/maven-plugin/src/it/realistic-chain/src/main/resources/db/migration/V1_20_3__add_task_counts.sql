ALTER TABLE app.projects ADD COLUMN IF NOT EXISTS open_tasks integer NOT NULL DEFAULT 0;

-- Keeps projects.open_tasks current, so the project list needs no count(*) per row.
CREATE OR REPLACE FUNCTION app.refresh_open_tasks(p_project uuid) RETURNS integer
    LANGUAGE sql AS $$
    UPDATE app.projects p
       SET open_tasks = (SELECT count(*) FROM app.tasks t WHERE t.project_id = p.id AND t.state <> 'done')
     WHERE p.id = p_project
    RETURNING p.open_tasks;
$$;

CREATE OR REPLACE FUNCTION app.tasks_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM app.refresh_open_tasks(COALESCE(NEW.project_id, OLD.project_id));
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS tasks_count ON app.tasks;
CREATE TRIGGER tasks_count
    AFTER INSERT OR UPDATE OF state OR DELETE ON app.tasks
    FOR EACH ROW EXECUTE FUNCTION app.tasks_changed();
