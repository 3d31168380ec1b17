// A build with nothing to generate does not load cairn's engine: the plugin's realm holds the mojos
// alone, and the up-to-date stamp (the file times the engine's last no-op verdict rested on) answers.
// Anything that changes the verdict (a new migration, a hand edit of a generated file, -Dcairn.force)
// goes to the engine again.

def maven = evaluate(new File(basedir, '../../../src/it/maven-build.groovy'))
def build = { List<String> extra -> maven(extra, [CAIRN_DAEMON: 'off']) }
def stampLine = 'no migration, setting or generated file changed since the last run'
// Files younger than two seconds are never trusted by the stamp.
Thread.sleep(2500)

def first = build(['generate-sources'])
assert first.contains('up-to-date  2 migrations unchanged') : "the engine's own no-op:\n${first}"
def stamp = new File(basedir, 'target/cairn/up-to-date-default.stamp')
assert stamp.isFile() : "no stamp after the engine's no-op:\n${first}"

def second = build(['compile'])
assert second.contains(stampLine) : "the stamp did not answer:\n${second}"
assert !second.contains('unchanged since last generate') : "the engine ran:\n${second}"
assert second.contains('BUILD SUCCESS') : second

// A new migration: the engine regenerates.
new File(basedir, 'src/main/resources/db/migration/V3__create_reviews.sql').text =
        'CREATE TABLE reviews (id bigint PRIMARY KEY, book_id bigint NOT NULL REFERENCES books (id));\n'
def third = build(['generate-sources'])
assert !third.contains(stampLine) && third.contains('generate    ') : "a new migration was not generated:\n${third}"
assert new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Reviews.java').isFile()

// A hand edit of a generated file: the engine sees it (and, outside check mode, regenerates).
Thread.sleep(2500)
build(['generate-sources'])   // the engine's no-op, which writes the stamp again
def books = new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Books.java')
def original = books.text
Thread.sleep(2500)
assert stamp.isFile()
books.text = original + '\n// edited by hand\n'
def fourth = build(['generate-sources'])
assert !fourth.contains(stampLine) : "the stamp hid a hand edit:\n${fourth}"
assert books.text == original : "the hand edit was not replaced:\n${fourth}"

// -Dcairn.force is a different build: the engine runs.
Thread.sleep(2500)
def fifth = build(['generate-sources', '-Dcairn.force=true'])
assert !fifth.contains(stampLine) && fifth.contains('forced') : "-Dcairn.force did not reach the engine:\n${fifth}"
return true
