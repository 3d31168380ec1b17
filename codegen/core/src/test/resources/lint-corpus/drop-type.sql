-- drop-type (group destructive): a type or domain columns may use; with CASCADE those columns go too.
-- expect: drop-type
DROP TYPE mood;

-- expect: drop-type
DROP TYPE IF EXISTS mood CASCADE;

-- expect: drop-type
DROP DOMAIN IF EXISTS email_address;

-- expect: none
-- lint:ignore destructive reason: undo of the version that created the type
DROP TYPE IF EXISTS mood;

-- expect: none
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'glad';

-- expect: none
DROP SEQUENCE IF EXISTS order_numbers;
