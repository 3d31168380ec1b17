-- Undo of V6: drops event_entities, event_signpost_links, events and the enum evidence_tier
-- (6e2841a56cb2).

-- lint:ignore destructive reason: undo of V6, removes the table V6 created
DROP TABLE IF EXISTS event_entities;
-- lint:ignore destructive reason: undo of V6, removes the table V6 created
DROP TABLE IF EXISTS event_signpost_links;
-- lint:ignore destructive reason: undo of V6, removes the table V6 created
DROP TABLE IF EXISTS events;
-- lint:ignore destructive reason: undo of V6, removes the enum type V6 created
DROP TYPE IF EXISTS evidence_tier;
