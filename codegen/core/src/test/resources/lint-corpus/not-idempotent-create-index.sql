-- not-idempotent-create-index (group not-idempotent, off by default): fails (or duplicates) when run twice.
-- expect: not-idempotent-create-index
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);

-- expect: not-idempotent-create-index
CREATE UNIQUE INDEX CONCURRENTLY customers_name_idx ON customers (name);

-- expect: not-idempotent-create-index
CREATE INDEX CONCURRENTLY ON events (kind, id);

-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);

-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_name_idx ON customers (name);

-- expect: none
CREATE TABLE IF NOT EXISTS notes (id bigint, body text);
DO $$ BEGIN CREATE INDEX notes_body_idx ON notes (body); EXCEPTION WHEN duplicate_table THEN NULL; END $$;
