-- projects is large in production: build the index without blocking writes (alone in this file,
-- since CONCURRENTLY cannot run in a transaction).
CREATE INDEX CONCURRENTLY IF NOT EXISTS projects_due_date_idx ON app.projects (due_date) WHERE due_date IS NOT NULL;
