-- Creates expert_predictions (forecasts per signpost) and prediction_accuracy (how they scored).
-- Original revision: 20251020115051 (phase23_stubs).

CREATE TABLE IF NOT EXISTS expert_predictions (
    id               serial       NOT NULL,
    source           varchar(255),
    signpost_id      integer,
    predicted_date   date,
    predicted_value  numeric,
    confidence_lower numeric,
    confidence_upper numeric,
    rationale        text,
    added_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT expert_predictions_pkey PRIMARY KEY (id),
    CONSTRAINT expert_predictions_signpost_id_fkey FOREIGN KEY (signpost_id) REFERENCES signposts (id)
);
CREATE INDEX IF NOT EXISTS idx_expert_predictions_date ON expert_predictions (predicted_date);
CREATE INDEX IF NOT EXISTS idx_expert_predictions_signpost ON expert_predictions (signpost_id);

CREATE TABLE IF NOT EXISTS prediction_accuracy (
    id                  serial      NOT NULL,
    prediction_id       integer,
    evaluated_at        timestamptz,
    actual_value        numeric,
    error_magnitude     numeric,
    directional_correct boolean,
    calibration_score   numeric,
    CONSTRAINT prediction_accuracy_pkey PRIMARY KEY (id),
    CONSTRAINT prediction_accuracy_prediction_id_fkey
        FOREIGN KEY (prediction_id) REFERENCES expert_predictions (id)
);
CREATE INDEX IF NOT EXISTS idx_prediction_accuracy_prediction ON prediction_accuracy (prediction_id);
