package dev.cairn.freshness;

import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    @TempDir
    Path db;

    private Fingerprint fingerprint(CodegenSettings settings) throws IOException {
        return Fingerprint.ofInputs(MigrationFiles.scan(List.of(db.resolve("migration"), db.resolve("data")), db).migrations(),
                settings, ToolVersions.current());
    }

    private void migrations() throws IOException {
        Files.createDirectories(db.resolve("migration"));
        Files.createDirectories(db.resolve("data"));
        Files.writeString(db.resolve("migration/V2__b.sql"), "ALTER TABLE t ADD COLUMN b int;\n");
        Files.writeString(db.resolve("migration/V1__a.sql"), "CREATE TABLE t (a int);\n");
        Files.writeString(db.resolve("data/V3__c.sql"), "INSERT INTO t VALUES (1);\n");
    }

    @Test
    void sameInputsGiveTheSameBytesSortedLinesAndId() throws IOException {
        migrations();
        Fingerprint a = fingerprint(CodegenSettings.defaults());
        Fingerprint b = fingerprint(CodegenSettings.defaults());
        assertEquals(a.format(), b.format());
        assertEquals(a.id(), b.id());

        Path file = db.resolve("codegen.fingerprint");
        a.withGenerated(new TreeMap<>(java.util.Map.of("x/Y.java", "ab"))).write(file);
        Fingerprint read = Fingerprint.read(file);
        assertEquals(a.inputs(), read.inputs());
        assertEquals(a.id(), read.id());

        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "lines are sorted");
        assertTrue(lines.stream().anyMatch(l -> l.matches("tool jooq \\d+\\.\\d+\\.\\d+")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("tool postgres-binaries \\d+\\.\\d+\\.\\d+")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("tool flyway \\d+\\.\\d+\\.\\d+")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("migration data/V3__c.sql [0-9a-f]{64}")), lines.toString());
    }

    @Test
    void flywaySettingsThatChangeTheSchemaChangeTheIdButLocationsDoNot() throws IOException {
        migrations();
        var scanned = MigrationFiles.scan(List.of(db.resolve("migration"), db.resolve("data")), db).migrations();
        var locations = dev.cairn.migrate.MigrationLocations.directories(List.of(db.resolve("migration")));
        var base = new dev.cairn.migrate.FlywaySettings(locations, List.of("app"), java.util.Map.of("tenant", "acme"),
                "schema_version", false);
        String id = Fingerprint.ofInputs(scanned, CodegenSettings.defaults(), base, ToolVersions.current()).id();
        java.util.function.Function<dev.cairn.migrate.FlywaySettings, String> idOf =
                f -> Fingerprint.ofInputs(scanned, CodegenSettings.defaults(), f, ToolVersions.current()).id();
        assertEquals(id, idOf.apply(base.withLocations(dev.cairn.migrate.MigrationLocations.directories(List.of(db.resolve("elsewhere"))))),
                "where the folders are on this machine is no input; the files found are");
        List<dev.cairn.migrate.FlywaySettings> changed = List.of(
                new dev.cairn.migrate.FlywaySettings(locations, List.of("app"), java.util.Map.of("tenant", "other"), "schema_version", false),
                new dev.cairn.migrate.FlywaySettings(locations, List.of("app", "audit"), java.util.Map.of("tenant", "acme"), "schema_version", false),
                new dev.cairn.migrate.FlywaySettings(locations, List.of("app"), java.util.Map.of("tenant", "acme"), "history", false),
                new dev.cairn.migrate.FlywaySettings(locations, List.of("app"), java.util.Map.of("tenant", "acme"), "schema_version", true));
        for (var f : changed) assertTrue(!id.equals(idOf.apply(f)), "changes the id: " + f);
    }

    @Test
    void migrationContentNameAndSettingsAllChangeTheId() throws IOException {
        migrations();
        String base = fingerprint(CodegenSettings.defaults()).id();

        Files.writeString(db.resolve("data/V3__c.sql"), "INSERT INTO t VALUES (2);\n");
        String edited = fingerprint(CodegenSettings.defaults()).id();
        assertNotEquals(base, edited);

        Files.move(db.resolve("data/V3__c.sql"), db.resolve("data/V3__renamed.sql"));
        assertNotEquals(edited, fingerprint(CodegenSettings.defaults()).id());

        Fingerprint other = fingerprint(new CodegenSettings("com.example.db", "public", "flyway_schema_history"));
        Freshness f = Freshness.assess(fingerprint(CodegenSettings.defaults()), other, new TreeMap<>());
        assertEquals(List.of("jOOQ generator configuration changed",
                "setting targetPackage org.jooq.generated -> com.example.db"), f.inputChanges());
    }
}
