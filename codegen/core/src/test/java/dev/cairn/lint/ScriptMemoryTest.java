package dev.cairn.lint;

import dev.cairn.files.FileHashCache;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A JVM that lints again reads only the files whose content changed, and reads them as a fresh JVM would. */
class ScriptMemoryTest {

    @TempDir
    Path dir;

    private MigrationFile scanned(Path m, String name) throws Exception {
        return MigrationFiles.scan(List.of(m), List.of(), dir, FileHashCache.none()).migrations().stream()
                .filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUnchangedFileIsNotReadAgainAChangedOneIs() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Path v1 = m.resolve("V1__create_items.sql");
        Files.writeString(v1, "-- lint:ignore drop-table reason: test\nCREATE TABLE ${t} (id int PRIMARY KEY);\n");

        ScriptMemory first = new ScriptMemory(Map.of("t", "items"));
        ScriptMemory.Read read = first.read(scanned(m, "V1__create_items.sql"));
        assertEquals(1, read.suppressions().size());
        assertEquals("CREATE TABLE items (id int PRIMARY KEY)", read.script().statements().getFirst().text());
        first.keep();

        assertSame(read, new ScriptMemory(Map.of("t", "items")).read(scanned(m, "V1__create_items.sql")), "the same content: remembered");
        ScriptMemory.Read otherPlaceholders = new ScriptMemory(Map.of("t", "orders")).read(scanned(m, "V1__create_items.sql"));
        assertEquals("CREATE TABLE orders (id int PRIMARY KEY)", otherPlaceholders.script().statements().getFirst().text());

        Files.writeString(v1, "CREATE TABLE ${t} (id bigint PRIMARY KEY);\n");
        ScriptMemory.Read changed = new ScriptMemory(Map.of("t", "items")).read(scanned(m, "V1__create_items.sql"));
        assertNotSame(read, changed);
        assertEquals("CREATE TABLE items (id bigint PRIMARY KEY)", changed.script().statements().getFirst().text());
        assertEquals(List.of(), changed.suppressions());
    }

    @Test
    void aFileThatOnlyChangedItsLineEndingsIsRememberedAsAFreshReadGivesIt() throws Exception {
        // The content hash ignores CRLF against LF (as Flyway's checksum does): both must read the same.
        String lf = "CREATE TABLE items (id int PRIMARY KEY);\nALTER TABLE items ADD COLUMN note text DEFAULT 'a\nb';\n";
        Path m = Files.createDirectories(dir.resolve("migration"));
        Path v1 = m.resolve("V1__items.sql");
        Files.writeString(v1, lf.replace("\n", "\r\n"));
        ScriptMemory windows = new ScriptMemory(Map.of());
        ScriptMemory.Read remembered = windows.read(scanned(m, "V1__items.sql"));
        windows.keep();

        Files.writeString(v1, lf);
        MigrationFile unix = scanned(m, "V1__items.sql");
        assertSame(remembered, new ScriptMemory(Map.of()).read(unix), "the same content hash");
        assertEquals(ScriptMemory.parse(v1, Map.of()), remembered.script());
    }
}
