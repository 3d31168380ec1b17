CREATE TABLE IF NOT EXISTS authors (id bigint PRIMARY KEY, name text NOT NULL);
