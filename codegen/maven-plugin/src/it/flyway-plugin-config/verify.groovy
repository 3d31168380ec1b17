// cairn took locations, schemas, table and placeholders from flyway-maven-plugin's configuration, and said so first.
def log = new File(basedir, 'build.log').text
assert log.contains('settings    flyway-maven-plugin (pom.xml): locations, schemas, placeholders, table taken from it') : "no settings line"
assert log.contains('migrate     1 migrations applied') : "the migration in db/sql was not applied"
def products = new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Products.java')
assert products.isFile() : "no Products.java"
assert new File(basedir, 'target/generated-sources/jooq/com/example/db/Shop.java').isFile() : "not generated from schema shop"
assert products.text.contains('EUR') : "the placeholder's value is not the column's default"
assert !products.text.contains('shop_history') : "Flyway's history table was generated"
assert new File(basedir, 'target/classes/com/example/Catalog.class').isFile() : "Catalog did not compile"
return true
