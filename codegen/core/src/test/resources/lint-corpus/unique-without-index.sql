-- unique-without-index: ADD UNIQUE / PRIMARY KEY on an existing table builds the index under ACCESS EXCLUSIVE.
-- expect: unique-without-index
ALTER TABLE customers ADD CONSTRAINT customers_name_key UNIQUE (name);

-- expect: unique-without-index
ALTER TABLE orders_archive ADD PRIMARY KEY (id);

-- expect: unique-without-index
ALTER TABLE customers ADD UNIQUE (name);

-- expect: unique-without-index
ALTER TABLE customers ADD COLUMN handle text UNIQUE;

-- expect: none
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX customers_email_idx;

-- expect: none
ALTER TABLE orders_archive ADD CONSTRAINT orders_archive_pkey PRIMARY KEY USING INDEX orders_archive_id_idx;

-- expect: none
CREATE TABLE coupons (code text);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
