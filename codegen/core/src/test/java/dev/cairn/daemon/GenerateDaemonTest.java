package dev.cairn.daemon;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.files.HeldLock;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm engine for real: a generate that migrated starts a daemon (a JVM of its own); the next
 * generate runs in it, from the snapshot, with the server it started ahead, and writes what a run
 * here writes, byte for byte; {@code daemon=stop} stops it; an idle one exits; neither leaves a
 * PostgreSQL process behind.
 */
class GenerateDaemonTest {

    private static final Pattern STARTED = Pattern.compile("daemon {6}started \\(pid (\\d+)\\)");

    @TempDir
    Path dir;

    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<Long> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        for (long pid : daemons) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void theNextGenerateRunsWarmWritesTheSameClassesAndDaemonStopStopsIt() throws Exception {
        Path project = project();
        Path m = project.resolve("src/main/resources/db/migration");
        Files.writeString(m.resolve("V1__create_books.sql"), "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY, title text NOT NULL);\n");
        Files.writeString(m.resolve("V2__create_authors.sql"), "CREATE TABLE IF NOT EXISTS authors (id bigint PRIMARY KEY, name text);\n");

        PipelineResult first = generate(project, "1m", false);
        assertEquals(PipelineResult.Outcome.GENERATED, first.outcome(), String.join("\n", out));
        long pid = startedDaemon();
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        awaitListening(project, 2);

        // The next generate: served by the daemon, one new migration on the snapshot, its server started ahead.
        Files.writeString(m.resolve("V3__create_reviews.sql"),
                "CREATE TABLE IF NOT EXISTS reviews (id bigint PRIMARY KEY, book_id bigint REFERENCES books (id), stars int);\n");
        out.clear();
        PipelineResult warm = generate(project, "1m", false);
        String text = String.join("\n", out);
        assertEquals(PipelineResult.Outcome.GENERATED, warm.outcome(), text);
        assertTrue(out.getFirst().startsWith("daemon      run 1 in the warm engine, pid " + pid + " ("), text);
        assertTrue(text.contains("1 new migration on snapshot @V2 (2 reused, server started ahead), schema at version 3"), text);
        assertEquals(3, warm.tables(), text);
        Path output = project.resolve("target/generated-sources/jooq");
        Map<String, String> fromDaemon = files(output);
        assertTrue(fromDaemon.keySet().stream().anyMatch(f -> f.endsWith("tables/Reviews.java")), fromDaemon.keySet().toString());
        assertTrue(Files.readString(project.resolve("src/main/resources/db/migrations.lock")).contains("V3__create_reviews.sql"));
        // Between runs, the daemon's server for the next one waits.
        awaitPostgres(daemon, true);

        // cairn daemon: a line for it, with its project and its run.
        List<String> listed = new ArrayList<>();
        DaemonClient.everyDaemon(false, listed::add);
        assertTrue(listed.stream().anyMatch(l -> l.startsWith("pid " + pid + " ") && l.contains(project + "  1 run, idle")),
                String.join("\n", listed));

        // daemon=stop: this run is the JVM's own (from zero, forced), and it stops the daemon first.
        out.clear();
        PipelineResult here = generate(project, "stop", true);
        text = String.join("\n", out);
        assertTrue(text.contains("daemon      stopped this project's warm engine (daemon=stop)"), text);
        assertTrue(text.contains("3 migrations applied, schema at version 3 (from zero)"), text);
        assertFalse(text.contains("run 2 in the warm engine"), text);
        assertEquals(PipelineResult.Outcome.GENERATED, here.outcome());
        assertEquals(fromDaemon, files(output), "the classes from the daemon's run are those of a run from zero");
        List<ProcessHandle> servers = awaitExit(daemon, Duration.ofSeconds(30));
        assertTrue(servers.stream().noneMatch(ProcessHandle::isAlive), "PostgreSQL left by the daemon: " + servers);
    }

    @Test
    void aGenerateWhileTheDaemonWarmsUpRunsHereAndSaysWhy() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__create_books.sql"),
                "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY);\n");
        // A daemon warming up: it holds its address's lock and has no socket yet (another process, as a daemon is).
        Path lock = DaemonAddress.of(project, EngineClassPath.current(), Map.of("CI", "false")).lock();
        try (HeldLock warming = HeldLock.on(lock, dir)) {
            PipelineResult here = generate(project, "1m", false);
            String text = String.join("\n", out);
            assertEquals(PipelineResult.Outcome.GENERATED, here.outcome(), text);
            assertEquals("daemon      still warming up (started by an earlier run): this run runs in its own JVM,"
                    + " the next one in the warm engine", out.getFirst(), text);
            assertFalse(text.contains("in the warm engine, pid"), text);
            assertFalse(STARTED.matcher(text).find(), "a second daemon started:\n" + text);
        }
    }

    @Test
    void anIdleDaemonExitsAndStopsTheServerItStartedAhead() throws Exception {
        Path project = project();
        ProcessHandle daemon = booksWithDaemon(project, "3s");
        List<ProcessHandle> servers = awaitExit(daemon, Duration.ofSeconds(60));
        assertTrue(servers.stream().noneMatch(ProcessHandle::isAlive), "PostgreSQL left by the daemon: " + servers);
        assertFalse(Files.exists(DaemonAddress.of(project, EngineClassPath.current(), Map.of("CI", "false")).socket()),
                "the socket is removed");
    }

    @Test
    void aDaemonKilledMidRunFailsThatBuildInOneLineAndTheNextRunClearsWhatItLeft() throws Exception {
        Path project = project();
        Path m = project.resolve("src/main/resources/db/migration");
        ProcessHandle daemon = booksWithDaemon(project, "1m");
        awaitListening(project, 1);

        // A migration that takes its time; the daemon is killed outright (kill -9) while it runs.
        Files.writeString(m.resolve("V2__slow.sql"), "SELECT pg_sleep(20);\n");
        out.clear();
        Thread killer = new Thread(() -> {
            try {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (out.stream().noneMatch(l -> l.startsWith("migrate") || l.startsWith("observe") || l.startsWith("database    embedded"))
                        && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                daemon.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        CairnSettings settings = settings(project, "1m", false);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Goals.generate(settings, Map.of("CI", "false"), out::add, out::add, r -> { }));
        killer.join();
        assertTrue(e.getMessage().startsWith("the cairn daemon stopped in the middle of the run (end of stream; its log: "),
                e.getMessage());
        assertTrue(out.getFirst().startsWith("daemon      run 1 in the warm engine"), String.join("\n", out));

        // Its servers had no hook run: the next run (here, in this JVM) stops what a dead process left.
        daemon.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        Files.writeString(m.resolve("V2__slow.sql"), "SELECT 1;\n");
        out.clear();
        generate(project, "off", false);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orphans().findAny().isPresent() && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(List.of(), orphans().toList(), "PostgreSQL left by the killed daemon");
    }

    /** PostgreSQL servers whose parent is gone (init, pid 1, adopted them). */
    private static Stream<ProcessHandle> orphans() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("/postgres")
                && p.parent().map(ProcessHandle::pid).orElse(1L) == 1L);
    }

    private Path project() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        return project;
    }

    private CairnSettings settings(Path project, String daemon, boolean force) {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        explicit.put(Setting.DAEMON, daemon);
        explicit.put(Setting.DATABASE, "embedded");
        explicit.put(Setting.FORCE, Boolean.toString(force));
        explicit.put(Setting.SNAPSHOT_CACHE, dir.resolve("snapshots").toString());
        return CairnSettings.resolve(project, explicit, Map.of(), Map.of("CI", "false"));
    }

    /**
     * A generate before the daemon listens runs in its own JVM, as without one, and a migration saved
     * during its warm-up may miss the server started ahead: wait for both, as a developer's next save usually does.
     */
    private static void awaitListening(Path project, int tables) throws Exception {
        DaemonAddress address = DaemonAddress.of(project, EngineClassPath.current(), Map.of("CI", "false"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(address.socket()) && Files.readString(address.log()).contains("warm-up: " + tables + " tables"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private PipelineResult generate(Path project, String daemon, boolean force) throws Exception {
        PipelineResult[] result = new PipelineResult[1];
        int code = Goals.generate(settings(project, daemon, force), Map.of("CI", "false"), out::add, out::add, r -> result[0] = r);
        assertEquals(Goals.OK, code, String.join("\n", out));
        return result[0];
    }

    /** One migration (books), generated with {@code daemon=idle}: the daemon that run started. */
    private ProcessHandle booksWithDaemon(Path project, String idle) throws Exception {
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__create_books.sql"),
                "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY);\n");
        generate(project, idle, false);
        return ProcessHandle.of(startedDaemon()).orElseThrow();
    }

    private long startedDaemon() {
        for (String line : out) {
            Matcher matcher = STARTED.matcher(line);
            if (matcher.find()) {
                long pid = Long.parseLong(matcher.group(1));
                daemons.add(pid);
                return pid;
            }
        }
        throw new AssertionError("no daemon started:\n" + String.join("\n", out));
    }

    /** Waits for the daemon's end; returns the PostgreSQL processes it had. */
    private static List<ProcessHandle> awaitExit(ProcessHandle daemon, Duration timeout) throws InterruptedException {
        List<ProcessHandle> servers = new ArrayList<>(postgres(daemon));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (daemon.isAlive() && System.nanoTime() < deadline) {
            servers.addAll(postgres(daemon).stream().filter(p -> !servers.contains(p)).toList());
            Thread.sleep(100);
        }
        assertFalse(daemon.isAlive(), "the daemon did not exit");
        Thread.sleep(500);
        return servers;
    }

    private static void awaitPostgres(ProcessHandle daemon, boolean running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (postgres(daemon).isEmpty() == running && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(running, !postgres(daemon).isEmpty(), "a server of the daemon running");
    }

    private static List<ProcessHandle> postgres(ProcessHandle daemon) {
        return daemon.descendants().filter(p -> p.isAlive() && p.info().command().orElse("").contains("postgres")).toList();
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readString(p));
        }
        return m;
    }
}
