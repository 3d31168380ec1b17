INSERT INTO notes (body) VALUES ('migrated');
