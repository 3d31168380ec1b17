package dev.cairn.daemon;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.files.HeldLock;
import dev.cairn.generate.UserGenerator;
import dev.cairn.pipeline.PipelineResult;
import org.jooq.meta.jaxb.Generator;
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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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

    /**
     * Stops the daemons a test started and waits (bounded) until they are gone: a daemon writes its
     * caches into the project's target/ after a run, and must not do so while the test's folder is
     * being deleted (a busy CI machine saw exactly that race).
     */
    @AfterEach
    void stopDaemons() throws Exception {
        for (long pid : daemons) {
            java.util.Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
            if (daemon.isEmpty()) continue;
            daemon.get().destroy();
            try {
                daemon.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stuck) {
                daemon.get().destroyForcibly();
                daemon.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
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
        ProcessHandle daemon = listeningWithBooks(project, "1m");

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
        generate(project, "1m", false);
        // Its socket is left: one line says so, and this run starts the next daemon.
        assertTrue(out.getFirst().startsWith("daemon      the warm engine (pid " + daemon.pid() + ") is gone ("), String.join("\n", out));
        assertTrue(out.getFirst().endsWith("): this run runs in its own JVM"), out.getFirst());
        startedDaemon();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orphans().findAny().isPresent() && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(List.of(), orphans().toList(), "PostgreSQL left by the killed daemon");
    }

    @Test
    void anInlineGeneratorRunsInTheDaemon() throws Exception {
        Path project = project();
        Path m = project.resolve("src/main/resources/db/migration");
        Files.writeString(m.resolve("V1__create_books.sql"), "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY);\n");
        // What the plugin passes for <generator><generate><pojos>true</pojos></generate></generator> in a pom.
        Generator pojos = UserGenerator.parse("<generator><generate><pojos>true</pojos></generate></generator>");
        generate(settings(project, "1m", false).withGenerator(pojos));
        startedDaemon();
        awaitListening(project, 1);

        Files.writeString(m.resolve("V2__create_authors.sql"), "CREATE TABLE IF NOT EXISTS authors (id bigint PRIMARY KEY, name text);\n");
        out.clear();
        PipelineResult warm = generate(settings(project, "1m", false).withGenerator(pojos));
        assertTrue(out.getFirst().startsWith("daemon      run 1 in the warm engine, pid "), String.join("\n", out));
        assertEquals(2, warm.tables());
        assertTrue(files(project.resolve("target/generated-sources/jooq")).keySet().stream()
                .anyMatch(f -> f.endsWith("tables/pojos/Authors.java")), "POJOs generated in the daemon");
    }

    @Test
    void findingsKeepTheirLevelAndAdviceNamesTheClientsFrontEndInTheDaemon() throws Exception {
        Path project = project();
        listeningWithBooks(project, "1m");
        Files.writeString(project.resolve("src/main/resources/db/migration/V2__index_books.sql"),
                "CREATE INDEX IF NOT EXISTS idx_books_id ON books (id);\n");
        List<String> info = new CopyOnWriteArrayList<>();
        List<String> warn = new CopyOnWriteArrayList<>();
        List<String> error = new CopyOnWriteArrayList<>();
        int code = Goals.generate(settings(project, "1m", false).withFrontEnd(dev.cairn.config.FrontEnd.MAVEN), Map.of("CI", "false"),
                dev.cairn.pipeline.RunOutput.of(info::add, warn::add, error::add), error::add, r -> { });
        assertEquals(Goals.FINDINGS, code, info + "\n" + error);
        assertTrue(info.getFirst().startsWith("daemon      run 1 in the warm engine, pid "), String.join("\n", info));
        assertTrue(error.stream().anyMatch(l -> l.contains("V2__index_books.sql:1 error index-not-concurrent")), "at ERROR: " + error);
        assertTrue(info.stream().noneMatch(l -> l.contains("index-not-concurrent")), "not at INFO: " + info);
        assertTrue(error.stream().anyMatch(l -> l.contains("`mvn cairn:lint` runs the checks alone")), "Maven's command: " + error);
    }

    @Test
    void aStoppedDaemonNeverHangsABuildAndDropsTheRequestsWhoseClientsAreGone() throws Exception {
        Path project = project();
        Path m = project.resolve("src/main/resources/db/migration");
        ProcessHandle daemon = listeningWithBooks(project, "5m");
        DaemonAddress address = DaemonAddress.of(project, EngineClassPath.current(), Map.of("CI", "false"));
        Path lock = project.resolve("src/main/resources/db/migrations.lock");
        Path fingerprint = settings(project, "5m", false).pipelineOptions(Map.of("CI", "false")).fingerprintFile();
        signal(daemon, "STOP");
        try {
            // A generate: the bounded wait, one line, and the run here.
            Files.writeString(m.resolve("V2__create_authors.sql"), "CREATE TABLE IF NOT EXISTS authors (id bigint PRIMARY KEY);\n");
            out.clear();
            PipelineResult here = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> generate(project, "5m", false));
            assertEquals("daemon      the warm engine (pid " + daemon.pid() + ") did not answer within 10 s (stopped, or stuck):"
                    + " this run runs in its own JVM (the engine drops the request, its client gone)", out.getFirst());
            assertEquals(PipelineResult.Outcome.GENERATED, here.outcome());
            assertEquals(2, here.tables());
            // cairn daemon and daemon=stop: each waits as long, says so, and leaves the daemon and its socket.
            List<String> listed = new CopyOnWriteArrayList<>();
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> DaemonClient.everyDaemon(false, listed::add));
            assertTrue(listed.stream().anyMatch(l -> l.equals("the warm engine (pid " + daemon.pid() + ") did not answer within 10 s"
                    + " (stopped, or stuck): left as it is; its socket " + address.socket())), String.join("\n", listed));
            List<String> stopped = new CopyOnWriteArrayList<>();
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> DaemonClient.stop(settings(project, "stop", false), Map.of("CI", "false"), stopped::add));
            assertEquals(List.of("daemon      the warm engine (pid " + daemon.pid() + ") did not answer within 10 s (stopped, or stuck): not stopped"), stopped);
            assertTrue(Files.exists(address.socket()));
            // A migration the dead client's request would now find, were it run.
            Files.writeString(m.resolve("V3__create_reviews.sql"), "CREATE TABLE IF NOT EXISTS reviews (id bigint PRIMARY KEY);\n");
        } finally {
            signal(daemon, "CONT");
        }
        String lockBefore = Files.readString(lock);
        String fingerprintBefore = Files.readString(fingerprint);
        awaitLog(address, "a generate dropped: its client was gone before it began", "a stop dropped");
        assertEquals(lockBefore, Files.readString(lock), "the lock is as the run here left it");
        assertEquals(fingerprintBefore, Files.readString(fingerprint));
        assertFalse(files(project.resolve("target/generated-sources/jooq")).keySet().stream().anyMatch(f -> f.endsWith("Reviews.java")));
        assertTrue(daemon.isAlive(), "the stop whose client gave up was dropped too");

        // And the daemon serves the next generate.
        out.clear();
        PipelineResult warm = generate(project, "5m", false);
        assertTrue(out.getFirst().startsWith("daemon      run 1 in the warm engine, pid " + daemon.pid()), String.join("\n", out));
        assertEquals(3, warm.tables());
    }

    @Test
    void statusAndStopAreServedBesideARunningGenerateAndCtrlCOfItsClientDropsIt() throws Exception {
        Path project = project();
        Path m = project.resolve("src/main/resources/db/migration");
        Files.writeString(m.resolve("V1__create_books.sql"), "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY);\n");
        // Builds in JVMs of their own, as Maven's and the CLI's are, with the environment they have.
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put("CI", "false");
        Client first = Client.generate(project, dir.resolve("snapshots"), environment);
        assertEquals(0, first.awaitExit(), first.text());
        Matcher started = STARTED.matcher(first.text());
        assertTrue(started.find(), first.text());
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(started.group(1))).orElseThrow();
        daemons.add(daemon.pid());
        DaemonAddress address = DaemonAddress.of(project, EngineClassPath.current(), environment);
        awaitLog(address, "warm-up: 1 tables");
        awaitSocket(address);

        Path lock = project.resolve("src/main/resources/db/migrations.lock");
        Path fingerprint = settings(project, "5m", false).pipelineOptions(Map.of("CI", "false")).fingerprintFile();
        String lockBefore = Files.readString(lock);
        String fingerprintBefore = Files.readString(fingerprint);
        // A migration that takes its time: the run is in its migrate stage for 15 s.
        Files.writeString(m.resolve("V2__slow.sql"), "SELECT pg_sleep(15);\nCREATE TABLE authors (id bigint PRIMARY KEY);\n");
        Client second = Client.generate(project, dir.resolve("snapshots"), environment);
        second.awaitLine(l -> l.startsWith("daemon      run 1 in the warm engine, pid " + daemon.pid()));

        List<String> status = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DaemonClient.ask(address.socket(), DaemonProtocol.STATUS));
        assertTrue(second.process().isAlive(), "status answered while the generate runs");
        assertTrue(status.getFirst().startsWith("pid " + daemon.pid() + " ") && status.getFirst().contains("running one"), status.toString());

        // daemon=stop while the run runs: answered now; the daemon ends after that run.
        List<String> stopped = new CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DaemonClient.stop(settings(project, "stop", false), environment, stopped::add));
        assertEquals(List.of("daemon      stopped this project's warm engine (daemon=stop)"), stopped);
        assertTrue(second.process().isAlive() && daemon.isAlive(), "the stop came while the run ran");

        // Ctrl-C of the build: the daemon drops the run (it had not begun to write) and the build says so.
        signal(second.process().toHandle(), "INT");
        assertEquals(130, second.awaitExit(), second.text());
        assertTrue(second.text().contains("interrupted: the warm engine (pid " + daemon.pid() + ") drops the run before it writes"
                + " anything; nothing was written"), second.text());
        awaitExit(daemon, Duration.ofSeconds(90));
        assertTrue(Files.readString(address.log()).contains("dropped before it wrote anything (its client cancelled or went away)"),
                Files.readString(address.log()));
        assertEquals(lockBefore, Files.readString(lock), "V2 is not locked");
        assertEquals(fingerprintBefore, Files.readString(fingerprint));
        assertFalse(files(project.resolve("target/generated-sources/jooq")).keySet().stream().anyMatch(f -> f.endsWith("Authors.java")));
    }

    @Test
    void aNewEngineStopsTheProjectsDaemonsOfOtherEngines() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__create_books.sql"),
                "CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY);\n");
        // A daemon of this project that an older cairn started (its address names another engine); no warm-up.
        DaemonAddress older = DaemonAddress.of(project, "cairn 0.9 (older)", Map.of("CI", "false"));
        Process old = DaemonClient.launch(older, EngineClassPath.current(), Duration.ofMinutes(5),
                first -> DaemonProtocol.writeBare(first, DaemonProtocol.STOP));
        daemons.add(old.pid());
        awaitSocket(older);

        generate(project, "5m", false);
        assertTrue(out.contains("daemon      stopped the warm engine (pid " + old.pid() + ") of another cairn build for this project"),
                String.join("\n", out));
        assertTrue(old.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the older daemon exited");
        startedDaemon();
    }

    /** PostgreSQL servers whose parent is gone (init, pid 1, adopted them). */
    private static Stream<ProcessHandle> orphans() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("/postgres")
                && p.parent().map(ProcessHandle::pid).orElse(1L) == 1L);
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    /** Waits (bounded) until the daemon's log has each of the texts. */
    private static void awaitLog(DaemonAddress address, String... texts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.exists(address.log()) ? Files.readString(address.log()) : "";
            if (Stream.of(texts).allMatch(log::contains)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the daemon's log has not " + List.of(texts) + ":\n" + Files.readString(address.log()));
    }

    private static void awaitSocket(DaemonAddress address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(address.socket()) && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(Files.exists(address.socket()), "the daemon listens");
    }

    /** A generate in a JVM of its own (this repository's build entry), its lines collected as they come. */
    private record Client(Process process, List<String> lines) {

        static Client generate(Path project, Path snapshots, Map<String, String> environment) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-Dcairn.daemon=5m", "-Dcairn.database=embedded", "-Dcairn.snapshotCache=" + snapshots));
            DaemonAddress.passedOn().forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of(dev.cairn.build.BuildEntry.class.getName(), "generate", project.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(environment);
            Client c = new Client(pb.start(), new CopyOnWriteArrayList<>());
            Thread reader = new Thread(() -> {
                try (var r = c.process.inputReader()) {
                    r.lines().forEach(c.lines::add);
                } catch (IOException | java.io.UncheckedIOException ended) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), "the build ended:\n" + text());
            process.getInputStream().close();
            return process.exitValue();
        }

        void awaitLine(java.util.function.Predicate<String> line) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (lines.stream().noneMatch(line) && process.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(lines.stream().anyMatch(line), text());
        }

        String text() {
            return String.join("\n", lines);
        }
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
        return generate(settings(project, daemon, force));
    }

    private PipelineResult generate(CairnSettings settings) throws Exception {
        PipelineResult[] result = new PipelineResult[1];
        int code = Goals.generate(settings, Map.of("CI", "false"), out::add, out::add, r -> result[0] = r);
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

    /** {@link #booksWithDaemon}, once the daemon listens, warmed up. */
    private ProcessHandle listeningWithBooks(Path project, String idle) throws Exception {
        ProcessHandle daemon = booksWithDaemon(project, idle);
        awaitListening(project, 1);
        return daemon;
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
