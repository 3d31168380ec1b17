package dev.cairn.snapshot;

import dev.cairn.files.FileHashCache;
import dev.cairn.files.FileTrees;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.migrate.MigrationLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a snapshot Flyway reads copies of what it may still apply, laid out as the originals. */
class PendingMigrationsTest {

    @TempDir
    Path dir;

    private static Snapshot at(String... versions) {
        return new Snapshot(Path.of("unused"), java.util.Arrays.stream(versions)
                .map(v -> new MigrationChain.Step(v, "sha")).toList(), 0);
    }

    @Test
    void copiesTheVersionsAboveTheSnapshotAndTheRepeatablesWhereTheyWere() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(m.resolve("V1_1__b.sql"), "CREATE TABLE b (id int);");
        Files.createDirectories(m.resolve("later"));
        Files.writeString(m.resolve("later/V2__c.sql"), "CREATE TABLE c (id int);");
        Files.writeString(m.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;");
        Files.writeString(other.resolve("V1_2__d.sql"), "CREATE TABLE d (id int);");
        Files.writeString(other.resolve("V3__e.sql"), "CREATE TABLE e (id int);");
        Files.writeString(other.resolve("V3__e.sql.conf"), "executeInTransaction=false\n");
        List<Path> dirs = List.of(m, other);
        var files = MigrationFiles.scan(dirs, List.of(), dir, FileHashCache.none()).migrations();
        FlywaySettings settings = FlywaySettings.of(MigrationLocations.directories(dirs));

        Path copyRoot;
        try (PendingMigrations p = PendingMigrations.above(settings, at("1", "1.1", "1.2"), files, dir)) {
            assertEquals(4, p.copied());
            List<String> locations = p.settings().locations().flywayLocations();
            assertEquals(2, locations.size());
            Path first = Path.of(locations.get(0).substring("filesystem:".length()));
            Path second = Path.of(locations.get(1).substring("filesystem:".length()));
            assertEquals(List.of("R__view.sql", "later/V2__c.sql"), List.copyOf(FileTrees.files(first).keySet()));
            assertEquals(List.of("V3__e.sql", "V3__e.sql.conf"), List.copyOf(FileTrees.files(second).keySet()),
                    "a script's .sql.conf goes with it");
            assertEquals("Migration V2__c.sql failed (" + m.resolve("later/V2__c.sql") + ")",
                    p.original("Migration V2__c.sql failed (" + first.resolve("later/V2__c.sql") + ")"));
            copyRoot = first.getParent();
            assertTrue(copyRoot.getFileName().toString().startsWith(PendingMigrations.PREFIX));
        }
        assertFalse(Files.exists(copyRoot), "the copies go with the run");
    }

    @Test
    void aLocationTheScanDidNotReadIsLeftToFlyway() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        var files = MigrationFiles.scan(List.of(m), List.of(), dir, FileHashCache.none()).migrations();
        FlywaySettings classpath = FlywaySettings.of(new MigrationLocations(List.of("classpath:db/migration")));
        try (PendingMigrations p = PendingMigrations.above(classpath, at("1"), files, dir)) {
            assertSame(classpath, p.settings());
            assertEquals(-1, p.copied());
        }
    }
}
