-- Data: fills events.outlet_cred from evidence_tier (same letters A-D) for rows that have none.
-- Original revision: 008_add_outlet_cred_and_link_type (its backfill). V13 then sets NOT NULL.

UPDATE events
   SET outlet_cred = evidence_tier::text::outlet_cred
 WHERE outlet_cred IS NULL;
