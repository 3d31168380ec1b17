-- Adds 31 rich-metadata columns to signposts: why it matters, measurement, current SOTA,
-- forecaster timelines and confidences (Aschenbrenner, AI-2027, Cotra, Epoch, OpenAI
-- preparedness), primary paper, relations, display order. Original revision: 027_rich_metadata.

ALTER TABLE signposts ADD COLUMN IF NOT EXISTS why_matters text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS strategic_importance text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS measurement_methodology text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS measurement_source text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS measurement_frequency text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS verification_tier text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS current_sota_value numeric;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS current_sota_model text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS current_sota_date date;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS current_sota_source text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS aschenbrenner_timeline date;
-- The four inline CHECKs below are on brand-new, all-NULL columns; they are skipped together
-- with the column when it already exists.
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS aschenbrenner_confidence numeric
    CONSTRAINT signposts_aschenbrenner_confidence_check
    CHECK (aschenbrenner_confidence >= 0 AND aschenbrenner_confidence <= 1);
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS aschenbrenner_quote text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS aschenbrenner_rationale text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS ai2027_timeline date;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS ai2027_confidence numeric
    CONSTRAINT signposts_ai2027_confidence_check
    CHECK (ai2027_confidence >= 0 AND ai2027_confidence <= 1);
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS ai2027_rationale text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS cotra_timeline date;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS cotra_confidence numeric
    CONSTRAINT signposts_cotra_confidence_check
    CHECK (cotra_confidence >= 0 AND cotra_confidence <= 1);
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS epoch_timeline date;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS epoch_confidence numeric
    CONSTRAINT signposts_epoch_confidence_check
    CHECK (epoch_confidence >= 0 AND epoch_confidence <= 1);
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS openai_prep_timeline date;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS openai_prep_risk_level text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS primary_paper_title text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS primary_paper_url text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS primary_paper_authors text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS primary_paper_year integer;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS prerequisite_codes text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS related_signpost_codes text;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS display_order integer;
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS is_negative_indicator boolean DEFAULT false;
