package dev.cairn.lint;

import dev.cairn.files.FileHashCache;
import dev.cairn.migrate.MigrationFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM that lints again resumes after the files that did not change and finds exactly what a lint
 * of the whole chain finds. Whether it resumed shows in the parse cache: the statements before the
 * checkpoint are not even looked up.
 */
class LintCheckpointTest {

    @TempDir
    Path dir;

    private Path m;
    private final LintConfig config = LintConfig.defaults().withSeverity("not-idempotent=error");

    @BeforeEach
    void chain() throws Exception {
        LintCheckpoint.keep(List.of());
        m = Files.createDirectories(dir.resolve("db/migration"));
        Path undo = Files.createDirectories(dir.resolve("db/undo"));
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY);\n");
        Files.writeString(m.resolve("V2__add_items_name.sql"), "ALTER TABLE items ADD COLUMN IF NOT EXISTS name text;\n");
        Files.writeString(undo.resolve("U2__add_items_name.sql"), "ALTER TABLE items DROP COLUMN IF EXISTS name;\n");
    }

    /** Lints as the warm engine does (a parse cache that remembers), and checks the findings against a lint from nothing. */
    private ParseCache lintAgain() throws Exception {
        ParseCache parses = ParseCache.load(dir.resolve("target/parses.bin"), ParseCache.configuration(config, "tools 1"));
        List<Path> dirs = List.of(m);
        List<Finding> found = Linter.lint(MigrationFiles.scan(dirs, Linter.undoDirs(dirs, config), dir, FileHashCache.none()),
                config, Map.of(), parses).findings();
        assertEquals(Linter.lint(dirs, config).findings(), found, "the same findings as a lint of the whole chain");
        parses.save();
        return parses;
    }

    private static boolean has(List<Finding> findings, String ruleId, String file) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.file().getFileName().toString().equals(file));
    }

    @Test
    void theNextMigrationAndEditsOfItAreCheckedOnTheStateTheChainLeft() throws Exception {
        assertTrue(lintAgain().misses() > 0);

        // Added: an index on a table an earlier version created, so on a table that may be big by now.
        Files.writeString(m.resolve("V3__index_items_name.sql"), "CREATE INDEX IF NOT EXISTS items_name ON items (name);\n");
        ParseCache added = lintAgain();
        assertEquals(0, added.hits(), "V1, V2 and U2 were not looked at again");
        assertEquals(1, added.misses());
        assertTrue(has(Linter.lint(List.of(m), config).findings(), "index-not-concurrent", "V3__index_items_name.sql"),
                "the finding that needs the state: items existed before V3");

        // Edited, again and again: resumed before it.
        Files.writeString(m.resolve("V3__index_items_name.sql"),
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name ON items (name);\n");
        ParseCache edited = lintAgain();
        assertEquals(0, edited.hits());
        assertEquals(1, edited.misses());
    }

    @Test
    void anEditedOldMigrationMeansTheWholeChainANewUndoScriptWhatFollowsIt() throws Exception {
        lintAgain();
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE items (id int PRIMARY KEY);\n");
        ParseCache old = lintAgain();
        assertTrue(old.hits() >= 2, "V2 and U2 looked up again: checked from the start");

        // A new undo script for V1 is checked right after V1: resumed there, V2 and U2 checked again after it.
        Files.writeString(dir.resolve("db/undo/U1__create_items.sql"), "DROP TABLE items;\n");
        ParseCache undo = lintAgain();
        assertEquals(2, undo.hits());
        assertEquals(1, undo.misses());
        assertTrue(has(Linter.lint(List.of(m), config).findings(), "drop-table", "U1__create_items.sql"));
    }
}
