-- Version 1 of every corpus case: the tables, indexes, types and schema that "already exist" (and
-- may hold rows) when the case's statements run as version 2.
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, total numeric, note text, created_at timestamptz);
CREATE TABLE customers (id bigint PRIMARY KEY, email text, name text);
CREATE TABLE events (id bigint PRIMARY KEY, kind text, payload jsonb);
CREATE TABLE orders_archive (id bigint, note text);
CREATE TABLE products (code varchar(20) PRIMARY KEY, name character varying(100), price numeric(10,2), flags varbit(8), label varchar);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX events_kind_idx ON events (kind);
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
CREATE UNIQUE INDEX orders_archive_id_idx ON orders_archive (id);
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE DOMAIN email_address AS text;
CREATE SCHEMA reporting;
CREATE SEQUENCE order_numbers;
CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
