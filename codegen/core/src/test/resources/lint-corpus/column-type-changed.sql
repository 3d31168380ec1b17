-- column-type-changed: ALTER COLUMN ... TYPE rewrites the table (for most changes) and breaks readers.
-- expect: column-type-changed
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

-- expect: column-type-changed
ALTER TABLE orders ALTER COLUMN customer_id SET DATA TYPE integer;

-- expect: column-type-changed
ALTER TABLE events ALTER kind TYPE varchar(50);

-- expect: none
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';

-- expect: none
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;

-- expect: none
COMMENT ON COLUMN orders.note IS 'free text';
