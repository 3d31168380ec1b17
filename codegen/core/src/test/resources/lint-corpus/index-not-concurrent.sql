-- index-not-concurrent: building or dropping an index on an existing table without CONCURRENTLY.
-- expect: index-not-concurrent
CREATE INDEX orders_customer_idx ON orders (customer_id);

-- expect: index-not-concurrent
CREATE UNIQUE INDEX customers_name_key ON customers (name);

-- expect: index-not-concurrent
CREATE INDEX IF NOT EXISTS events_payload_idx ON events USING gin (payload);

-- expect: index-not-concurrent
CREATE INDEX ON public.orders (created_at DESC) WHERE status = 'open';

-- expect: index-not-concurrent
DROP INDEX orders_status_idx;

-- expect: index-not-concurrent
DROP INDEX IF EXISTS legacy_made_by_hand_idx;

-- expect: none
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);

-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;

-- expect: none
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint);
CREATE INDEX invoices_order_idx ON invoices (order_id);

-- expect: none
CREATE TABLE refunds (id bigint, order_id bigint);
CREATE INDEX refunds_order_idx ON refunds (order_id);
DROP INDEX refunds_order_idx;
