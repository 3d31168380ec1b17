CREATE TABLE shop.products (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  currency text NOT NULL DEFAULT '${currency}'
);
