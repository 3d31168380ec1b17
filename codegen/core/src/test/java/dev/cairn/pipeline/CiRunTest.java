package dev.cairn.pipeline;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI proves the chain from zero with the plugin's default output under target/ too: it never reads
 * or writes a snapshot, never writes the lock and fails on a migration the lock lacks. The case
 * that once slipped through: CI=true with output in target/ was no check, so it took snapshots.
 */
class CiRunTest {

    private static final Map<String, String> DEVELOPER = Map.of("CI", "false");

    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();
    private PipelineResult last;

    private int generate(Map<String, String> environment, Map<Setting, String> more) throws Exception {
        lines.clear();
        last = null;
        Map<Setting, String> explicit = new java.util.EnumMap<>(Setting.class);
        explicit.put(Setting.SNAPSHOT_CACHE, project.resolve("snapshots").toString());
        explicit.put(Setting.DAEMON, "off");
        explicit.put(Setting.DATABASE, "embedded");
        explicit.put(Setting.LINT, "missing-undo=off");
        explicit.putAll(more);
        CairnSettings settings = CairnSettings.resolve(project, explicit, Map.of(), environment);
        return Goals.run(settings, environment, lines::add, lines::add, r -> last = r, null);
    }

    private void migration(String name, String sql) throws IOException {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve(name), sql);
    }

    /** Every file of the snapshot cache with its size and time stamp: a read marks an entry as used. */
    private Map<String, String> cacheState() throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path root = project.resolve("snapshots");
        if (!Files.exists(root)) return m;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                m.put(root.relativize(p).toString(), a.size() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return m;
    }

    @Test
    void ciMigratesFromZeroWritesNoLockAndTouchesNoSnapshot() throws Exception {
        migration("V1__create_authors.sql", "CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);");
        migration("V2__create_books.sql", "CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint REFERENCES authors);");
        assertEquals(Goals.OK, generate(DEVELOPER, Map.of()), String.join("\n", lines));
        Path lock = project.resolve("src/main/resources/db/migrations.lock");
        assertTrue(Files.isRegularFile(lock));
        assertFalse(cacheState().isEmpty(), "the local run kept a snapshot");

        // A new migration nobody locked: CI (here Jenkins, which sets no CI=true) accepts nothing unlocked.
        migration("V3__create_notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);");
        String lockBefore = Files.readString(lock);
        Map<String, String> cacheBefore = cacheState();
        Map<String, String> jenkins = Map.of("JENKINS_URL", "http://jenkins.example/");
        assertEquals(Goals.FINDINGS, generate(jenkins, Map.of()), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("V3__create_notes.sql") && l.contains("not in migrations.lock")), lines.toString());
        assertEquals(lockBefore, Files.readString(lock), "CI writes no lock");
        // Through the Maven plugin's door, the advice names Maven's commands, not the CLI's.
        List<String> maven = new ArrayList<>();
        int code = dev.cairn.build.MavenGoal.run("generate", project, Map.of("snapshotCache", project.resolve("snapshots").toString(),
                        "daemon", "off", "database", "embedded", "lint", "missing-undo=off"), null, Map.of(), jenkins,
                maven::add, maven::add, maven::add, root -> { }, (line, inputs) -> { });
        assertEquals(Goals.FINDINGS, code, String.join("\n", maven));
        assertTrue(maven.stream().anyMatch(l -> l.contains("run `mvn cairn:lock` (a local `mvn generate-sources` does it too)")), maven.toString());
        assertTrue(maven.stream().noneMatch(l -> l.contains("cairn lock`")), "no CLI command for a Maven user: " + maven);

        // Locked by a developer's run (from the snapshot), then CI builds it from zero and leaves every cache alone.
        assertEquals(Goals.OK, generate(DEVELOPER, Map.of()), String.join("\n", lines));
        assertFalse(last.fromZero(), "the developer's run started from the snapshot of V2");
        lockBefore = Files.readString(lock);
        cacheBefore = cacheState();
        assertEquals(Goals.OK, generate(jenkins, Map.of()), String.join("\n", lines));
        assertEquals(PipelineResult.Outcome.GENERATED, last.outcome(), "CI never answers from the fingerprint");
        assertTrue(last.fromZero(), "CI never starts from a snapshot");
        assertEquals(3, last.migrationsApplied());
        assertEquals(cacheBefore, cacheState(), "CI neither reads nor stores a snapshot");
        assertEquals(lockBefore, Files.readString(lock));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("migrate") && l.contains("(from zero)")), lines.toString());
        assertTrue(Files.isRegularFile(project.resolve("target/generated-sources/jooq/org/jooq/generated/tables/Notes.java")));

        // --force on a developer's machine: from zero too, whatever the cache holds.
        assertEquals(Goals.OK, generate(DEVELOPER, Map.of(Setting.FORCE, "true")), String.join("\n", lines));
        assertTrue(last.fromZero(), "--force never starts from a snapshot");
        assertEquals(3, last.migrationsApplied());
        assertEquals(cacheBefore, cacheState(), "--force neither reads nor stores a snapshot");
    }
}
