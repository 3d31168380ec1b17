-- Undo of V3: drops the rich-content tables and columns added by 003_add_rich_content.
-- Brings the catalog back to exactly its state before V3.

-- lint:ignore destructive reason: undo of V3, removes the table V3 created
DROP TABLE IF EXISTS pace_analysis;
-- lint:ignore destructive reason: undo of V3, removes the table V3 created
DROP TABLE IF EXISTS signpost_content;
-- lint:ignore destructive reason: undo of V3, removes the table V3 created
DROP TABLE IF EXISTS roadmap_predictions;

-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS icon_emoji;
-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS short_explainer;

-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS roadmaps DROP COLUMN IF EXISTS summary;
-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS roadmaps DROP COLUMN IF EXISTS source_url;
-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS roadmaps DROP COLUMN IF EXISTS published_date;
-- lint:ignore destructive reason: undo of V3, removes the column V3 added
ALTER TABLE IF EXISTS roadmaps DROP COLUMN IF EXISTS author;
