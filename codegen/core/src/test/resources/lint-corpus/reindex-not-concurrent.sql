-- reindex-not-concurrent: REINDEX without CONCURRENTLY blocks writes until every index is rebuilt.
-- expect: reindex-not-concurrent
REINDEX INDEX orders_status_idx;

-- expect: reindex-not-concurrent
REINDEX TABLE orders;

-- expect: reindex-not-concurrent
REINDEX (VERBOSE) TABLE events;

-- expect: reindex-not-concurrent
REINDEX SCHEMA public;

-- expect: none
REINDEX INDEX CONCURRENTLY orders_status_idx;

-- expect: none
REINDEX (VERBOSE) TABLE CONCURRENTLY events;

-- expect: none
CREATE TABLE IF NOT EXISTS scratch (id bigint);
REINDEX TABLE scratch;
