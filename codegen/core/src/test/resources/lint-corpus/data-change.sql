-- data-change (house rule, off by default): data changes in a schema migration. Function bodies, rules
-- and triggers that contain UPDATE or INSERT change no data when created, and are not flagged.
-- expect: data-change
UPDATE orders SET status = 'new' WHERE status IS NULL;

-- expect: data-change
INSERT INTO customers (id, email) VALUES (1, 'a@example.com');

-- expect: data-change
DELETE FROM events WHERE kind = 'debug';

-- expect: data-change
WITH old AS (DELETE FROM events WHERE kind = 'debug' RETURNING id) INSERT INTO orders_archive (id) SELECT id FROM old;

-- expect: data-change
TRUNCATE orders_archive;

-- expect: data-change
DO $$ BEGIN UPDATE orders SET status = 'new' WHERE status IS NULL; END $$;

-- expect: none
-- folder: data
UPDATE orders SET status = 'new' WHERE status IS NULL;

-- expect: none
SELECT count(*) FROM orders;

-- expect: none
CREATE OR REPLACE RULE orders_keep AS ON DELETE TO orders DO INSTEAD UPDATE orders SET status = 'deleted' WHERE id = OLD.id;

-- expect: none
CREATE OR REPLACE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
  INSERT INTO events (id, kind) VALUES (NEW.id, 'touched');
  RETURN NEW;
END
$fn$;

-- expect: none
CREATE OR REPLACE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch();

-- expect: none
CREATE OR REPLACE PROCEDURE archive_orders() LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO orders_archive (id) SELECT id FROM orders WHERE status = 'done';
  DELETE FROM orders WHERE status = 'done';
END;

-- expect: none
CREATE OR REPLACE RULE events_keep AS ON DELETE TO events DO INSTEAD (UPDATE events SET kind = 'deleted' WHERE id = OLD.id; INSERT INTO orders_archive (id) VALUES (OLD.id));
