-- alter-domain-add-constraint: the new constraint is checked against every column of the domain, under lock.
-- expect: alter-domain-add-constraint
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');

-- expect: alter-domain-add-constraint
ALTER DOMAIN email_address ADD CHECK (length(VALUE) < 320);

-- expect: alter-domain-add-constraint
ALTER DOMAIN public.email_address ADD CONSTRAINT email_not_null NOT NULL;

-- expect: none
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') NOT VALID;

-- expect: none
ALTER DOMAIN email_address VALIDATE CONSTRAINT email_has_at;

-- expect: none
CREATE DOMAIN positive_amount AS numeric CHECK (VALUE > 0);

-- expect: none
ALTER DOMAIN email_address SET DEFAULT 'nobody@example.com';
