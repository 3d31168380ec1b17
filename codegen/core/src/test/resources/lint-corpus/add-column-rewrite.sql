-- add-column-rewrite: ADD COLUMN that writes every existing row (volatile default, stored generated column,
-- any default before PostgreSQL 11). now() is STABLE: evaluated once, no rewrite from 11 on.
-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- expect: add-column-rewrite
ALTER TABLE events ADD COLUMN sample double precision DEFAULT random();

-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN touched_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED;

-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN ref text DEFAULT make_order_ref();

-- expect: add-column-rewrite
-- postgres: 10
ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';

-- expect: add-column-rewrite
-- postgres: 10
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT now();

-- expect: none
ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';

-- expect: none
ALTER TABLE orders ADD COLUMN imported_at timestamptz NOT NULL DEFAULT now();

-- expect: none
ALTER TABLE orders ADD COLUMN flags jsonb DEFAULT '{}'::jsonb;

-- expect: none
ALTER TABLE orders ADD COLUMN fee numeric(10,2) DEFAULT 0::numeric(10,2);

-- expect: none
-- postgres: 10
ALTER TABLE orders ADD COLUMN remark text;

-- expect: none
CREATE TABLE tokens (id bigint);
ALTER TABLE tokens ADD COLUMN token uuid DEFAULT gen_random_uuid();
