// jooq-codegen-maven ran MigrationsDatabase: the migrations were applied to a throwaway PostgreSQL,
// jOOQ generated from its catalog, and the project compiled against the result.
def generated = new File(basedir, 'target/generated-sources/jooq/com/example/db')
def books = new File(generated, 'tables/Books.java')
assert books.isFile() : "no generated Books.java in ${generated}"
assert books.text.contains('DSL.name("isbn")') : 'V3 (isbn) was not applied'
assert new File(generated, 'tables/Authors.java').isFile()
assert !new File(generated, 'tables/FlywaySchemaHistory.java').exists() : "Flyway's history table was generated"
assert new File(basedir, 'target/classes/com/example/BooksWithIsbn.class').isFile() : 'the project did not compile'
def log = new File(basedir, 'build.log').text
assert log.contains('3 migrations applied') : 'no migrate line in build.log'
return true
