package dev.cairn.walk;

import dev.cairn.files.FileTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of issue 24, item 7, in the build: a short walk with a fixed seed, every front end and
 * every kind of move, and not one step whose result differs from a run from zero. The long walks
 * (bench/walk.sh, {@code -Dwalk.steps=N -Dwalk.seed=S}) run the same code.
 */
class WalkTest {

    @TempDir
    Path work;

    private UserWalk walk;

    @AfterEach
    void stopEngines() throws Exception {
        if (walk == null) return;
        walk.close();
        assertEquals(List.of(), walk.startedEngines().stream().filter(ProcessHandle::isAlive).toList(), "a warm engine the walk started is left");
        assertEquals(List.of(), WarmEngines.of(walk.project().dir), "a warm engine of the walk's project is left");
    }

    /**
     * Minimised from the walk (CORRUPT_CACHE): a cached file hash damaged in place, its line still
     * well formed, while the file's size, time and inode are unchanged. A local run must not take
     * the damaged hash for the file's content.
     */
    @Test
    void aDamagedEntryOfTheFileHashCacheIsNotTakenForTheFile() throws Exception {
        WalkProject project = WalkProject.create(work.resolve("project"));
        Path v1 = project.migrations().resolve("V1__create_t1.sql");
        // written a while ago, so the cache may remember its hash (FileStamp.SETTLE)
        Files.setLastModifiedTime(v1, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path snapshots = Files.createDirectories(work.resolve("snapshots"));
        try (Oracle oracle = new Oracle(work.resolve("oracle"))) {
            assertEquals(0, FrontEnd.PLUGIN_IN_PROCESS.run(project, snapshots, DEVELOPER, false, line -> { }));
            project.commitAll("ship"); // V1 and its lock line released
            assertEquals("src/main/resources/db/migration/V1__create_t1.sql",
                    project.dir.relativize(Path.of(Move.corruptHash(project.dir.resolve(Move.FILE_HASHES), new Random(1)))).toString());
            project.setting("packageName", "com.example.db"); // something to do, so the run reads the migrations
            var fromZero = oracle.answer(project, DEVELOPER, null);
            int exit = FrontEnd.PLUGIN_IN_PROCESS.run(project, snapshots, DEVELOPER, false, line -> { });
            assertEquals(List.of(), Observation.of(exit, project.dir).differences(fromZero.get()));
        }
    }

    /**
     * A snapshot whose data directory is damaged (PG_VERSION, one byte, as CORRUPT_CACHE does) is
     * unusable: the run migrates from zero and gives its result, it does not fail the build.
     */
    @Test
    void aDamagedSnapshotIsDiscardedNotAFailedBuild() throws Exception {
        WalkProject project = WalkProject.create(work.resolve("project"));
        Path snapshots = Files.createDirectories(work.resolve("snapshots"));
        List<String> lines = new ArrayList<>();
        try (Oracle oracle = new Oracle(work.resolve("oracle"))) {
            assertEquals(0, FrontEnd.PLUGIN_IN_PROCESS.run(project, snapshots, DEVELOPER, false, lines::add), String.join("\n", lines));
            project.commitAll("ship");
            List<Path> versions = FileTrees.files(snapshots).values().stream()
                    .filter(f -> f.getFileName().toString().equals("PG_VERSION") && f.getParent().getFileName().toString().equals("data")).toList();
            assertEquals(1, versions.size(), "one snapshot kept: " + versions);
            Files.writeString(versions.getFirst(), "10\n"); // was 18: a byte flipped
            Files.writeString(project.migrations().resolve("V2__create_t2.sql"), "CREATE TABLE IF NOT EXISTS t2 (id bigint PRIMARY KEY);\n");
            var fromZero = oracle.answer(project, DEVELOPER, null);
            lines.clear();
            int exit = FrontEnd.PLUGIN_IN_PROCESS.run(project, snapshots, DEVELOPER, false, lines::add);
            assertEquals(List.of(), Observation.of(exit, project.dir).differences(fromZero.get()), String.join("\n", lines));
        }
    }

    /**
     * Found by the walk: with an inline {@code <generator>} the warm engine died at its first request
     * (the protocol sent jOOQ's {@code Generator.toString()}, which has no {@code <generator>} root).
     * Results stayed right (every run fell back to its own JVM), but such a project never ran warm.
     * Fixed in the protocol ({@code UserGenerator.asXml}); this is its regression test.
     */
    @Test
    void withAnInlineGeneratorTheWarmEngineServesTheNextGenerate() throws Exception {
        WalkProject project = WalkProject.create(work.resolve("project"));
        Path snapshots = Files.createDirectories(work.resolve("snapshots"));
        project.inlineGenerator = "<generator><generate><records>false</records><javadoc>false</javadoc></generate></generator>";
        List<String> lines = new ArrayList<>();
        List<String> all = new ArrayList<>();
        assertEquals(0, FrontEnd.PLUGIN_WARM.run(project, snapshots, DEVELOPER, false, lines::add), String.join("\n", lines));
        all.addAll(lines);
        ProcessHandle engine = lines.stream().map(WarmEngines::startedBy).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no engine started:\n" + String.join("\n", lines)));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (engine.isAlive() && WarmEngines.of(project.dir).isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertEquals(List.of(engine), WarmEngines.of(project.dir), "the warm engine listens");
            // The next generate is the engine's: it reads the request, with the generator, and serves it.
            Files.writeString(project.migrations().resolve("V2__create_t2.sql"), "CREATE TABLE IF NOT EXISTS t2 (id bigint PRIMARY KEY);\n");
            lines.clear();
            assertEquals(0, FrontEnd.PLUGIN_WARM.run(project, snapshots, DEVELOPER, false, lines::add), String.join("\n", lines));
            all.addAll(lines);
            assertTrue(engine.isAlive(), "the warm engine died on the request (its log is in the cairn-daemons folder):\n" + String.join("\n", lines));
        } finally {
            // every engine these runs started (the second run starts another when the first died)
            for (ProcessHandle started : all.stream().map(WarmEngines::startedBy).flatMap(Optional::stream).toList()) {
                started.destroy();
                WarmEngines.awaitExit(started, Duration.ofSeconds(30));
            }
        }
    }

    private static final Map<String, String> DEVELOPER = Map.of("CI", "false");

    @Test
    void everyStepGivesTheResultOfARunFromZero() throws Exception {
        long seed = Long.getLong("walk.seed", 20261207L);
        int steps = Integer.getInteger("walk.steps", 40);
        walk = new UserWalk(work, seed, System.out::println);
        UserWalk.Report report = walk.walk(steps);
        System.out.println("walk seed " + seed + ": " + report.steps() + " steps, " + report.divergences().size() + " divergences, "
                + report.oracleRuns() + " runs from zero, " + report.wallTime().toSeconds() + " s, " + report.frontEnds() + ", " + report.exits() + ", " + report.routes());
        assertEquals(steps, report.steps());
        assertEquals(FrontEnd.all().size(), report.frontEnds().size(), "the walk went through every front end: " + report.frontEnds());
        // A proof of the shortcuts only if the walk took them: the warm engine, a snapshot, the fingerprint's verdict.
        for (String shortcut : List.of("warm engine", "snapshot", "up to date")) {
            assertTrue(report.routes().keySet().stream().anyMatch(r -> r.contains(shortcut)), shortcut + " never taken: " + report.routes());
        }
        assertEquals(List.of(), report.divergences(), report.divergences().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }
}
