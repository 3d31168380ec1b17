-- concurrently-not-alone: Flyway runs a file of several statements in one transaction, which CONCURRENTLY refuses.
-- expect: concurrently-not-alone
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_shipped_idx ON orders (shipped_at);

-- expect: concurrently-not-alone
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status2_idx ON orders (status);

-- expect: concurrently-not-alone
REINDEX INDEX CONCURRENTLY orders_status_idx;
SELECT 1;

-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);

-- expect: none
REINDEX TABLE CONCURRENTLY orders;

-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS events_kind_idx;

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;
COMMENT ON COLUMN orders.shipped_at IS 'when it left the warehouse';
