package dev.cairn.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An unchanged statement is not parsed again, and the findings are the same as without the cache. */
class ParseCacheTest {

    @TempDir
    Path dir;

    private LintReport lint(Path m, LintConfig config, ParseCache cache) throws Exception {
        // Without the checkpoints of the lint before (LintCheckpointTest), every statement is looked up in the cache.
        LintCheckpoint.keep(List.of());
        List<Path> dirs = List.of(m);
        return Linter.lint(dev.cairn.migrate.MigrationFiles.scan(dirs, Linter.undoDirs(dirs, config), dir,
                dev.cairn.files.FileHashCache.none()), config, java.util.Map.of(), cache);
    }

    @Test
    void unchangedFilesAreNotParsedAgainAndFindTheSame() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE items (id int PRIMARY KEY);\n");
        Files.writeString(m.resolve("V2__add_name.sql"), "ALTER TABLE items ADD COLUMN name text NOT NULL;\n"
                + "CREATE INDEX items_name ON items (name);\n");
        LintConfig config = LintConfig.defaults().withSeverity("not-idempotent=error");
        Path file = dir.resolve("target/parses.bin");
        String key = ParseCache.configuration(config, "tools 1");
        List<Finding> uncached = Linter.lint(List.of(m), config).findings();
        org.junit.jupiter.api.Assertions.assertFalse(uncached.isEmpty(), "the chain has findings to compare");

        ParseCache first = ParseCache.load(file, key);
        assertEquals(uncached, lint(m, config, first).findings());
        first.save();
        assertEquals(0, first.hits());
        assertEquals(3, first.misses());

        Files.writeString(m.resolve("V3__drop_name.sql"), "ALTER TABLE items DROP COLUMN name;\n");
        ParseCache second = ParseCache.load(file, key);
        List<Finding> cached = lint(m, config, second).findings();
        assertEquals(3, second.hits(), "V1 and V2 read from the cache");
        assertEquals(1, second.misses(), "only the new file parsed");
        assertEquals(Linter.lint(List.of(m), config).findings(), cached, "same findings as a full parse");

        // Another rule configuration (or tool version) starts empty.
        ParseCache other = ParseCache.load(file, ParseCache.configuration(LintConfig.defaults(), "tools 1"));
        lint(m, LintConfig.defaults(), other);
        assertEquals(0, other.hits());
    }

    /** One migration, linted with the default rules and a cache loaded from target/parses.bin (not saved yet). */
    private ParseCache lintedOnce() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_items.sql"), "CREATE TABLE items (id int PRIMARY KEY);\n");
        ParseCache first = ParseCache.load(dir.resolve("target/parses.bin"), defaultsKey());
        lint(m, LintConfig.defaults(), first);
        return first;
    }

    private static String defaultsKey() {
        return ParseCache.configuration(LintConfig.defaults(), "tools 1");
    }

    @Test
    void aSaveBesideTheRunIsWhatTheNextLoadReads() throws Exception {
        lintedOnce().saveBeside();
        Path file = dir.resolve("target/parses.bin");
        ParseCache next = ParseCache.load(file, defaultsKey());
        assertEquals(true, Files.isRegularFile(file), "written before the next load returned");
        lint(dir.resolve("migration"), LintConfig.defaults(), next);
        assertEquals(1, next.hits());
        assertEquals(0, next.misses());
    }

    @Test
    void aJvmThatLintsAgainReadsTheFileOnlyWhenItChanged() throws Exception {
        lintedOnce().save();
        Path m = dir.resolve("migration");
        LintConfig config = LintConfig.defaults();
        Path file = dir.resolve("target/parses.bin");
        String key = defaultsKey();

        // The same file (inode, size, time stamp) is not read again: garbage written in place, the time put back, still hits.
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        Files.write(file, new byte[(int) Files.size(file)]);
        Files.setLastModifiedTime(file, written);
        ParseCache again = ParseCache.load(file, key);
        lint(m, config, again);
        assertEquals(1, again.hits(), "taken from this JVM's memory");

        // Any change to the file (another process wrote it) is read from disk: here garbage, so empty.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() + 5_000));
        ParseCache changed = ParseCache.load(file, key);
        lint(m, config, changed);
        assertEquals(0, changed.hits(), "read from the file");
    }
}
