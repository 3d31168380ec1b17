package dev.cairn.pipeline;

import dev.cairn.lint.LintConfig;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.files.FileTrees;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    private PipelineOptions options(Path migrations, Path output) {
        return new PipelineOptions(List.of(migrations), output, CodegenSettings.defaults()).withLint(LintConfig.reportOnly());
    }

    private Path migrations(String... nameAndSql) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < nameAndSql.length; i += 2) Files.writeString(m.resolve(nameAndSql[i]), nameAndSql[i + 1]);
        return m;
    }

    @Test
    void migratesGeneratesAndReportsEachStage() throws Exception {
        Path m = migrations(
                "V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, name text NOT NULL,"
                        + " score numeric CHECK (score >= 0 AND score <= 1));",
                "V2__create_item_kind.sql", "DO $$ BEGIN CREATE TYPE item_kind AS ENUM ('a','b');"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;",
                "V3__index_items_name.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_name ON items (name);");
        Path out = dir.resolve("out");

        PipelineResult r = new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, out));

        assertEquals(3, r.migrationsApplied());
        assertEquals(1, r.tables());
        assertEquals(1, r.enums());
        assertTrue(r.outputChanged());
        Path table = out.resolve("org/jooq/generated/tables/Items.java");
        String source = Files.readString(table);
        assertTrue(source.contains("DSL.name(\"score\")"), "column generated");
        assertTrue(source.contains("items_score_check"), "CHECK constraint generated");
        assertTrue(Files.readString(out.resolve("org/jooq/generated/Indexes.java")).contains("idx_items_name"));
        assertTrue(Files.exists(out.resolve("org/jooq/generated/enums/ItemKind.java")));
        // Lint findings are indented under the lint line; every other line starts with its stage.
        assertEquals(List.of("lock", "stale", "lint", "database", "migrate", "observe", "generate", "lock", "fingerprint", "total"),
                lines.stream().filter(l -> !l.startsWith(" ")).map(l -> l.split("\\s+")[0]).toList(),
                "one line per stage: " + lines);
        assertNoStagingLeft(out);
    }

    @Test
    void aLoopOfRunsWritesItsCachesOnceTheRunIsOverAndItsEndWaitsForThem() throws Exception {
        Path m = migrations("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, name text);");
        // Settled (an hour old), so its hash is remembered too.
        Files.setLastModifiedTime(m.resolve("V1__create_items.sql"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
        PipelineOptions o = options(m, dir.resolve("out"));
        try (dev.cairn.snapshot.WarmStart loop = new dev.cairn.snapshot.WarmStart()) {
            new Pipeline(DatabaseProvider.embedded(), lines::add).withWarmStart(loop).run(o);
        }
        // What a new JVM reads: both caches are on disk once the loop has ended.
        assertTrue(Files.readString(o.hashCacheFile()).contains("V1__create_items.sql"), "file hashes written");
        assertTrue(Files.size(o.parseCacheFile()) > 0, "lint parses written");
    }

    @Test
    void twoRunsGiveByteIdenticalOutput() throws Exception {
        Path m = migrations("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, name text);");
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, first));
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, second));
        SortedMap<String, Path> a = FileTrees.files(first);
        assertFalse(a.isEmpty());
        assertEquals(a.keySet(), FileTrees.files(second).keySet());
        assertTrue(FileTrees.sameContent(first, second), "same migrations, same bytes");

        // A rerun into the same directory reports "unchanged" and keeps the files untouched.
        long before = Files.getLastModifiedTime(a.get(a.firstKey())).toMillis();
        PipelineResult again = new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, first));
        assertFalse(again.outputChanged());
        assertEquals(before, Files.getLastModifiedTime(first.resolve(a.firstKey())).toMillis());
    }

    @Test
    void aBrokenMigrationNamesFileLineAndMessageAndLeavesOutputUntouched() throws Exception {
        Path m = migrations("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY);");
        Path out = dir.resolve("out");
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, out));
        SortedMap<String, Path> before = FileTrees.files(out);
        String itemsBefore = Files.readString(out.resolve("org/jooq/generated/tables/Items.java"));

        Files.writeString(m.resolve("V2__add_item_owner.sql"),
                "ALTER TABLE items ADD COLUMN IF NOT EXISTS owner text;\n\nALTER TABLE itemz ADD COLUMN IF NOT EXISTS x int;\n");
        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), lines::add).run(options(m, out)));

        assertEquals("V2__add_item_owner.sql", e.script());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("relation \"itemz\" does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("ALTER TABLE itemz"), "names the statement: " + e.getMessage());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertEquals(before.keySet(), FileTrees.files(out).keySet(), "generated files kept");
        assertEquals(itemsBefore, Files.readString(out.resolve("org/jooq/generated/tables/Items.java")));
        assertNoStagingLeft(out);
    }

    @Test
    void theThrowawayDatabaseIsRemovedAlsoWhenAMigrationFails() throws Exception {
        Path m = migrations("V1__create_broken_reference.sql",
                "CREATE TABLE IF NOT EXISTS broken (id int REFERENCES nowhere(id));");
        List<EmbeddedPostgres> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        DatabaseProvider tracking = () -> {
            EmbeddedPostgres pg = EmbeddedPostgres.start();
            started.add(pg);
            return pg;
        };
        assertThrows(MigrationFailedException.class,
                () -> new Pipeline(tracking, lines::add).run(options(m, dir.resolve("out"))));
        assertEquals(1, started.size());
        EmbeddedPostgres pg = started.getFirst();
        assertFalse(ProcessHandle.of(pg.pid()).map(ProcessHandle::isAlive).orElse(false), "server stopped");
        assertFalse(Files.exists(pg.workDir()), "data directory removed");
        assertFalse(Files.exists(dir.resolve("out")), "no output written");
    }

    @Test
    void aDatabaseStartedBesideAFailingLintIsStoppedAndRemoved() throws Exception {
        Path m = migrations("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY);",
                "V2__index_items.sql", "CREATE INDEX idx_items_id ON items (id);");
        List<EmbeddedPostgres> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        DatabaseProvider tracking = () -> {
            EmbeddedPostgres pg = EmbeddedPostgres.start();
            started.add(pg);
            return pg;
        };
        assertThrows(dev.cairn.lint.LintFailedException.class,
                () -> new Pipeline(tracking, lines::add).run(options(m, dir.resolve("out")).withLint(LintConfig.defaults())));
        assertFalse(Files.exists(dir.resolve("out")), "no output written");
        // The start runs on another thread and may finish after lint failed: it is closed when it does.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && (started.isEmpty() || Files.exists(started.getFirst().workDir()))) {
            Thread.sleep(50);
        }
        assertEquals(1, started.size(), "the database was started beside lint");
        EmbeddedPostgres pg = started.getFirst();
        assertFalse(Files.exists(pg.workDir()), "data directory removed");
        assertFalse(ProcessHandle.of(pg.pid()).map(ProcessHandle::isAlive).orElse(false), "server stopped");
    }

    @Test
    void aNewMigrationIsLockedOnlyOnceARunSucceeds() throws Exception {
        Path m = migrations("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY);");
        Path out = dir.resolve("out");
        PipelineOptions strict = options(m, out).withLint(LintConfig.defaults());
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(strict);
        Path lock = strict.lockFile();
        assertTrue(Files.readString(lock).contains("V1__create_items.sql"));

        // A new migration that fails lint is not locked: fixing the file must not trip the lock.
        Files.writeString(m.resolve("V2__index_items_id.sql"), "CREATE INDEX idx_items_id ON items (id);");
        assertThrows(dev.cairn.lint.LintFailedException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), lines::add).run(strict));
        assertFalse(Files.readString(lock).contains("V2__"), "not locked after a failed run");

        Files.writeString(m.resolve("V2__index_items_id.sql"), "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_id ON items (id);");
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(strict);
        assertTrue(Files.readString(lock).contains("V2__index_items_id.sql"), "locked after the successful run");
    }

    @Test
    void aMissingMigrationDirectoryIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Pipeline(() -> { throw new AssertionError("no database should start"); }, lines::add)
                        .run(options(dir.resolve("nope"), dir.resolve("out"))));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    private static void assertNoStagingLeft(Path out) throws Exception {
        try (var siblings = Files.list(out.getParent())) {
            List<String> left = siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains(".staging-")
                    || n.contains(".previous-")).toList();
            assertTrue(left.isEmpty(), "staging directories left: " + left);
        }
    }

}
