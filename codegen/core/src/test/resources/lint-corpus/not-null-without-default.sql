-- not-null-without-default: a NOT NULL column without a default fails on a table that has rows.
-- expect: not-null-without-default
ALTER TABLE orders ADD COLUMN currency text NOT NULL;

-- expect: not-null-without-default
ALTER TABLE customers ADD COLUMN IF NOT EXISTS tier integer NOT NULL;

-- expect: not-null-without-default
ALTER TABLE events ADD COLUMN source text NOT NULL CHECK (source <> '');

-- expect: not-null-without-default
ALTER TABLE orders_archive ADD COLUMN archived_on date PRIMARY KEY;

-- expect: none
ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';

-- expect: none
ALTER TABLE orders ADD COLUMN currency text;

-- expect: none
ALTER TABLE events ADD COLUMN checked boolean CHECK (checked IS NOT NULL);

-- expect: none
CREATE TABLE payments (id bigint);
ALTER TABLE payments ADD COLUMN amount numeric NOT NULL;
