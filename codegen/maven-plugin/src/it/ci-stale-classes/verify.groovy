def log = new File(basedir, 'build.log').text
// The committed classes stay as they were: CI never writes them.
def books = new File(basedir, 'src/generated/java/com/example/db/tables/Books.java')
assert books.isFile() && !books.text.contains('ISBN') : "the committed classes were rewritten"
assert !log.contains('BUILD SUCCESS') : "CI passed with stale classes"
assert log.contains("table books: column isbn added") : "the failure does not name the object that is behind"
return true
