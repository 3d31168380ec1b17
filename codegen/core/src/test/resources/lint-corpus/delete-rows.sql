-- delete-rows: DELETE on an existing table removes rows no later migration can bring back.
-- expect: delete-rows
DELETE FROM events WHERE kind = 'debug';

-- expect: delete-rows
DELETE FROM ONLY orders_archive;

-- expect: delete-rows
-- folder: data
DELETE FROM orders WHERE status = 'cancelled';

-- expect: delete-rows
WITH old AS (DELETE FROM events WHERE kind = 'debug' RETURNING id) INSERT INTO orders_archive (id) SELECT id FROM old;

-- expect: none
CREATE TABLE IF NOT EXISTS import_rows (id bigint, raw text);
DELETE FROM import_rows WHERE raw IS NULL;

-- expect: none
INSERT INTO orders_archive (id, note) SELECT id, note FROM orders WHERE status = 'done';

-- expect: none
CREATE OR REPLACE FUNCTION purge_events() RETURNS void LANGUAGE sql AS $fn$ DELETE FROM events WHERE kind = 'debug' $fn$;
