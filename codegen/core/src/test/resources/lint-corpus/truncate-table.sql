-- truncate-table: TRUNCATE of an existing table deletes every row, for good.
-- expect: truncate-table
TRUNCATE orders_archive;

-- expect: truncate-table
TRUNCATE TABLE events RESTRICT;

-- expect: truncate-table,truncate-cascade
TRUNCATE customers CASCADE;

-- expect: truncate-table
-- folder: data
TRUNCATE ONLY events, orders_archive;

-- expect: none
CREATE TABLE IF NOT EXISTS import_rows (id bigint, raw text);
TRUNCATE import_rows;

-- expect: none
DROP TABLE IF EXISTS orders_archive;
CREATE TABLE orders_archive (id bigint, note text);
TRUNCATE orders_archive;
