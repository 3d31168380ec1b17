package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** clean-cache removes every cache and nothing committed; a link among them is removed, never followed. */
class CachesTest {

    private static final Map<String, String> DEVELOPER = Map.of("CI", "false");

    @TempDir
    Path project;

    @TempDir
    Path elsewhere;

    @Test
    void everyCacheGoesAndNothingCommittedDoes() throws Exception {
        Files.writeString(project.resolve("cairn.properties"), "# the project's root: its caches live in target/\n");
        Path m = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(m.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        // Older than the two seconds within which a file's stamp is never trusted: its hash is cached.
        Files.setLastModifiedTime(m.resolve("V1__a.sql"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        explicit.put(Setting.SNAPSHOT_CACHE, project.resolve("snapshots").toString());
        explicit.put(Setting.DAEMON, "off");
        explicit.put(Setting.DATABASE, "embedded");
        explicit.put(Setting.OUTPUT_DIRECTORY, "src/generated/java");
        explicit.put(Setting.LINT, "missing-undo=off");
        CairnSettings settings = CairnSettings.resolve(project, explicit, Map.of(), DEVELOPER);
        List<String> lines = new ArrayList<>();
        assertEquals(Goals.OK, Goals.run(settings, DEVELOPER, lines::add, lines::add, r -> { }, null), String.join("\n", lines));
        var options = settings.pipelineOptions(DEVELOPER);
        assertTrue(Files.isDirectory(project.resolve("snapshots")), String.join("\n", lines));
        assertTrue(Files.isRegularFile(options.hashCacheFile()));
        assertTrue(Files.isRegularFile(options.parseCacheFile()));
        // A planted link where a cache folder would be: cleaning must not delete what it points at.
        Path precious = Files.writeString(elsewhere.resolve("id_rsa.pub"), "ssh-ed25519 AAAA");
        Files.createSymbolicLink(project.resolve("target/cairn"), elsewhere);
        String lock = Files.readString(options.lockFile());
        String fingerprint = Files.readString(options.fingerprintFile());

        Caches.Cleared cleared = Caches.clean(settings, DEVELOPER, project.resolve("no-tmp"), false, lines::add);
        assertFalse(Files.exists(project.resolve("snapshots")));
        assertFalse(Files.exists(options.hashCacheFile()));
        assertFalse(Files.exists(options.parseCacheFile()));
        assertFalse(Files.exists(project.resolve("target/cairn"), LinkOption.NOFOLLOW_LINKS), "the link is gone");
        assertTrue(Files.isRegularFile(precious), "what it pointed at is not");
        assertEquals(4, cleared.removed().size(), cleared.removed().toString());
        assertEquals(lock, Files.readString(options.lockFile()));
        assertEquals(fingerprint, Files.readString(options.fingerprintFile()));
        assertTrue(Files.isRegularFile(project.resolve("src/generated/java/org/jooq/generated/tables/A.java")));
    }
}
