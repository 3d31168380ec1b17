-- not-idempotent-create (group not-idempotent, off by default): other CREATEs without IF NOT EXISTS / OR REPLACE.
-- expect: not-idempotent-create
CREATE SEQUENCE invoice_numbers;

-- expect: not-idempotent-create
CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open';

-- expect: not-idempotent-create
CREATE EXTENSION pg_trgm;

-- expect: not-idempotent-create
CREATE TYPE order_status AS ENUM ('new', 'paid');

-- expect: not-idempotent-create
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$;

-- expect: not-idempotent-create
CREATE SCHEMA staging;

-- expect: none
CREATE SEQUENCE IF NOT EXISTS invoice_numbers;

-- expect: none
CREATE OR REPLACE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open';

-- expect: none
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- expect: none
DO $$ BEGIN CREATE TYPE order_status AS ENUM ('new', 'paid'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- expect: none
CREATE OR REPLACE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$;

-- expect: none
CREATE OR REPLACE FUNCTION order_total(p bigint) RETURNS numeric LANGUAGE sql
BEGIN ATOMIC
  SELECT total FROM orders WHERE id = p;
END;
