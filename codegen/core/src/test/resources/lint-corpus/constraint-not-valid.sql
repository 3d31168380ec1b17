-- constraint-not-valid: a FOREIGN KEY or CHECK added to an existing table is validated under lock.
-- expect: constraint-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);

-- expect: constraint-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);

-- expect: constraint-not-valid
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers;

-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;

-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;

-- expect: none
CREATE TABLE order_lines (id bigint, order_id bigint);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fkey FOREIGN KEY (order_id) REFERENCES orders (id);

-- expect: constraint-not-valid
ALTER TABLE orders ADD COLUMN referrer_id bigint DEFAULT 1 REFERENCES customers (id);

-- expect: constraint-not-valid
ALTER TABLE orders ADD COLUMN referrer_id bigint DEFAULT NULL REFERENCES customers (id);

-- expect: none
ALTER TABLE orders ADD COLUMN referrer_id bigint REFERENCES customers (id);

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS referrer_id bigint CONSTRAINT orders_referrer_fkey REFERENCES customers;
