-- Every change to a project is recorded in the audit schema, kept for ${retention_days} days.
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
