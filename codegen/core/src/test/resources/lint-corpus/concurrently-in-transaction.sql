-- concurrently-in-transaction: REINDEX INDEX/TABLE ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY are
-- not detected by Flyway as non-transactional: without executeInTransaction=false in a .sql.conf they fail.
-- expect: concurrently-in-transaction
REINDEX TABLE CONCURRENTLY orders;

-- expect: concurrently-in-transaction
REINDEX (VERBOSE) INDEX CONCURRENTLY orders_status_idx;

-- expect: concurrently-in-transaction
CREATE TABLE IF NOT EXISTS readings (taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
CREATE TABLE IF NOT EXISTS readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- then
ALTER TABLE readings DETACH PARTITION readings_2024 CONCURRENTLY;

-- expect: none
REINDEX SCHEMA CONCURRENTLY public;

-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);

-- expect: none
CREATE TABLE IF NOT EXISTS readings (taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
CREATE TABLE IF NOT EXISTS readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- then
ALTER TABLE readings DETACH PARTITION readings_2024;
