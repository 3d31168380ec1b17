ALTER TABLE app.projects ADD COLUMN IF NOT EXISTS due_date date;

-- Older databases may already have the check from a hotfix; keep one.
ALTER TABLE app.projects DROP CONSTRAINT IF EXISTS projects_due_after_created;
ALTER TABLE app.projects ADD CONSTRAINT projects_due_after_created
    CHECK (due_date IS NULL OR due_date >= created_at::date) NOT VALID;
