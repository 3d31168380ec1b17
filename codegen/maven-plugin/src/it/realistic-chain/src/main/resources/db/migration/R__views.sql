-- Re-created whenever this file changes (Flyway repeatable migration).
CREATE OR REPLACE VIEW app.project_overview AS
SELECT p.id,
       p.name,
       a.full_name AS owner_name,
       p.open_tasks,
       p.due_date
  FROM app.projects p
  JOIN app.accounts a ON a.id = p.owner_id
 WHERE NOT p.archived;

CREATE OR REPLACE VIEW audit.recent_project_changes AS
SELECT project_id, operation, changed_at
  FROM audit.project_changes
 WHERE changed_at > now() - interval '7 days';
