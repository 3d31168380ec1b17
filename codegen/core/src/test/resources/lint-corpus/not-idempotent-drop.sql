-- not-idempotent-drop (group not-idempotent, off by default): DROP without IF EXISTS fails when it is gone.
-- expect: not-idempotent-drop
DROP VIEW order_totals;

-- expect: not-idempotent-drop
DROP TYPE mood;

-- expect: not-idempotent-drop
DROP FUNCTION order_count();

-- expect: not-idempotent-drop
DROP SEQUENCE order_numbers;

-- expect: not-idempotent-drop
DROP TRIGGER orders_audit ON orders;

-- expect: none
DROP VIEW IF EXISTS order_totals;

-- expect: none
DROP FUNCTION IF EXISTS order_count();

-- expect: none
DROP SEQUENCE IF EXISTS order_numbers;

-- expect: none
DROP TRIGGER IF EXISTS orders_audit ON orders;
