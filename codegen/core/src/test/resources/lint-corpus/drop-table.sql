-- drop-table (group destructive): the table and its rows are gone, and every reader breaks.
-- expect: drop-table
DROP TABLE orders_archive;

-- expect: drop-table
DROP TABLE IF EXISTS orders_archive, events;

-- expect: drop-table
DROP TABLE IF EXISTS events CASCADE;

-- expect: none
-- lint:ignore drop-table reason: the archive moved to cold storage; nothing reads it
DROP TABLE IF EXISTS orders_archive;

-- expect: none
-- lint:ignore destructive reason: the old group id still covers drop-table
DROP TABLE IF EXISTS orders_archive;

-- expect: none
DROP VIEW IF EXISTS order_totals;

-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
