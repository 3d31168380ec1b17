package dev.cairn.files;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.freshness.Fingerprint;
import dev.cairn.freshness.ToolVersions;
import dev.cairn.lint.LintConfig;
import dev.cairn.lint.ParseCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cache is keyed by cairn's build and its inputs; the committed fingerprint by the release and the server it ran on. */
class CacheKeyTest {

    @TempDir
    Path project;

    @Test
    void theBuildIdIsReadFromCairnsOwnClassesAndIsInEveryKey() {
        String id = CacheKey.buildId();
        assertTrue(id.matches("[0-9a-f]{24}"), "a content hash of this build's classes, not a stand-in: " + id);
        assertEquals(id, CacheKey.buildId());
        assertTrue(CacheKey.of("x").text().contains("cairn build=" + id));
        assertNotEquals(CacheKey.of("x").with("a", 1).hash(), CacheKey.of("x").with("a", 2).hash());
        assertNotEquals(CacheKey.of("x").hash(), CacheKey.of("y").hash(), "two caches never share a key");
        assertTrue(ParseCache.configuration(LintConfig.defaults(), "tools").contains(id), "the lint parses are keyed by the build");
        assertFalse(CacheKey.cairnVersion().isBlank());
        assertNotEquals("unknown", CacheKey.cairnVersion(), "the build fills in the release");
    }

    @Test
    void theFingerprintChangesWithTheDatabaseAndImage() throws Exception {
        Path m = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        String embedded = fingerprint(Map.of(Setting.DATABASE, "embedded"));
        String postgis = fingerprint(Map.of(Setting.DATABASE, "testcontainers", Setting.IMAGE, "postgis/postgis:18-3.6"));
        String plain = fingerprint(Map.of(Setting.DATABASE, "testcontainers", Setting.IMAGE, "postgres:18"));
        assertNotEquals(embedded, postgis);
        assertNotEquals(postgis, plain);
        assertEquals(embedded, fingerprint(Map.of(Setting.DATABASE, "embedded")), "the same inputs, the same fingerprint");
    }

    private String fingerprint(Map<Setting, String> explicit) throws Exception {
        CairnSettings s = CairnSettings.resolve(project, explicit, Map.of(), Map.of());
        var options = s.pipelineOptions(Map.of());
        var files = dev.cairn.migrate.MigrationFiles.scan(options.migrationDirs(), options.lockFile().getParent()).migrations();
        return Fingerprint.ofInputs(files, options.codegen(), options.flyway(), ToolVersions.current(), options.database()).id();
    }

    @Test
    void keysListTheirInputsByName() {
        String text = CacheKey.of("snapshots").withAll(Map.of("flyway", "12.0")).with("schemas", List.of("public")).text();
        assertTrue(text.contains("cache=snapshots\n"), text);
        assertTrue(text.contains("flyway=12.0\n"), text);
        assertTrue(text.contains("schemas=[public]\n"), text);
    }
}
