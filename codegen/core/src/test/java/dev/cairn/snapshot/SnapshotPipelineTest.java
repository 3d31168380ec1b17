package dev.cairn.snapshot;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.files.FileTrees;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated classes from a snapshot plus the new migrations are the bytes a run from zero gives,
 * and every way a snapshot can be unusable ends in a run from zero.
 */
class SnapshotPipelineTest {

    private static final Path TRACKER = Path.of("../../schema/src/main/resources/db").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    private SnapshotCache cache() {
        return new SnapshotCache(dir.resolve("cache"), SnapshotCache.parseSize("1g"));
    }

    private PipelineOptions options(List<Path> migrations, Path output) {
        return new PipelineOptions(migrations, output, CodegenSettings.defaults()).withLint(LintConfig.reportOnly())
                .withLockFile(dir.resolve("migrations.lock")).withFingerprintFile(output.resolveSibling(output.getFileName() + ".fingerprint"));
    }

    private PipelineResult run(List<Path> migrations, Path output, boolean force) throws Exception {
        lines.clear();
        return new Pipeline(DatabaseProvider.embedded(), lines::add).withSnapshots(cache())
                .run(options(migrations, output).withForce(force));
    }

    private String line(String stage) {
        return lines.stream().filter(l -> l.startsWith(stage + " ")).findFirst().orElse("(no " + stage + " line in " + lines + ")");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void trackerChainOnASnapshotGivesTheBytesOfARunFromZero() throws Exception {
        Path migration = dir.resolve("db/migration");
        Path data = dir.resolve("db/data");
        copyTree(TRACKER.resolve("migration"), migration);
        copyTree(TRACKER.resolve("data"), data);
        Path newest = migration.resolve("V59__create_stories.sql");
        String v59 = Files.readString(newest);
        Files.delete(newest);
        List<Path> dirs = List.of(migration, data);

        run(dirs, dir.resolve("seed"), false);
        assertTrue(line("migrate").contains("58 migrations applied, schema at version 58 (from zero)"), line("migrate"));

        Files.writeString(newest, v59);
        PipelineResult fromSnapshot = run(dirs, dir.resolve("snap"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V58 (58 reused), schema at version 59"), line("migrate"));
        assertEquals(1, fromSnapshot.migrationsApplied());

        run(dirs, dir.resolve("zero"), true);
        assertTrue(line("migrate").contains("59 migrations applied, schema at version 59 (from zero)"), "--force: " + line("migrate"));

        assertFalse(FileTrees.files(dir.resolve("zero")).isEmpty());
        assertEquals(FileTrees.files(dir.resolve("zero")).keySet(), FileTrees.files(dir.resolve("snap")).keySet());
        assertTrue(FileTrees.sameContent(dir.resolve("zero"), dir.resolve("snap")), "byte-identical to a run from zero");
    }

    @Test
    void enumValueDroppedColumnAndPartialIndexOnASnapshotMatchARunFromZero() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_mood.sql"), "CREATE TYPE mood AS ENUM ('sad', 'ok');");
        Files.writeString(m.resolve("V2__create_people.sql"), """
                CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                  nickname text, current_mood mood NOT NULL DEFAULT 'ok', active boolean NOT NULL DEFAULT true);
                """);
        run(List.of(m), dir.resolve("seed"), false);

        Files.writeString(m.resolve("V3__happy_no_nickname_active_index.sql"), """
                ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
                ALTER TABLE people DROP COLUMN nickname;
                CREATE INDEX people_active_name ON people (name) WHERE active;
                """);
        run(List.of(m), dir.resolve("snap"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V2 (2 reused)"), line("migrate"));
        run(List.of(m), dir.resolve("zero"), true);

        Path pkg = dir.resolve("snap/org/jooq/generated");
        assertTrue(Files.readString(pkg.resolve("enums/Mood.java")).contains("happy(\"happy\")"));
        assertFalse(Files.readString(pkg.resolve("tables/People.java")).contains("nickname"));
        assertTrue(Files.readString(pkg.resolve("Indexes.java")).contains("people_active_name"));
        assertTrue(FileTrees.sameContent(dir.resolve("zero"), dir.resolve("snap")), "byte-identical to a run from zero");
    }

    @Test
    void onASnapshotAFailingNewMigrationIsNamedByItsOwnPath() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("seed"), false);

        // Flyway reads a copy of the new migration (PendingMigrations); the error names the original.
        Path bad = Files.createDirectories(m.resolve("later")).resolve("V2__b.sql");
        Files.writeString(bad, "CREATE TABLE b (id int PRIMARY KEY);\nALTER TABLE missing ADD COLUMN x int;\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.cairn.migrate.MigrationFailedException.class,
                () -> run(List.of(m), dir.resolve("failed"), false));
        assertTrue(e.getMessage().contains("(" + bad + ")"), e.getMessage());
        assertFalse(e.getMessage().contains(PendingMigrations.PREFIX), e.getMessage());

        Files.writeString(bad, "CREATE TABLE b (id int PRIMARY KEY);\n");
        run(List.of(m), dir.resolve("snap"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V1 (1 reused)"), line("migrate"));
        run(List.of(m), dir.resolve("zero"), true);
        assertTrue(FileTrees.sameContent(dir.resolve("zero"), dir.resolve("snap")), "byte-identical to a run from zero");
    }

    @Test
    void aChangedMigrationFallsBackToTheLongestPrefixThatStillMatches() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o1"), false); // snapshot @V2
        Files.writeString(m.resolve("V3__c.sql"), "CREATE TABLE c (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o2"), false); // snapshot @V3
        assertTrue(line("migrate").contains("on snapshot @V2 (2 reused)"), line("migrate"));

        // The newest migration edited (a branch switch, which brings its own lock): @V3 no longer matches, @V2 does.
        Files.writeString(m.resolve("V3__c.sql"), "CREATE TABLE c (id int PRIMARY KEY, note text);");
        relock(m);
        run(List.of(m), dir.resolve("o3"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V2 (2 reused)"), line("migrate"));

        // An out-of-order version below the newest: @V3 is no prefix any more, @V2 still is.
        Files.writeString(m.resolve("V2_5__b2.sql"), "CREATE TABLE b2 (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o4"), false);
        assertTrue(line("migrate").contains("2 new migrations on snapshot @V2 (2 reused)"), line("migrate"));
        assertTrue(Files.exists(dir.resolve("o4/org/jooq/generated/tables/B2.java")));

        // The first migration edited: no snapshot is a prefix any more.
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id bigint PRIMARY KEY);");
        relock(m);
        run(List.of(m), dir.resolve("o5"), false);
        assertTrue(line("migrate").contains("4 migrations applied, schema at version 3 (from zero)"), line("migrate"));

        // Nothing new at all (only the generator settings changed, say): the whole chain is reused.
        run(List.of(m), dir.resolve("o6"), false);
        assertTrue(line("migrate").contains("0 new migrations on snapshot @V3 (4 reused)"), line("migrate"));
        assertTrue(FileTrees.sameContent(dir.resolve("o5"), dir.resolve("o6")));
    }

    @Test
    void aSnapshotKeepsOneVersionedHistoryRowAndSnapshotsOfSnapshotsStillExtend() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        Files.writeString(m.resolve("V1_1__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        Files.writeString(m.resolve("R__v.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM a;");
        run(List.of(m), dir.resolve("o1"), false);
        // Flyway reads its history twice per migrate: a snapshot of 2,000 migrations holds one row of them, not 2,000.
        assertEquals(List.of("1.1", "null"), historyOfTheOnlySnapshot());

        Files.delete(m.resolve("R__v.sql")); // a chain of versions only: each snapshot extends the last
        Files.writeString(m.resolve("V2__c.sql"), "CREATE TABLE c (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o2"), false);
        assertTrue(line("migrate").contains("3 migrations applied, schema at version 2 (from zero)"), line("migrate"));
        Files.writeString(m.resolve("V3__d.sql"), "CREATE TABLE d (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o3"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V2 (3 reused)"), line("migrate"));
        // Kept although its history is [2, 3], not the chain's four versions.
        Files.writeString(m.resolve("V4__e.sql"), "CREATE TABLE e (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("snap"), false);
        assertTrue(line("migrate").contains("1 new migration on snapshot @V3 (4 reused), schema at version 4"), line("migrate"));
        run(List.of(m), dir.resolve("zero"), true);
        assertTrue(FileTrees.sameContent(dir.resolve("zero"), dir.resolve("snap")), "byte-identical to a run from zero");
    }

    /** The versions in the history table of the cache's one snapshot, read on a server started from a copy of it. */
    private List<String> historyOfTheOnlySnapshot() throws Exception {
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries.toString());
        List<String> versions = new ArrayList<>();
        try (var db = DatabaseProvider.embedded().startFrom(data -> FileTrees.copyTree(entries.getFirst().resolve("data"), data));
             var c = db.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) versions.add(String.valueOf(rs.getString(1)));
        }
        return versions;
    }

    @Test
    void aSnapshotWithAGarbledCatalogIsDiscardedAtItsFirstRefusalNotAfterTheStartTimeout() throws Exception {
        Path m = oneMigrationGenerated("o1");
        List<Path> entries = entries();
        assertEquals(1, entries.size());
        // pg_class of the database the runs use, overwritten in place (a disk that lost a block), and the relation
        // cache's init file gone, so a connection must read it: the server starts, and refuses every connection.
        Path data = entries.getFirst().resolve("data");
        Path pgClass = data.resolve("base/5/1259");
        byte[] garbage = new byte[(int) Files.size(pgClass)];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(pgClass, garbage);
        Files.deleteIfExists(data.resolve("base/5/pg_internal.init"));

        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o2"), false);
        String notice = line("snapshot");
        assertTrue(notice.matches("snapshot +snapshot @V1 unusable \\(.*\\): discarded, migrating from zero +0\\.0 s"), notice);
        assertTrue(notice.contains("refuses connections"), "the server's own answer, not a minute's wait: " + notice);
        assertTrue(line("migrate").contains("2 migrations applied, schema at version 2 (from zero)"), line("migrate"));
        assertFalse(Files.exists(entries.getFirst()), "the broken entry left the cache");
    }

    @Test
    void aCorruptSnapshotIsDiscardedAndTheRunGoesFromZero() throws Exception {
        Path m = oneMigrationGenerated("o1");
        List<Path> entries = entries();
        assertEquals(1, entries.size());
        // What a kill during a copy or a full disk can leave: the control file gone.
        Files.delete(entries.getFirst().resolve("data/global/pg_control"));

        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve("o2"), false);
        assertTrue(line("snapshot").matches("snapshot +snapshot @V1 unusable \\(.*\\): discarded, migrating from zero +0\\.0 s"),
                line("snapshot"));
        assertTrue(line("migrate").contains("2 migrations applied, schema at version 2 (from zero)"), line("migrate"));
        assertFalse(Files.exists(entries.getFirst()), "corrupt entry removed");
        assertEquals(1, entries().size(), "the run from zero stored a good one");
        assertTrue(Files.exists(dir.resolve("o2/org/jooq/generated/tables/B.java")));
    }

    @Test
    void aChainWithCallbacksAndABaselineAlwaysMigratesFromZero() throws Exception {
        // Two locations, two schemas, placeholders, own history table, baseline, repeatable, beforeMigrate callback.
        dev.cairn.chains.RealisticChain chain = dev.cairn.chains.RealisticChain.copyTo(dir);
        java.util.function.Function<Path, PipelineOptions> opts = out -> options(chain.locations(), out)
                .withFlyway(chain.flyway());
        lines.clear();
        new Pipeline(DatabaseProvider.embedded(), lines::add).withSnapshots(cache()).run(opts.apply(dir.resolve("o1")));
        assertTrue(line("migrate").contains("(from zero)"), line("migrate"));
        Files.writeString(chain.root().resolve("db/migration/V3__create_labels.sql"),
                "CREATE TABLE IF NOT EXISTS app.labels (id int PRIMARY KEY);");
        lines.clear();
        new Pipeline(DatabaseProvider.embedded(), lines::add).withSnapshots(cache()).run(opts.apply(dir.resolve("o2")));
        assertTrue(line("migrate").contains("(from zero)"), "a callback would run twice on a snapshot: " + line("migrate"));
    }

    @Test
    void aNewMigrationIsNeverTakenFromASnapshotSoItsObservationCannotBeSkipped() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_events.sql"), "CREATE TABLE events (id integer PRIMARY KEY, status text);\n");
        run(List.of(m), dir.resolve("o1"), false); // V1 locked, snapshot @V1
        // A new migration that rewrites the table: the database stage observes it and fails the run.
        Files.writeString(m.resolve("V2__widen_events_id.sql"), "ALTER TABLE events ALTER COLUMN id TYPE bigint;\n");
        for (int attempt = 1; attempt <= 2; attempt++) {
            lines.clear();
            org.junit.jupiter.api.Assertions.assertThrows(dev.cairn.observe.ObservedRiskException.class,
                    () -> new Pipeline(DatabaseProvider.embedded(), lines::add).withSnapshots(cache()).run(options(List.of(m),
                            dir.resolve("o2")).withLint(LintConfig.reportOnly().withSeverity("observed-rewrite=error"))));
            assertTrue(line("migrate").contains("1 new migration on snapshot @V1 (1 reused)"), "attempt " + attempt + ": " + line("migrate"));
            assertEquals(1, entries().size(), "a run that failed the observation keeps no snapshot");
        }
    }

    @Test
    void otherProvidersAlwaysStartEmpty() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        // A provider that is not the embedded one (a server, Testcontainers): its database is no data directory here.
        DatabaseProvider notEmbedded = dev.cairn.database.EmbeddedPostgres::start;
        for (String out : List.of("o1", "o2")) {
            lines.clear();
            new Pipeline(notEmbedded, lines::add).withSnapshots(cache()).run(options(List.of(m), dir.resolve(out)));
            assertTrue(line("migrate").matches("migrate +1 migrations applied, schema at version 1 \\(from zero\\) +[0-9.]+ s"), line("migrate"));
        }
        assertFalse(Files.exists(dir.resolve("cache")) && !entries().isEmpty(), "nothing stored");
    }

    @Test
    void checkModeNeverUsesNorStoresSnapshots() throws Exception {
        Path m = oneMigrationGenerated("out");
        List<Path> before = entries();
        lines.clear();
        PipelineResult checked = new Pipeline(DatabaseProvider.embedded(), lines::add).withSnapshots(cache())
                .run(options(List.of(m), dir.resolve("out")).withMode(PipelineOptions.Mode.CHECK).withForce(true));
        assertTrue(checked.ok(), String.join("\n", checked.findings()));
        assertEquals("1 migrations applied, schema at version 1 (from zero)", line("migrate").substring(12).replaceAll("\\s+[0-9.]+ s$", "").strip());
        assertEquals(before, entries());
    }

    @Test
    void twoBuildsAtOnceShareTheCache() throws Exception {
        Path m = oneMigrationGenerated("o1");
        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");

        // Two checkouts of one project (own lock, V1 locked, and output each), one user cache.
        Files.copy(dir.resolve("migrations.lock"), dir.resolve("a.lock"));
        Files.copy(dir.resolve("migrations.lock"), dir.resolve("b.lock"));
        List<String> a = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> b = new java.util.concurrent.CopyOnWriteArrayList<>();
        var both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = both.submit(() -> new Pipeline(DatabaseProvider.embedded(), a::add).withSnapshots(cache())
                    .run(options(List.of(m), dir.resolve("a")).withLockFile(dir.resolve("a.lock"))));
            var second = both.submit(() -> new Pipeline(DatabaseProvider.embedded(), b::add).withSnapshots(cache())
                    .run(options(List.of(m), dir.resolve("b")).withLockFile(dir.resolve("b.lock"))));
            assertEquals(1, first.get().migrationsApplied());
            assertEquals(1, second.get().migrationsApplied());
        } finally {
            both.shutdown();
        }
        assertTrue(a.stream().anyMatch(l -> l.contains("1 new migration on snapshot @V1")), a.toString());
        assertTrue(b.stream().anyMatch(l -> l.contains("1 new migration on snapshot @V1")), b.toString());
        assertTrue(FileTrees.sameContent(dir.resolve("a"), dir.resolve("b")));
        assertEquals(2, entries().size(), "@V1 and one @V2: the build that published second kept nothing extra");
        try (Stream<Path> staging = Files.list(dir.resolve("cache/.staging"))) {
            assertEquals(0, staging.count(), "no staging left");
        }
    }

    /** The lock as `cairn lock` writes it for the files as they are now: every migration released. */
    private void relock(Path m) throws Exception {
        Path lock = dir.resolve("migrations.lock");
        Files.delete(lock);
        dev.cairn.lock.MigrationLocker.enforce(lock, dev.cairn.migrate.MigrationFiles.scan(List.of(m), dir).migrations(),
                dev.cairn.lock.MigrationLocker.Mode.RELOCK);
    }

    /** migration/V1__a.sql, generated into {@code out}: the cache holds its snapshot. */
    private Path oneMigrationGenerated(String out) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        run(List.of(m), dir.resolve(out), false);
        return m;
    }

    private List<Path> entries() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> envs = Files.list(dir.resolve("cache"))) {
            for (Path env : envs.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                try (Stream<Path> e = Files.list(env)) {
                    out.addAll(e.sorted().toList());
                }
            }
        }
        return out;
    }
}
