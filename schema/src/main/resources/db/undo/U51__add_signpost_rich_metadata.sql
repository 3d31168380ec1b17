-- Undo of V51: drops the 31 rich-metadata columns of signposts, with their inline CHECKs
-- (027_rich_metadata).

-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS is_negative_indicator;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS display_order;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS related_signpost_codes;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS prerequisite_codes;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS primary_paper_year;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS primary_paper_authors;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS primary_paper_url;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS primary_paper_title;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS openai_prep_risk_level;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS openai_prep_timeline;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS epoch_confidence;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS epoch_timeline;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS cotra_confidence;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS cotra_timeline;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS ai2027_rationale;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS ai2027_confidence;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS ai2027_timeline;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS aschenbrenner_rationale;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS aschenbrenner_quote;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS aschenbrenner_confidence;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS aschenbrenner_timeline;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS current_sota_source;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS current_sota_date;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS current_sota_model;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS current_sota_value;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS verification_tier;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS measurement_frequency;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS measurement_source;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS measurement_methodology;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS strategic_importance;
-- lint:ignore destructive reason: undo of V51, removes the column V51 added
ALTER TABLE IF EXISTS signposts DROP COLUMN IF EXISTS why_matters;
