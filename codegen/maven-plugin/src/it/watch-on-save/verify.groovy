// mvn cairn:watch, as a developer runs it in this project: every saved migration is regenerated at
// once, from the snapshot of the chain before it, the next run's server started ahead; SIGTERM
// (what Ctrl-C and an IDE's stop button send) leaves none of its PostgreSQL processes behind.
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
// The ITs' settings (the repository id the local repository's artifacts were recorded under), offline.
def settings = new File(basedir, 'target/watch-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text
        .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
def cmd = [mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
           "-Dcairn.snapshotCache=${new File(localRepositoryPath, '../it-snapshots').canonicalPath}",
           "dev.cairn:cairn-maven-plugin:${cairnVersion}:watch"]
def pb = new ProcessBuilder(cmd.collect { it.toString() }).directory(basedir).redirectErrorStream(true)
pb.environment().put('CI', 'false')
pb.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
def watch = pb.start()
def lines = new LinkedBlockingQueue<String>()
def all = new StringBuffer()
Thread.start {
    try {
        watch.inputStream.eachLine('UTF-8') { l -> all.append(l).append('\n'); lines.add(l) }
    } catch (IOException stopped) {
        // the process was stopped
    }
}
def await = { String text, int seconds ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (System.nanoTime() < deadline) {
        def l = lines.poll(200, TimeUnit.MILLISECONDS)
        if (l != null && l.contains(text)) return l
    }
    watch.destroy()
    assert false : "no line with '${text}' from cairn:watch:\n${all}"
}
def servers = []
try {
    await('start: ', 180)
    def migration = new File(basedir, 'src/main/resources/db/migration')
    new File(migration, 'V3__create_reviews.sql').text = 'CREATE TABLE IF NOT EXISTS reviews (id bigint PRIMARY KEY, book_id bigint REFERENCES books (id));\n'
    def v3 = await('V3__create_reviews.sql: ', 120)
    assert v3.contains('updated') && v3.contains('1 new migration on snapshot @V2') : v3
    assert new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Reviews.java').isFile()

    new File(migration, 'V4__create_tags.sql').text = 'CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY, name text);\n'
    def v4 = await('V4__create_tags.sql: ', 120)
    assert v4.contains('updated') && v4.contains('server started ahead') : v4
    assert new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Tags.java').isFile()
    assert new File(basedir, 'src/main/resources/db/migrations.lock').text.contains('V4__create_tags.sql')
    // The server waiting for the next save.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
    while (servers.isEmpty() && System.nanoTime() < deadline) {
        servers = watch.toHandle().descendants().filter { it.info().command().orElse('').contains('postgres') }.toList()
        if (servers.isEmpty()) Thread.sleep(200)
    }
    assert !servers.isEmpty() : "no server started ahead:\n${all}"
} finally {
    watch.destroy()
    assert watch.waitFor(90, TimeUnit.SECONDS) : "cairn:watch did not stop on SIGTERM"
}
// A server's processes end shortly after the watch that stopped them.
long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
while (servers.any { it.isAlive() } && System.nanoTime() < gone) Thread.sleep(200)
assert servers.every { !it.isAlive() } : "PostgreSQL processes left behind: ${servers.findAll { it.isAlive() }*.pid()}"
return true
