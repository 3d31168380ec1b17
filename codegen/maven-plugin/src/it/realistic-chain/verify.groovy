def log = new File(basedir, 'build.log').text
// The baseline B1_20_0 stands for V1 .. V1_20_0; then V1_20_3, V1_20_4 (db/tenant), the two 2024 versions and R__views.
assert log.contains('migrate     6 migrations applied, schema at version 2024.01.01.1300') : "not the expected migrate line"
def out = new File(basedir, 'target/generated-sources/jooq/com/example/tracker/db')
assert new File(out, 'app/tables/Projects.java').isFile()
assert new File(out, 'audit/tables/ProjectChanges.java').isFile() : "the second schema was not generated"
assert !new File(out, 'app/tables/SchemaVersion.java').exists() : "the history table was generated"
def accounts = new File(out, 'app/tables/Accounts.java').text
assert accounts.contains('FULL_NAME') : "the generated column is missing"
assert new File(basedir, 'target/classes/com/example/tracker/ProjectBoard.class').isFile() : "ProjectBoard did not compile"
// Locked: versioned and baseline migrations; not the repeatable nor the callback.
def lock = new File(basedir, 'src/main/resources/db/migrations.lock').text
assert lock.contains('migration/B1_20_0__baseline.sql') && lock.contains('tenant/V1_20_4__add_tenant_locale.sql')
assert !lock.contains('R__views.sql') && !lock.contains('beforeMigrate.sql')
return true
