// The plugin generated the classes into the default directory and the project compiled against them.
def generated = new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Books.java')
assert generated.isFile() : "no generated Books.java"
assert generated.text.contains('ISBN') : "Books.java lacks the V3 column"
assert new File(basedir, 'target/classes/com/example/Catalog.class').isFile() : "Catalog did not compile"
// The first generate locks the migrations beside the migration folder.
def lock = new File(basedir, 'src/main/resources/db/migrations.lock')
assert lock.isFile() && lock.text.contains('V3__add_books_isbn.sql')
def log = new File(basedir, 'build.log').text
assert log.contains('migrate     3 migrations applied') : "no migrate stage line"
return true
