-- not-idempotent-drop-constraint (group not-idempotent, off by default).
-- expect: not-idempotent-drop-constraint
ALTER TABLE orders DROP CONSTRAINT orders_total_check;

-- expect: not-idempotent-drop-constraint
ALTER TABLE IF EXISTS orders DROP CONSTRAINT orders_total_check;

-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;

-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check CASCADE;
