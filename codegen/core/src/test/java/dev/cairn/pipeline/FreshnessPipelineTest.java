package dev.cairn.pipeline;

import dev.cairn.lint.LintConfig;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.pipeline.PipelineOptions.Mode;
import dev.cairn.pipeline.PipelineResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The freshness rules end to end, with real files and a real PostgreSQL. One server for the
 * class; each pipeline run gets a database of its own on it (the pipeline's provider contract:
 * a fresh, empty database per run), and the test counts how often one was asked for.
 */
class FreshnessPipelineTest {

    private static EmbeddedPostgres server;
    private static final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path project;
    Path migration;
    PipelineOptions options;
    int starts;
    final List<String> output = new ArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @BeforeEach
    void tinyProject() throws IOException {
        migration = Files.createDirectories(project.resolve("db/migration"));
        Files.createDirectories(project.resolve("db/data"));
        Files.writeString(migration.resolve("V1__create_events.sql"), """
                CREATE TABLE events (
                  id bigint PRIMARY KEY,
                  title text NOT NULL
                );
                CREATE INDEX idx_events_title ON events (title);
                """);
        options = new PipelineOptions(List.of(migration, project.resolve("db/data")),
                project.resolve("generated/src/main/java"), CodegenSettings.defaults()).withLint(LintConfig.reportOnly());
    }

    private PipelineResult run(PipelineOptions o) throws Exception {
        output.clear();
        return new Pipeline(freshDatabase(), output::add).run(o);
    }

    private DatabaseProvider freshDatabase() {
        return () -> {
            starts++;
            String name = "run_" + databases.incrementAndGet();
            sql("CREATE DATABASE " + name);
            return new ThrowawayPostgres() {
                public String jdbcUrl() { return server.jdbcUrl().replaceFirst("/postgres$", "/" + name); }
                public String user() { return server.user(); }
                public String password() { return server.password(); }
                public String description() { return "database " + name + " on " + server.description(); }
                public void close() { sql("DROP DATABASE " + name + " WITH (FORCE)"); }
            };
        };
    }

    private static void sql(String statement) {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path eventsClass() {
        return options.outputDirectory().resolve("org/jooq/generated/tables/Events.java");
    }

    @Test
    void twoRunsAtOnceGenerateOnceTheSecondWaitsAndFindsItUpToDate() throws Exception {
        // What a watch and a terminal's ./mvnw generate-sources do after the same save.
        List<String> first = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> second = new java.util.concurrent.CopyOnWriteArrayList<>();
        DatabaseProvider databases = freshDatabase();
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = threads.submit(() -> runQuietly(databases, first));
        var b = threads.submit(() -> runQuietly(databases, second));
        threads.shutdown();
        List<Outcome> outcomes = new ArrayList<>(List.of(a.get().outcome(), b.get().outcome()));
        outcomes.sort(null);
        assertEquals(List.of(Outcome.UP_TO_DATE, Outcome.GENERATED), outcomes, first + "\n" + second);
        assertEquals(1, starts, "both runs asked for a database");
        List<String> waiter = a.get().outcome() == Outcome.UP_TO_DATE ? first : second;
        assertTrue(waiter.getFirst().startsWith("waiting    "), waiter.toString());
        assertTrue(Files.isRegularFile(eventsClass()));
    }

    private PipelineResult runQuietly(DatabaseProvider databases, List<String> lines) {
        try {
            return new Pipeline(databases, lines::add).run(options);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUpToDateRunLeavesTheLockAloneAndAMissingOneIsWrittenOnlyAfterLintAndObservation() throws Exception {
        assertEquals(Outcome.GENERATED, run(options).outcome());
        Path lock = project.resolve("db/migrations.lock");
        String locked = Files.readString(lock);
        // A time stamp the run would replace if it wrote the file.
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lock, old);

        assertEquals(Outcome.UP_TO_DATE, run(options).outcome());
        assertEquals(old, Files.getLastModifiedTime(lock), "an up-to-date run with every migration locked does not write the lock");

        Files.delete(lock);
        // Its migrations are unlocked again, so new work: the fingerprint's verdict does not lock them unseen.
        PipelineResult relocked = run(options);
        assertEquals(Outcome.GENERATED, relocked.outcome());
        assertEquals(1, relocked.migrationsApplied(), "linted, migrated and observed before it is locked");
        assertEquals(locked, Files.readString(lock), "the lost lock is written again, the same");
        assertTrue(output.stream().anyMatch(l -> l.startsWith("lock        created ")), output.toString());
        assertEquals(2, starts, "a database for the first run and for the one that locked again");
    }

    @Test
    void secondRunIsSkippedUntilAMigrationOrASettingChanges() throws Exception {
        assertEquals(Outcome.GENERATED, run(options).outcome());
        assertTrue(Files.isRegularFile(eventsClass()));
        assertTrue(Files.isRegularFile(project.resolve("generated/codegen.fingerprint")));
        assertTrue(Files.readString(project.resolve("db/migrations.lock")).contains("1 migration/V1__create_events.sql "));

        PipelineResult skipped = run(options);
        assertEquals(Outcome.UP_TO_DATE, skipped.outcome());
        assertEquals(1, starts, "no database for an up-to-date run");
        assertTrue(output.getLast().startsWith("up-to-date  1 migrations unchanged since last generate (fingerprint "
                + skipped.fingerprint() + "); --force to regenerate"), output.getLast());

        // A new migration: locked automatically (local mode) and regenerated.
        Files.writeString(migration.resolve("V2__add_score.sql"), "ALTER TABLE events ADD COLUMN score int;\n");
        PipelineResult regenerated = run(options);
        assertEquals(Outcome.GENERATED, regenerated.outcome());
        assertTrue(regenerated.outputChanged());
        assertTrue(output.stream().anyMatch(l -> l.startsWith("lock        migration/V2__add_score.sql added to")), output.toString());
        assertTrue(output.stream().anyMatch(l -> l.startsWith("stale       migration/V2__add_score.sql added")), output.toString());
        assertTrue(Files.readString(eventsClass()).contains("DSL.name(\"score\")"));

        // An edit of a repeatable migration (not locked: it is meant to change) regenerates too.
        Files.writeString(migration.resolve("R__views.sql"), "CREATE OR REPLACE VIEW titles AS SELECT title FROM events;\n");
        assertEquals(Outcome.GENERATED, run(options).outcome());
        Files.writeString(migration.resolve("R__views.sql"), "CREATE OR REPLACE VIEW titles AS SELECT id, title FROM events;\n");
        assertEquals(Outcome.GENERATED, run(options).outcome());
        assertTrue(output.stream().anyMatch(l -> l.startsWith("stale       migration/R__views.sql changed")), output.toString());

        // A codegen setting.
        PipelineOptions otherPackage = new PipelineOptions(options.migrationDirs(), options.outputDirectory(),
                new CodegenSettings("com.example.db", "public", "flyway_schema_history")).withLint(LintConfig.reportOnly());
        assertEquals(Outcome.GENERATED, run(otherPackage).outcome());
        assertTrue(Files.isRegularFile(options.outputDirectory().resolve("com/example/db/tables/Events.java")));
        assertEquals(Outcome.UP_TO_DATE, run(otherPackage).outcome());
        assertEquals(5, starts);
    }

    @Test
    void forceRegeneratesAnyway() throws Exception {
        run(options);
        PipelineResult forced = run(options.withForce(true));
        assertEquals(Outcome.GENERATED, forced.outcome());
        assertFalse(forced.outputChanged());
        assertEquals(2, starts);
    }

    @Test
    void checkModePassesWhenUpToDateWithoutADatabaseAndWithOneWhenForced() throws Exception {
        run(options);
        PipelineOptions check = options.withMode(Mode.CHECK);
        assertEquals(Outcome.UP_TO_DATE, run(check).outcome());
        assertEquals(1, starts);
        assertEquals(Outcome.MATCHES, run(check.withForce(true)).outcome());
        assertEquals(2, starts);
    }

    @Test
    void checkModeNamesTableAndColumnWhenAMigrationAddsAColumnAndWritesNothing() throws Exception {
        run(options);
        String before = Files.readString(eventsClass());
        String fingerprintBefore = Files.readString(project.resolve("generated/codegen.fingerprint"));
        Files.writeString(migration.resolve("V2__add_embedding.sql"), """
                ALTER TABLE events ADD COLUMN embedding real[];
                DROP INDEX idx_events_title;
                CREATE INDEX idx_events_title_id ON events (title, id);
                """);
        // In CI an unlocked migration fails first, naming the file:
        PipelineOptions check = options.withMode(Mode.CHECK);
        var lockError = org.junit.jupiter.api.Assertions.assertThrows(
                dev.cairn.lock.MigrationLockException.class, () -> run(check));
        assertTrue(lockError.getMessage().contains("V2__add_embedding.sql (migration/V2__add_embedding.sql) is not in migrations.lock"),
                lockError.getMessage());
        assertEquals(1, starts);

        MigrationLocker.enforce(options.lockFile(), MigrationFiles.scan(options.migrationDirs(), options.lockFile().getParent()).migrations(),
                MigrationLocker.Mode.RELOCK);
        PipelineResult stale = run(check);
        assertEquals(Outcome.STALE, stale.outcome());
        String message = String.join("\n", stale.findings());
        assertTrue(message.contains("table events: column embedding added; index idx_events_title removed;"
                + " index idx_events_title_id added"), message);
        assertTrue(message.contains("migration/V2__add_embedding.sql added"), message);
        assertTrue(message.contains("run `cairn generate` locally"), message);
        assertEquals(before, Files.readString(eventsClass()), "check mode never writes generated/");
        assertEquals(fingerprintBefore, Files.readString(project.resolve("generated/codegen.fingerprint")));
    }

    @Test
    void checkModeNamesHandEditedGeneratedFiles() throws Exception {
        run(options);
        Files.writeString(eventsClass(), Files.readString(eventsClass()).replace("\"title\"", "\"headline\""));
        PipelineResult stale = run(options.withMode(Mode.CHECK));
        assertEquals(Outcome.STALE, stale.outcome());
        String message = String.join("\n", stale.findings());
        assertTrue(message.contains("was edited by hand: org/jooq/generated/tables/Events.java"), message);
        assertEquals(1, starts, "a hand edit is found from the fingerprint alone");

        // Locally, generate restores the file.
        assertEquals(Outcome.GENERATED, run(options).outcome());
        assertTrue(output.stream().anyMatch(l -> l.contains("edited by hand: org/jooq/generated/tables/Events.java")), output.toString());
        assertFalse(Files.readString(eventsClass()).contains("headline"));
    }

    @Test
    void checkModeSaysFingerprintIsStaleWhenCodeIsIdentical() throws Exception {
        run(options);
        Files.writeString(project.resolve("db/data/V2__seed.sql"), "INSERT INTO events VALUES (1, 'first');\n");
        MigrationLocker.enforce(options.lockFile(), MigrationFiles.scan(options.migrationDirs(), options.lockFile().getParent()).migrations(),
                MigrationLocker.Mode.RELOCK);
        PipelineResult stale = run(options.withMode(Mode.CHECK));
        assertEquals(Outcome.STALE, stale.outcome());
        String message = String.join("\n", stale.findings());
        assertTrue(message.contains("The generated code is up to date, but the fingerprint is stale (data/V2__seed.sql added);"
                + " run `cairn generate` locally (not in CI, without check) and commit "), message);
    }
}
