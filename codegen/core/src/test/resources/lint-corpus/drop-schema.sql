-- drop-schema (group destructive): a whole namespace; with CASCADE every table in it.
-- expect: drop-schema
DROP SCHEMA reporting;

-- expect: drop-schema
DROP SCHEMA IF EXISTS reporting CASCADE;

-- expect: none
CREATE SCHEMA IF NOT EXISTS staging;

-- expect: none
-- lint:ignore drop-schema reason: reporting was never used
DROP SCHEMA IF EXISTS reporting;

-- expect: none
DROP EXTENSION IF EXISTS pg_trgm;
