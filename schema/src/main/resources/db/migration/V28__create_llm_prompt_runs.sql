-- Creates llm_prompt_runs, one row per LLM call with token counts, cost and outcome.
-- Original revision: 013_add_llm_prompt_runs.

CREATE TABLE IF NOT EXISTS llm_prompt_runs (
    id                serial        NOT NULL,
    prompt_id         integer,
    task_name         varchar(100)  NOT NULL,
    event_id          integer,
    input_hash        varchar(64)   NOT NULL,
    output_hash       varchar(64),
    prompt_tokens     integer       NOT NULL DEFAULT 0,
    completion_tokens integer       NOT NULL DEFAULT 0,
    total_tokens      integer       NOT NULL DEFAULT 0,
    cost_usd          numeric(10,6) NOT NULL DEFAULT 0,
    model             varchar(50)   NOT NULL,
    success           boolean       NOT NULL DEFAULT true,
    error_message     text,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT llm_prompt_runs_pkey PRIMARY KEY (id),
    CONSTRAINT llm_prompt_runs_event_id_fkey FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT llm_prompt_runs_prompt_id_fkey FOREIGN KEY (prompt_id) REFERENCES llm_prompts (id)
);
CREATE INDEX IF NOT EXISTS idx_llm_prompt_runs_created ON llm_prompt_runs (created_at);
CREATE INDEX IF NOT EXISTS idx_llm_prompt_runs_event ON llm_prompt_runs (event_id);
CREATE INDEX IF NOT EXISTS idx_llm_prompt_runs_prompt ON llm_prompt_runs (prompt_id);
CREATE INDEX IF NOT EXISTS idx_llm_prompt_runs_task ON llm_prompt_runs (task_name);
CREATE INDEX IF NOT EXISTS idx_llm_prompt_runs_task_created ON llm_prompt_runs (task_name, created_at);
