CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors (id), title text NOT NULL);
