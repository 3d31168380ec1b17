package dev.cairn.database;

import dev.cairn.lint.LintConfig;
import dev.cairn.connect.ConnectionSettings;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationFailedException;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server provider against a real server (an embedded PostgreSQL standing in for a CI service). */
class TemporaryServerDatabaseTest {

    static EmbeddedPostgres server;
    static ConnectionSettings settings;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.start();
        settings = new ConnectionSettings(server.jdbcUrl(), server.user(), server.password());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void generatesInATemporaryDatabaseAndDropsIt(@TempDir Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        DatabaseProvider provider = DatabaseChoice.of(DatabaseKind.SERVER, null, server.jdbcUrl(), server.user(), server.password(), Map.of())
                .provider(lines::add);
        PipelineResult r = new Pipeline(provider, lines::add).run(new PipelineOptions(
                List.of(ProviderTestSupport.migrations()), out.resolve("java"), CodegenSettings.defaults()).withLint(LintConfig.reportOnly()));

        assertEquals(3, r.migrationsApplied());
        assertEquals(2, r.tables());
        assertTrue(r.database().startsWith("database cairn_tmp_"), r.database());
        assertTrue(Files.isRegularFile(out.resolve("java/org/jooq/generated/tables/Things.java")));
        assertEquals(List.of(), ProviderTestSupport.databasesLike(server, TemporaryServerDatabase.PREFIX),
                "the temporary database is dropped after the run");
    }

    @Test
    void dropsTheDatabaseWhenAMigrationFails(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__ok.sql"), "CREATE TABLE a (id int);");
        Files.writeString(migrations.resolve("V2__broken.sql"), "CREATE TABLE b (id int REFERENCES nowhere (id));");
        DatabaseProvider provider = TemporaryServerDatabase.provider(settings);

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> new Pipeline(provider, s -> { })
                .run(new PipelineOptions(List.of(migrations), dir.resolve("java"), CodegenSettings.defaults()).withLint(LintConfig.reportOnly())));

        assertEquals("V2__broken.sql", e.script());
        assertEquals(List.of(), ProviderTestSupport.databasesLike(server, TemporaryServerDatabase.PREFIX));
    }

    @Test
    void closeDropsEvenWithConnectionsLeftOpen() throws Exception {
        TemporaryServerDatabase db = TemporaryServerDatabase.create(settings, TemporaryServerDatabase.PREFIX);
        var leaked = db.connect(); // a failed run may leave one behind
        assertEquals(List.of(db.name()), ProviderTestSupport.databasesLike(server, TemporaryServerDatabase.PREFIX));
        db.close();
        assertEquals(List.of(), ProviderTestSupport.databasesLike(server, TemporaryServerDatabase.PREFIX));
        assertTrue(leaked.isClosed() || !leaked.isValid(2));
    }

    @Test
    void autoPrefersAConfiguredServer() {
        List<String> lines = new ArrayList<>();
        AutoDatabaseProvider auto = new AutoDatabaseProvider(Optional.of(settings), "postgres:18", i -> Optional.empty(), lines::add);
        assertEquals(DatabaseKind.SERVER, auto.decide().kind());
        assertTrue(auto.decide().line().startsWith("database    auto: server URL configured ("), auto.decide().line());
    }

    @Test
    void autoFallsBackToEmbeddedWithoutUrlOrDocker() throws Exception {
        List<String> lines = new ArrayList<>();
        AutoDatabaseProvider auto = new AutoDatabaseProvider(Optional.empty(), "postgres:18", i -> Optional.of("no Docker engine"), lines::add);
        try (ThrowawayPostgres db = auto.start()) {
            assertTrue(db instanceof EmbeddedPostgres, db.description());
        }
        assertEquals(List.of("database    auto: no server URL, no Docker engine -> embedded"), lines);
    }

    @Test
    void serverKindWithoutUrlIsAClearUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseChoice.of(DatabaseKind.SERVER, null, null, null, null, Map.of()));
        assertTrue(e.getMessage().contains("--server-url"), e.getMessage());
    }

    @Test
    void sameMajorAsProductionGivesNoWarning() {
        assertEquals(Optional.empty(), MajorVersionCheck.warning(server, PostgresVersions.load().productionMajor()));
        assertTrue(MajorVersionCheck.warning(server, 15).orElseThrow().startsWith("PostgreSQL 18 differs from production's major 15"));
    }
}
