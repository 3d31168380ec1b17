-- Per-tenant configuration, one row per tenant; the default tenant comes from the deployment.
CREATE TABLE IF NOT EXISTS app.tenant_settings (
    tenant      text PRIMARY KEY DEFAULT '${tenant}',
    time_zone   text NOT NULL DEFAULT 'UTC',
    settings    jsonb NOT NULL DEFAULT '{}'
);

GRANT SELECT ON app.tenant_settings TO ${app_owner};
