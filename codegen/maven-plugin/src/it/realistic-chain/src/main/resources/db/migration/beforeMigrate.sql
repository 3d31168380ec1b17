-- Flyway callback: runs before every migrate, before any version.
-- The application's login role owns nothing but is granted what it needs; it must exist before
-- the first GRANT, on a fresh database as on production.
DO $$
BEGIN
    CREATE ROLE ${app_owner} NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

-- Extensions live in public so that both schemas see them.
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
