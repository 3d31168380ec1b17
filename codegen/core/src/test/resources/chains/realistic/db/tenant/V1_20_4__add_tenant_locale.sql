-- lint:ignore observed-blocking-scan reason: the DO block below reads tenant_settings under the ALTER's lock; it has one row per tenant
ALTER TABLE app.tenant_settings ADD COLUMN IF NOT EXISTS locale text NOT NULL DEFAULT 'en';

DO $$
BEGIN
    -- Tenants created before locales existed keep English explicitly.
    IF EXISTS (SELECT 1 FROM app.tenant_settings WHERE settings ? 'locale') THEN
        RAISE NOTICE 'tenant settings already carry a locale key';
    END IF;
END $$;
