ALTER TABLE orders ADD COLUMN status text;
UPDATE orders SET status = 'shipped';
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
