-- column-type-changed: ALTER COLUMN ... TYPE rewrites the table and breaks readers, except a widening PostgreSQL
-- makes in the catalog alone, and on a table of the same file.
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

-- expect: column-type-changed
ALTER TABLE products ALTER COLUMN code TYPE varchar(10);

-- expect: column-type-changed
ALTER TABLE products ALTER COLUMN price TYPE numeric(14,4);

-- expect: column-type-changed
ALTER TABLE products ALTER COLUMN code TYPE varchar(40) COLLATE "C";

-- expect: column-type-changed
ALTER TABLE products ALTER COLUMN label TYPE varchar(40);

-- expect: column-type-changed
ALTER TABLE products ALTER COLUMN code TYPE varchar(40) USING upper(code);

-- expect: none
ALTER TABLE products ALTER COLUMN code TYPE varchar(40);

-- expect: none
ALTER TABLE products ALTER COLUMN name TYPE text, ALTER COLUMN price TYPE numeric(14,2);

-- expect: none
ALTER TABLE products ALTER COLUMN flags SET DATA TYPE bit varying(16);

-- expect: none
ALTER TABLE public.products ALTER COLUMN price TYPE decimal;

-- expect: none
CREATE TABLE IF NOT EXISTS drafts (id bigint, title text);
ALTER TABLE drafts ALTER COLUMN id TYPE integer;

-- expect: none
CREATE TABLE IF NOT EXISTS drafts (id bigint, title varchar(10));
-- then
ALTER TABLE drafts ALTER COLUMN title TYPE varchar(80);

-- expect: none
ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon varchar(8);
-- then
ALTER TABLE orders ALTER COLUMN coupon TYPE varchar(16);
