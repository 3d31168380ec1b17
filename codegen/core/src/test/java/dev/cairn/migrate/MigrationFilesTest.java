package dev.cairn.migrate;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one scan of a run: what it finds, and the folders and files it refuses. */
class MigrationFilesTest {

    @TempDir
    Path dir;

    @Test
    void linkedFoldersAndFilesAreReadAsFlywayReadsThemAndALoopIsNamed() throws Exception {
        // A shared folder of migrations linked into the project, and one file linked from elsewhere.
        Path shared = Files.createDirectories(dir.resolve("shared/sql"));
        Files.writeString(shared.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Path elsewhere = Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int);");
        Path db = Files.createDirectories(dir.resolve("db"));
        Path m = Files.createSymbolicLink(db.resolve("migration"), shared);
        Files.createSymbolicLink(shared.resolve("V2__b.sql"), elsewhere);
        List<String> labels = MigrationFiles.scan(List.of(m), db).migrations().stream().map(MigrationFile::label).toList();
        assertEquals(List.of("migration/V1__a.sql", "migration/V2__b.sql"), labels);

        Files.createSymbolicLink(shared.resolve("again"), shared);
        java.io.IOException loop = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> MigrationFiles.scan(List.of(m), db));
        org.junit.jupiter.api.Assertions.assertTrue(loop.getMessage().contains("a link loop"), loop.getMessage());
    }

    @Test
    void aFileFoundAgainUnchangedIsTheSameObjectAndAnEditedOneANewOne() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id int);");
        List<MigrationFile> first = MigrationFiles.scan(List.of(m), dir).migrations();
        Files.writeString(m.resolve("V2__b.sql"), "CREATE TABLE b (id bigint);");
        List<MigrationFile> second = MigrationFiles.scan(List.of(m), dir).migrations();
        assertSame(first.get(0), second.get(0), "unchanged: the object of the scan before");
        assertNotSame(first.get(1), second.get(1));
        assertEquals(dev.cairn.files.Sha256.ofFile(m.resolve("V2__b.sql")), second.get(1).sha256(), "edited: its new hash");
        // Another base names the same file differently: another object, with its own label.
        assertEquals("db/migration/V1__a.sql", MigrationFiles.scan(List.of(m), dir.getParent()).migrations().getFirst().label()
                .substring(dir.getFileName().toString().length() + 1));
    }

    @Test
    void oneScanNamesEveryFileAndLocksVersionedAndBaselineOnly() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migration"));
        Path undo = Files.createDirectories(dir.resolve("db/undo"));
        for (String f : List.of("V1__a.sql", "V1_1__b.sql", "B1_1__base.sql", "R__views.sql", "beforeMigrate.sql", "notes.md")) {
            Files.writeString(m.resolve(f), "SELECT 1;");
        }
        Files.writeString(undo.resolve("U1_1__b.sql"), "SELECT 1;");
        MigrationFiles files = MigrationFiles.scan(List.of(m), List.of(undo), dir.resolve("db"), dev.cairn.files.FileHashCache.none());
        assertEquals(6, files.migrations().size());
        assertEquals(List.of("migration/B1_1__base.sql", "migration/V1__a.sql", "migration/V1_1__b.sql").stream().sorted().toList(),
                files.locked().stream().map(MigrationFile::label).sorted().toList());
        assertEquals(List.of("undo/U1_1__b.sql"), files.undo().stream().map(MigrationFile::label).toList());
        assertEquals(files.undo().getFirst().version(), files.locked().stream()
                .filter(f -> f.fileName().equals("V1_1__b.sql")).findFirst().orElseThrow().version());
    }

    @Test
    void aMissingFolderIsRefusedByName() {
        Path missing = dir.resolve("db/migratoin");
        MigrationSourceException e = assertThrows(MigrationSourceException.class,
                () -> MigrationFiles.scan(List.of(missing), dir));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsRefusedAndGenerateLeavesTheGeneratedCodeAlone() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("db/migration"));
        Path out = Files.createDirectories(dir.resolve("out/dev/x"));
        Files.writeString(out.resolve("Kept.java"), "class Kept {}");
        PipelineOptions options = new PipelineOptions(List.of(empty), dir.resolve("out"), CodegenSettings.defaults())
                .withLint(LintConfig.reportOnly());
        List<String> lines = new ArrayList<>();
        MigrationSourceException e = assertThrows(MigrationSourceException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), lines::add).run(options));
        assertTrue(e.getMessage().startsWith("No migrations in " + empty.toAbsolutePath().normalize()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertTrue(Files.exists(out.resolve("Kept.java")), "nothing generated, nothing deleted");

        Files.writeString(empty.resolve("V1_create_items.sql"), "CREATE TABLE items (id int);");
        MigrationSourceException misnamed = assertThrows(MigrationSourceException.class,
                () -> MigrationFiles.scan(List.of(empty), dir));
        assertTrue(misnamed.getMessage().contains("V1_create_items.sql: there is no '__'"), misnamed.getMessage());
    }

    @Test
    void aMigrationThatIsNotUtf8NamesFileAndByteOffset() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE IF NOT EXISTS items (id int);\n");
        byte[] latin1 = "-- first line\nCOMMENT ON TABLE items IS 'caf\u00e9';\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path bad = m.resolve("V2__comment_items.sql");
        Files.write(bad, latin1);
        PipelineOptions options = new PipelineOptions(List.of(m), dir.resolve("out"), CodegenSettings.defaults())
                .withLint(LintConfig.reportOnly());
        MigrationSourceException e = assertThrows(MigrationSourceException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), s -> { }).run(options));
        int offset = "-- first line\nCOMMENT ON TABLE items IS 'caf".length();
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + offset + " (line 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("0xE9"), e.getMessage());
    }

    @Test
    void migrateOnANonUtf8FileNamesFileAndByteOffsetToo() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migration"));
        Path bad = m.resolve("V1__create_items.sql");
        Files.write(bad, "CREATE TABLE items (name text DEFAULT 'caf\u00e9');\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        FlywaySettings flyway = FlywaySettings.of(MigrationLocations.directories(List.of(m)));
        try (var db = DatabaseProvider.embedded().start()) {
            RuntimeException e = assertThrows(RuntimeException.class, () ->
                    Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load()));
            assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("byte offset 42 (line 1)"), e.getMessage());
        }
    }
}
