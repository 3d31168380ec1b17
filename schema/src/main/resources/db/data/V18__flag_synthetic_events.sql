-- Data: marks existing events whose source_url looks like fixture or test data as synthetic
-- (.local hosts, bare hex ids, dev-fixture, /test/, /synthetic/, /fixture/ paths).
-- Original revision: 010_add_is_synthetic (its UPDATE).

UPDATE events
   SET is_synthetic = true
 WHERE NOT is_synthetic
   AND (   source_url ~ '\.local(/|$)'
        OR source_url ~ '/[a-f0-9]{8,}$'
        OR source_url LIKE '%dev-fixture%'
        OR source_url LIKE '%/test/%'
        OR source_url LIKE '%/synthetic/%'
        OR source_url LIKE '%/fixture/%');
