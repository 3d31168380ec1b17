CREATE TABLE customers (
    id    bigserial PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total_cents integer NOT NULL
);
