-- drop-column (group destructive): the column's data is gone, and every reader of it breaks.
-- expect: drop-column
ALTER TABLE orders DROP COLUMN note;

-- expect: drop-column
ALTER TABLE orders DROP COLUMN IF EXISTS note;

-- expect: drop-column
ALTER TABLE customers DROP name, DROP email;

-- expect: none
-- lint:ignore drop-column reason: note moved to order_notes; nothing reads it
ALTER TABLE orders DROP COLUMN IF EXISTS note;

-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;

-- expect: none
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
