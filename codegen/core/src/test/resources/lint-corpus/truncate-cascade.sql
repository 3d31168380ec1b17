-- truncate-cascade: TRUNCATE ... CASCADE empties every table that references the one named, too.
-- expect: truncate-cascade
TRUNCATE customers CASCADE;

-- expect: truncate-cascade
TRUNCATE TABLE orders, events CASCADE;

-- expect: truncate-cascade
-- folder: data
TRUNCATE ONLY events RESTART IDENTITY CASCADE;

-- expect: none
TRUNCATE orders_archive;

-- expect: none
TRUNCATE TABLE events RESTRICT;

-- expect: none
-- folder: data
TRUNCATE events, orders_archive;
