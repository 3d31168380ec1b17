INSERT INTO notes (body) VALUES ('seeded by a migration');
