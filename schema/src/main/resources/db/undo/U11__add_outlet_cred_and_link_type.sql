-- Undo of V11: drops the columns and the enums link_type and outlet_cred added by
-- 008_add_outlet_cred_and_link_type.

-- lint:ignore destructive reason: undo of V11, removes the column V11 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS created_at;
-- lint:ignore destructive reason: undo of V11, removes the column V11 added
ALTER TABLE IF EXISTS event_signpost_links DROP COLUMN IF EXISTS link_type;
-- lint:ignore destructive reason: undo of V11, removes the column V11 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS created_at;
-- lint:ignore destructive reason: undo of V11, removes the column V11 added
ALTER TABLE IF EXISTS events DROP COLUMN IF EXISTS outlet_cred;

-- lint:ignore destructive reason: undo of V11, removes the enum type V11 created
DROP TYPE IF EXISTS link_type;
-- lint:ignore destructive reason: undo of V11, removes the enum type V11 created
DROP TYPE IF EXISTS outlet_cred;
