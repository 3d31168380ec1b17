package dev.cairn.lock;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Released means shipped: in git, a lock entry is released once it is committed at HEAD. A
 * migration a local run locked but nobody committed may still be edited; the edit is linted and
 * observed in full, and locked anew. What HEAD holds may never change.
 */
class ShippedLockTest {

    private static final Map<String, String> DEVELOPER = Map.of("CI", "false");

    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();
    private PipelineResult last;
    private Path migrations;
    private Path lock;

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(git("--version") == 0, "git is on the PATH");
        assertEquals(0, git("init", "-q"));
        migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        lock = project.resolve("src/main/resources/db/migrations.lock");
        Files.writeString(migrations.resolve("V1_27__create_events.sql"),
                "CREATE TABLE events (id bigint PRIMARY KEY, title text NOT NULL);\n");
    }

    private int git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", project.toString(), "-c", "user.email=dev@example.com",
                "-c", "user.name=dev", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git " + String.join(" ", args));
        return p.exitValue();
    }

    private void commitAll() throws Exception {
        assertEquals(0, git("add", "-A"));
        assertEquals(0, git("commit", "-q", "-m", "work"));
    }

    private int generate() throws Exception {
        lines.clear();
        last = null;
        return Goals.run(settings(), DEVELOPER, lines::add, lines::add, r -> last = r, null);
    }

    private CairnSettings settings() {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        explicit.put(Setting.SNAPSHOT_CACHE, project.resolve("target/snapshots").toString());
        explicit.put(Setting.DAEMON, "off");
        explicit.put(Setting.DATABASE, "embedded");
        explicit.put(Setting.LINT, "missing-undo=off");
        return CairnSettings.resolve(project, explicit, Map.of(), DEVELOPER);
    }

    private boolean said(String... parts) {
        return lines.stream().anyMatch(l -> List.of(parts).stream().allMatch(l::contains));
    }

    @Test
    void aLocalLockEntryMayChangeUntilItIsCommitted() throws Exception {
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        commitAll(); // V1_27 and its lock line shipped

        Path v128 = migrations.resolve("V1_28__add_events_source.sql");
        Files.writeString(v128, "ALTER TABLE events ADD COLUMN source text;\n");
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        String firstLock = Files.readString(lock);
        assertTrue(firstLock.contains("migration/V1_28__add_events_source.sql"), "locked by the local run");

        // Edited again before any commit: new work, linted in full (an index built without CONCURRENTLY is an error).
        Files.writeString(v128, "ALTER TABLE events ADD COLUMN source text;\nCREATE INDEX idx_events_source ON events (source);\n");
        assertEquals(Goals.FINDINGS, generate(), String.join("\n", lines));
        assertTrue(said("V1_28__add_events_source.sql", "changed since a local run locked it"), lines.toString());
        assertTrue(said("V1_28__add_events_source.sql", "index-not-concurrent"), "the edit is linted again: " + lines);

        // Fixed: observed on the database and locked anew with the new checksum.
        String fixed = "ALTER TABLE events ADD COLUMN source text;\n";
        Files.writeString(v128, fixed + "-- the index comes in its own migration\n");
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        assertEquals(PipelineResult.Outcome.GENERATED, last.outcome());
        String relocked = Files.readString(lock);
        assertTrue(relocked.contains("migration/V1_28__add_events_source.sql"), relocked);
        assertFalse(relocked.equals(firstLock), "the line holds the edited file's checksum");

        // Shipped: from now on it is released, and an edit is refused with the chain's real next version.
        commitAll();
        Files.writeString(v128, fixed + "ALTER TABLE events ADD COLUMN lang text;\n");
        assertEquals(Goals.FINDINGS, generate(), String.join("\n", lines));
        assertTrue(said("V1_28__add_events_source.sql was edited after it was locked", "(V1_29__...)"), lines.toString());
        assertEquals(relocked, Files.readString(lock), "a refused run writes no lock");
    }

    @Test
    void aLocalEntryWhoseFileIsGoneLeavesTheLock() throws Exception {
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        commitAll();
        Path v128 = migrations.resolve("V1_28__add_events_source.sql");
        Files.writeString(v128, "ALTER TABLE events ADD COLUMN source text;\n");
        assertEquals(Goals.OK, generate(), String.join("\n", lines));

        // Renamed before any commit (a better description): the old line goes, the new file is locked.
        Path renamed = migrations.resolve("V1_28__add_events_origin.sql");
        Files.move(v128, renamed);
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        String locked = Files.readString(lock);
        assertFalse(locked.contains("V1_28__add_events_source.sql"), locked);
        assertTrue(locked.contains("migration/V1_28__add_events_origin.sql"), locked);
    }

    @Test
    void outsideGitEveryLockedEntryIsReleased() throws Exception {
        dev.cairn.files.FileTrees.delete(project.resolve(".git"));
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        Files.writeString(migrations.resolve("V1_27__create_events.sql"), "CREATE TABLE events (id bigint PRIMARY KEY);\n");
        assertEquals(Goals.FINDINGS, generate(), String.join("\n", lines));
        assertTrue(said("V1_27__create_events.sql was edited after it was locked", "(V1_28__...)"), lines.toString());
    }

    @Test
    void outsideGitALocalEntryIsTakenBackByUnlock() throws Exception {
        dev.cairn.files.FileTrees.delete(project.resolve(".git"));
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        Path v128 = migrations.resolve("V1_28__add_events_source.sql");
        Files.writeString(v128, "ALTER TABLE events ADD COLUMN source text;\n");
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        Files.writeString(v128, "ALTER TABLE events ADD COLUMN source text;\nALTER TABLE events ADD COLUMN lang text;\n");
        assertEquals(Goals.FINDINGS, generate(), "outside git every locked entry is released");

        List<String> out = new ArrayList<>();
        assertEquals(Goals.OK, Goals.lock(settings(), false, List.of("1.28"), out::add, out::add), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("unlocked migration/V1_28__add_events_source.sql")), out.toString());
        assertFalse(Files.readString(lock).contains("V1_28"), "the line is gone");
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        assertEquals(PipelineResult.Outcome.GENERATED, last.outcome());
        assertTrue(said("observe", "1 new migration watched"), "linted and observed again: " + lines);
        assertTrue(Files.readString(lock).contains("migration/V1_28__add_events_source.sql"), "and locked anew");
    }

    @Test
    void whatHeadHoldsCannotBeUnlocked() throws Exception {
        assertEquals(Goals.OK, generate(), String.join("\n", lines));
        commitAll();
        List<String> out = new ArrayList<>();
        assertEquals(Goals.FINDINGS, Goals.lock(settings(), false, List.of("1.27"), out::add, out::add));
        assertTrue(out.stream().anyMatch(l -> l.contains("is committed at HEAD") && l.contains("shipped")), out.toString());
        assertTrue(Files.readString(lock).contains("V1_27"));
    }
}
