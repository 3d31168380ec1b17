-- set-not-null-without-check: SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated
-- CHECK (col IS NOT NULL) proves it first (PostgreSQL 12+).
-- expect: set-not-null-without-check
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- expect: set-not-null-without-check
ALTER TABLE customers ALTER email SET NOT NULL;

-- expect: set-not-null-without-check
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- expect: set-not-null-without-check
ALTER TABLE orders ADD CONSTRAINT orders_note_not_null CHECK (note IS NOT NULL) NOT VALID;
-- then
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null;
-- then
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- expect: set-not-null-without-check
-- postgres: 11
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
-- then
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
-- then
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
-- then
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
-- then
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_status_not_null;

-- expect: none
CREATE TABLE drafts (title text);
ALTER TABLE drafts ALTER COLUMN title SET NOT NULL;

-- expect: none
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
