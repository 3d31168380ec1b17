-- Undo of V1: drops the initial tracker tables (001_initial), children before parents.
-- Their serial sequences go with them.

-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS api_keys;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS weekly_digest;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS index_snapshots;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS changelog;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS claim_signposts;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS claim_benchmarks;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS claims;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS sources;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS benchmarks;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS signposts;
-- lint:ignore destructive reason: undo of V1, removes the table V1 created
DROP TABLE IF EXISTS roadmaps;
