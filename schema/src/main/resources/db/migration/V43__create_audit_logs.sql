-- Creates audit_logs, one row per admin/API action with the key, resource and outcome.
-- Original revision: 20251029_p1_audit_log (p1_audit_logging), the shape that exists at head;
-- 025_audit_logs' other shape never took effect and has no file here.

-- Left out on purpose: ix_audit_logs_id (duplicates the PK).
CREATE TABLE IF NOT EXISTS audit_logs (
    id            serial      NOT NULL,
    "timestamp"   timestamptz NOT NULL DEFAULT now(),
    api_key_id    integer,
    action        varchar(50) NOT NULL,
    resource_type varchar(50) NOT NULL,
    resource_id   integer,
    details       jsonb,
    ip_address    varchar(45),
    user_agent    text,
    request_id    varchar(100),
    success       boolean     NOT NULL,
    error_message text,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
);
-- The FK is added separately (on the table created just above, so no NOT VALID step is needed)
-- so that a re-run re-creates it after a re-run of V35 has rebuilt api_keys.
ALTER TABLE audit_logs DROP CONSTRAINT IF EXISTS audit_logs_api_key_id_fkey;
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_api_key_id_fkey
    FOREIGN KEY (api_key_id) REFERENCES api_keys (id);
CREATE INDEX IF NOT EXISTS idx_audit_logs_action ON audit_logs (action, "timestamp" DESC);
CREATE INDEX IF NOT EXISTS idx_audit_logs_api_key ON audit_logs (api_key_id, "timestamp" DESC);
CREATE INDEX IF NOT EXISTS idx_audit_logs_resource ON audit_logs (resource_type, resource_id);
CREATE INDEX IF NOT EXISTS idx_audit_logs_timestamp ON audit_logs ("timestamp" DESC);
