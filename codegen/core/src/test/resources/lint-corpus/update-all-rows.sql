-- update-all-rows: UPDATE without WHERE on an existing table overwrites every row.
-- expect: update-all-rows
UPDATE orders SET status = 'new';

-- expect: update-all-rows
UPDATE orders SET total = (SELECT sum(total) FROM orders o WHERE o.customer_id = orders.customer_id);

-- expect: update-all-rows
-- folder: data
UPDATE ONLY customers SET email = lower(email);

-- expect: none
UPDATE orders SET status = 'new' WHERE status IS NULL;

-- expect: none
-- folder: data
UPDATE customers SET email = lower(email) WHERE email <> lower(email);

-- expect: none
CREATE TABLE IF NOT EXISTS import_rows (id bigint, raw text);
UPDATE import_rows SET raw = trim(raw);
