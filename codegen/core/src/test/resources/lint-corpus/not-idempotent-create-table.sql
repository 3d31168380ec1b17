-- not-idempotent-create-table (group not-idempotent, off by default): fails when run twice.
-- expect: not-idempotent-create-table
CREATE TABLE shipments (id bigint PRIMARY KEY);

-- expect: not-idempotent-create-table
CREATE UNLOGGED TABLE import_buffer (line text);

-- expect: not-idempotent-create-table
CREATE TABLE reporting.daily (day date PRIMARY KEY, orders bigint);

-- expect: none
CREATE TABLE IF NOT EXISTS shipments (id bigint PRIMARY KEY);

-- expect: none
DO $$ BEGIN CREATE TABLE shipments (id bigint); EXCEPTION WHEN duplicate_table THEN NULL; END $$;

-- expect: none
CREATE TABLE IF NOT EXISTS reporting.daily (day date PRIMARY KEY, orders bigint);
