CREATE TYPE thing_kind AS ENUM ('small', 'large');

CREATE TABLE things (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) > 0),
    kind        thing_kind NOT NULL DEFAULT 'small',
    weight_kg   numeric(10, 2),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX things_name_idx ON things (name);
