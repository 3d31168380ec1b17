// The warm engine through Maven: the invoker's build generated (in Maven's JVM) and started the
// project's daemon on the plugin's engine class path; the next `mvn generate-sources` runs in it,
// with the server it started ahead; a build with daemon=stop stops it, and none of its PostgreSQL
// processes is left. The pom's inline <generator> is applied in the engine as in Maven's JVM.
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
def started = log =~ /daemon {6}started \(pid (\d+)\)/
assert started.find() : "the first build started no daemon:\n${log}"
long pid = started.group(1) as long
def daemon = ProcessHandle.of(pid).orElseThrow { new AssertionError("daemon ${pid} is not running:\n${log}") }
def postgres = { daemon.descendants().filter { it.isAlive() && it.info().command().orElse('').contains('postgres') }.toList() }

def build = evaluate(new File(basedir, '../../../src/it/maven-build.groovy'))
def servers = []
try {
    // Its warm-up (a generate into a scratch folder) ends with the next run's server started ahead.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (postgres().isEmpty() && daemon.isAlive() && System.nanoTime() < deadline) Thread.sleep(200)
    assert !postgres().isEmpty() : "the daemon started no server ahead"
    // It listens from the end of its warm-up on: the socket (an argument of its command) is bound then. A
    // build before that runs in its own JVM, by design; on a loaded machine that can be seconds later.
    // ProcessHandle.Info cuts a long command line (the engine's class path) short; /proc does not.
    def proc = new File("/proc/${pid}/cmdline")
    def arguments = proc.isFile() ? new String(proc.bytes, 'UTF-8').split('\\u0000') as List
            : (daemon.info().arguments().orElse(new String[0]) as List)
    def socket = new File(arguments.find { it.endsWith('.sock') }
            ?: { throw new AssertionError("daemon ${pid} has no socket argument: ${arguments}") }())
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (!socket.exists() && daemon.isAlive() && System.nanoTime() < deadline) Thread.sleep(200)
    assert socket.exists() : "the daemon does not listen on ${socket}"

    new File(basedir, 'src/main/resources/db/migration/V3__create_reviews.sql').text =
            'CREATE TABLE IF NOT EXISTS reviews (id bigint PRIMARY KEY, book_id bigint REFERENCES books (id));\n'
    def second = build(['generate-sources'])
    assert second.contains("run 1 in the warm engine, pid ${pid} (") : second
    assert second.contains('1 new migration on snapshot @V2 (2 reused, server started ahead), schema at version 3') : second
    assert new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/Reviews.java').isFile()
    // The pom's inline <generator> (POJOs) was applied by the engine.
    assert new File(basedir, 'target/generated-sources/jooq/com/example/db/tables/pojos/Reviews.java').isFile()
    assert new File(basedir, 'src/main/resources/db/migrations.lock').text.contains('V3__create_reviews.sql')

    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
    while ((servers = postgres()).isEmpty() && System.nanoTime() < deadline) Thread.sleep(200)
    assert !servers.isEmpty() : 'no server started ahead for the run after'

    def third = build(['generate-sources', '-Dit.daemon=stop'])
    assert third.contains("daemon      stopped this project's warm engine (daemon=stop)") : third
    assert daemon.onExit().get(30, TimeUnit.SECONDS) != null
} finally {
    if (daemon.isAlive()) daemon.destroy()
}
// A server's processes end shortly after the daemon that stopped them.
long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
while (servers.any { it.isAlive() } && System.nanoTime() < gone) Thread.sleep(200)
assert servers.every { !it.isAlive() } : "PostgreSQL processes left behind: ${servers.findAll { it.isAlive() }*.pid()}"
return true
