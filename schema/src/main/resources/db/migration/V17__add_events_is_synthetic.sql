-- Adds events.is_synthetic to mark fixture and test data (defaults to false for existing rows).
-- Original revision: 010_add_is_synthetic (data V18 flags existing fixture rows, V19 indexes it).

ALTER TABLE events ADD COLUMN IF NOT EXISTS is_synthetic boolean NOT NULL DEFAULT false;
