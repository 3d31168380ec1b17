-- not-idempotent-drop-column (group not-idempotent, off by default).
-- expect: not-idempotent-drop-column
ALTER TABLE orders DROP COLUMN note;

-- expect: not-idempotent-drop-column
ALTER TABLE orders DROP note;

-- expect: none
ALTER TABLE orders DROP COLUMN IF EXISTS note;

-- expect: none
ALTER TABLE IF EXISTS orders DROP COLUMN IF EXISTS note;
