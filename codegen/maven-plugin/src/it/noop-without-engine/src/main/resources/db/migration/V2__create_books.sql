CREATE TABLE books (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title     text NOT NULL,
    published date
);
