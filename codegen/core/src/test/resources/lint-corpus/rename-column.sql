-- rename-column (group destructive): running readers of the old name break at once.
-- expect: rename-column
ALTER TABLE orders RENAME COLUMN note TO remark;

-- expect: rename-column
ALTER TABLE customers RENAME name TO full_name;

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS remark text;

-- expect: none
-- lint:ignore rename-column reason: the app reads remark since release 12
ALTER TABLE orders RENAME COLUMN note TO remark;

-- expect: none
ALTER VIEW order_totals RENAME TO customer_totals;
