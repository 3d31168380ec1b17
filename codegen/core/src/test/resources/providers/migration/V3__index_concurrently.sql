CREATE INDEX CONCURRENTLY things_owner_idx ON things (owner_id);
