-- not-idempotent-drop-index (group not-idempotent, off by default).
-- expect: not-idempotent-drop-index
DROP INDEX CONCURRENTLY orders_status_idx;

-- expect: not-idempotent-drop-index
DROP INDEX CONCURRENTLY public.events_kind_idx;

-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;

-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS public.events_kind_idx;
