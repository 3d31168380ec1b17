-- rename-enum-value: ALTER TYPE ... RENAME VALUE breaks every writer still sending the old label.
-- expect: rename-enum-value
ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';

-- expect: rename-enum-value
ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine';

-- expect: none
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'glad';

-- expect: none
ALTER TYPE mood OWNER TO CURRENT_USER;
