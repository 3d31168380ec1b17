-- not-idempotent-add-constraint (group not-idempotent, off by default): PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS.
-- expect: not-idempotent-add-constraint
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

-- expect: not-idempotent-add-constraint
ALTER TABLE orders ADD CHECK (total >= 0) NOT VALID;

-- expect: not-idempotent-add-constraint
ALTER TABLE orders DROP CONSTRAINT IF EXISTS some_other_check;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

-- expect: none
DO $$ BEGIN ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
