ALTER TABLE books ADD COLUMN isbn text;
