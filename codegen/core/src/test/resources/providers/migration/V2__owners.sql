CREATE TABLE owners (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email    varchar(200) NOT NULL UNIQUE
);
ALTER TABLE things ADD COLUMN owner_id bigint REFERENCES owners (id);

-- PostgreSQL-only procedural code: no schema effect DDLDatabase could see.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN
        RAISE NOTICE 'no reporting role; skipping grants';
    END IF;
END
$$;
