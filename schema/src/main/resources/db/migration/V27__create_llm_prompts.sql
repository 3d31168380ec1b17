-- Creates llm_prompts, the versioned prompt templates used by the LLM tasks.
-- Original revision: 012_add_llm_prompts_table.

CREATE TABLE IF NOT EXISTS llm_prompts (
    id              serial       NOT NULL,
    version         varchar(100) NOT NULL,
    task_type       varchar(50)  NOT NULL,
    prompt_template text         NOT NULL,
    system_message  text,
    model           varchar(50)  NOT NULL,
    temperature     numeric(3,2),
    max_tokens      integer,
    notes           text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    deprecated_at   timestamptz,
    CONSTRAINT llm_prompts_pkey PRIMARY KEY (id),
    CONSTRAINT llm_prompts_version_key UNIQUE (version)
);
-- Left out on purpose: ix_llm_prompts_id (duplicates the PK), ix_llm_prompts_version
-- (duplicates llm_prompts_version_key) and ix_llm_prompts_task_type (same as the index below).
CREATE INDEX IF NOT EXISTS idx_llm_prompts_created ON llm_prompts (created_at);
CREATE INDEX IF NOT EXISTS idx_llm_prompts_task_type ON llm_prompts (task_type);
