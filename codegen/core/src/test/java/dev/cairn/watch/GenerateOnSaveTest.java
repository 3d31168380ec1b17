package dev.cairn.watch;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.snapshot.SnapshotCache;
import dev.cairn.snapshot.WarmStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saves regenerate (a burst of saves once), failures are shown at once, and closing leaves no server. */
class GenerateOnSaveTest {

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void regeneratesOnSaveOneLinePerRunAndLeavesNoServerBehind() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE items (id int PRIMARY KEY);");
        Path out = dir.resolve("out");
        PipelineOptions options = new PipelineOptions(List.of(m), out, CodegenSettings.defaults())
                .withLint(LintConfig.reportOnly().withSeverity("file-name-style=error"));
        SnapshotCache cache = new SnapshotCache(dir.resolve("cache"), SnapshotCache.parseSize("1g"));
        WarmStart warm = new WarmStart();
        GenerateOnSave watch = new GenerateOnSave(List.of(m),
                stages -> new Pipeline(DatabaseProvider.embedded(), stages).withSnapshots(cache).withWarmStart(warm).run(options),
                lines::add);
        Thread loop = new Thread(() -> {
            try {
                watch.loop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.start();
        try {
            awaitLines(2);
            assertTrue(lines.get(1).contains("start: 1 tables, 0 enums updated; 1 migrations applied"), String.join("\n", lines));

            // Two files saved within the debounce time: one run.
            Files.writeString(m.resolve("V2__create_tags.sql"), "CREATE TABLE tags (id int PRIMARY KEY);");
            Files.writeString(m.resolve("V3__create_notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY);");
            awaitLines(3);
            Thread.sleep(GenerateOnSave.DEBOUNCE.toMillis() * 3);
            assertEquals(3, lines.size(), "one run for the burst: " + lines);
            assertTrue(lines.get(2).contains("V2__create_tags.sql, V3__create_notes.sql: 3 tables, 0 enums updated;"
                    + " 2 new migrations on snapshot @V1 (1 reused, server started ahead)"), String.join("\n", lines));
            // Between runs one server waits, started from the snapshot the last run ended on.
            awaitServers(1);
            assertTrue(Files.exists(out.resolve("org/jooq/generated/tables/Notes.java")));

            // A lint error: shown at once, nothing migrated.
            Files.writeString(m.resolve("V4__x.sql"), "CREATE TABLE x (id int PRIMARY KEY);");
            awaitLines(5);
            assertTrue(lines.get(3).matches("  .*V4__x.sql:1 error file-name-style .*"), String.join("\n", lines));
            assertTrue(lines.get(4).contains("V4__x.sql: 1 migration lint error"), String.join("\n", lines));

            // Deleting it is a save too (back to what was generated); then a migration PostgreSQL refuses: its error at once.
            Files.delete(m.resolve("V4__x.sql"));
            awaitLines(6);
            assertTrue(lines.get(5).contains("V4__x.sql: up to date"), String.join("\n", lines));
            Files.writeString(m.resolve("V4__create_broken.sql"), "CREATE TABLE broken (id int REFERENCES nowhere(id));");
            awaitLines(7);
            assertTrue(lines.get(6).contains("V4__create_broken.sql: Migration V4__create_broken.sql failed at line 1"),
                    String.join("\n", lines));
            assertTrue(lines.get(6).contains("relation \"nowhere\" does not exist"), String.join("\n", lines));
        } finally {
            watch.close();
            loop.join(Duration.ofSeconds(30));
            warm.close();
        }
        assertFalse(loop.isAlive(), "closing ends the loop");
        assertEquals(List.of(), ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().orElse("").contains("postgres")).toList(), "no server left");
    }

    private static void awaitServers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (postmasters() != n && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(n, postmasters(), "servers running");
    }

    /** Servers, not their backends: a postmaster is a direct child of this JVM (or of the unprivileged-user wrapper). */
    private static long postmasters() {
        return ProcessHandle.current().descendants().filter(p -> p.isAlive() && p.info().command().orElse("").contains("postgres")
                && p.parent().map(parent -> !parent.info().command().orElse("").contains("postgres")).orElse(true)).count();
    }

    private void awaitLines(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (lines.size() < n && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(lines.size() >= n, "expected " + n + " lines: " + lines);
    }
}
