-- Undo of V28: drops llm_prompt_runs (013_add_llm_prompt_runs).
-- Brings the catalog back to exactly its state before V28.

-- lint:ignore destructive reason: undo of V28, removes the table V28 created
DROP TABLE IF EXISTS llm_prompt_runs;
