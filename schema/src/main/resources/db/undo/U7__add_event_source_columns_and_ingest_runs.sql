-- Undo of V7: drops ingest_runs, the seven event columns and the enums ingest_status and
-- source_type (007_enhance_events).

-- lint:ignore destructive reason: undo of V7, removes the table V7 created
DROP TABLE IF EXISTS ingest_runs;

-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS retracted;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS lang;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS byline;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS author;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS content_text;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS source_domain;
-- lint:ignore destructive reason: undo of V7, removes the column V7 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS source_type;

-- lint:ignore destructive reason: undo of V7, removes the enum type V7 created
DROP TYPE IF EXISTS ingest_status;
-- lint:ignore destructive reason: undo of V7, removes the enum type V7 created
DROP TYPE IF EXISTS source_type;
