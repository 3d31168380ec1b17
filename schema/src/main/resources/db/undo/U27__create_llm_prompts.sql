-- Undo of V27: drops llm_prompts (012_add_llm_prompts_table).
-- Brings the catalog back to exactly its state before V27.

-- lint:ignore destructive reason: undo of V27, removes the table V27 created
DROP TABLE IF EXISTS llm_prompts;
