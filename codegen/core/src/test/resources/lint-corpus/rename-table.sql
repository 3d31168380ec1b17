-- rename-table (group destructive): running readers of the old name break at once.
-- expect: rename-table
ALTER TABLE orders RENAME TO purchases;

-- expect: rename-table
ALTER TABLE IF EXISTS events RENAME TO audit_events;

-- expect: none
ALTER INDEX orders_status_idx RENAME TO orders_by_status_idx;

-- expect: none
ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO orders_primary;

-- expect: none
-- lint:ignore destructive reason: nothing reads events yet
ALTER TABLE events RENAME TO audit_events;
