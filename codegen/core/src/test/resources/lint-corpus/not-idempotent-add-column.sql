-- not-idempotent-add-column (group not-idempotent, off by default).
-- expect: not-idempotent-add-column
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;

-- expect: not-idempotent-add-column
ALTER TABLE orders ADD shipped_at timestamptz;

-- expect: not-idempotent-add-column
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz, ADD COLUMN carrier text;

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz, ADD COLUMN IF NOT EXISTS carrier text;
