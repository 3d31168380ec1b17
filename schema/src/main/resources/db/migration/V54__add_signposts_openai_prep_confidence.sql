-- Adds signposts.openai_prep_confidence (0..1), next to the other forecaster confidences of V51.
-- Original revision: 030_openai_prep_conf (add_openai_prep_confidence).

-- Inline CHECK on a brand-new, all-NULL column, as in V51; skipped with the column if it exists.
ALTER TABLE signposts ADD COLUMN IF NOT EXISTS openai_prep_confidence numeric
    CONSTRAINT signposts_openai_prep_confidence_check
    CHECK (openai_prep_confidence >= 0 AND openai_prep_confidence <= 1);
