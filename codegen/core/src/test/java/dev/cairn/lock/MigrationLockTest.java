package dev.cairn.lock;

import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationLockTest {

    @TempDir
    Path db;
    Path migration;
    Path data;
    Path lock;

    @BeforeEach
    void layout() throws IOException {
        migration = Files.createDirectories(db.resolve("migration"));
        data = Files.createDirectories(db.resolve("data"));
        lock = db.resolve("migrations.lock");
        Files.writeString(migration.resolve("V1__create_events.sql"), "CREATE TABLE events (id bigint PRIMARY KEY);\n");
        Files.writeString(data.resolve("V2__backfill.sql"), "INSERT INTO events VALUES (1);\n");
        Files.writeString(migration.resolve("V10__add_title.sql"), "ALTER TABLE events ADD COLUMN title text;\n");
        enforce(MigrationLocker.Mode.APPEND);
    }

    private MigrationLocker.Outcome enforce(MigrationLocker.Mode mode) throws IOException {
        return MigrationLocker.enforce(lock, MigrationFiles.scan(List.of(migration, data), db).migrations(), mode);
    }

    private String failure(MigrationLocker.Mode mode) {
        return assertThrows(MigrationLockException.class, () -> enforce(mode)).getMessage();
    }

    @Test
    void lockListsVersionFolderAndChecksumInVersionOrderWithATotal() throws IOException {
        List<String> lines = Files.readAllLines(lock).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("1 migration/V1__create_events.sql "), lines.get(0));
        assertTrue(lines.get(1).startsWith("2 data/V2__backfill.sql "), lines.get(1));
        assertTrue(lines.get(2).startsWith("10 migration/V10__add_title.sql "), lines.get(2));
        assertTrue(lines.get(3).matches("total [0-9a-f]{64}"), lines.get(3));
        assertTrue(enforce(MigrationLocker.Mode.VERIFY).appended().isEmpty());
    }

    @Test
    void aLockFileChangedAfterItWasReadIsReadAgain() throws IOException {
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(1, java.time.temporal.ChronoUnit.HOURS));
        Files.setLastModifiedTime(lock, hourAgo);
        MigrationLock first = MigrationLock.read(lock);
        assertEquals(first, MigrationLock.read(lock));
        // Another checkout's lock, byte for byte as long, with an older time stamp still (a branch switch, say).
        String text = Files.readString(lock);
        String entry = first.entries().getFirst().sha256();
        Files.writeString(lock, text.replace(entry, new StringBuilder(entry).reverse().toString()));
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(2, java.time.temporal.ChronoUnit.HOURS)));
        assertEquals(new StringBuilder(entry).reverse().toString(), MigrationLock.read(lock).entries().getFirst().sha256());
    }

    @Test
    void editedMigrationFailsNamingTheFileAndAsksForANewMigration() throws IOException {
        Files.writeString(migration.resolve("V1__create_events.sql"), "CREATE TABLE events (id int PRIMARY KEY);\n");
        String message = failure(MigrationLocker.Mode.APPEND);
        assertTrue(message.contains("migration/V1__create_events.sql was edited"), message);
        assertTrue(message.contains("new migration (V11__"), message);
    }

    @Test
    void lineEndingsAloneAreNotAnEdit() throws IOException {
        Files.writeString(migration.resolve("V1__create_events.sql"), "CREATE TABLE events (id bigint PRIMARY KEY);\r\n");
        assertTrue(enforce(MigrationLocker.Mode.VERIFY).appended().isEmpty());
    }

    @Test
    void renamedMigrationFailsNamingOldAndNewName() throws IOException {
        Files.move(migration.resolve("V10__add_title.sql"), migration.resolve("V10__add_event_title.sql"));
        String message = failure(MigrationLocker.Mode.APPEND);
        assertTrue(message.contains("migration/V10__add_title.sql was renamed to migration/V10__add_event_title.sql"), message);
    }

    @Test
    void deletedMigrationFailsNamingTheFile() throws IOException {
        Files.delete(data.resolve("V2__backfill.sql"));
        String message = failure(MigrationLocker.Mode.APPEND);
        assertTrue(message.contains("data/V2__backfill.sql (version 2) is locked in migrations.lock but was deleted"), message);
    }

    @Test
    void duplicateVersionAcrossMigrationAndDataFailsNamingBothFiles() throws IOException {
        Files.writeString(data.resolve("V10__backfill_titles.sql"), "UPDATE events SET title = 'x';\n");
        String message = failure(MigrationLocker.Mode.APPEND);
        assertTrue(message.contains("version 10 is used by 2 migrations"), message);
        assertTrue(message.contains("data/V10__backfill_titles.sql") && message.contains("migration/V10__add_title.sql"), message);
    }

    @Test
    void newMigrationIsAppendedLocallyAndRejectedInVerifyMode() throws IOException {
        Files.writeString(migration.resolve("V11__add_score.sql"), "ALTER TABLE events ADD COLUMN score int;\n");
        String message = failure(MigrationLocker.Mode.VERIFY);
        assertTrue(message.contains("migration V11__add_score.sql (migration/V11__add_score.sql) is not in migrations.lock"), message);
        assertTrue(message.contains("cairn lock"), message);
        assertFalse(Files.readString(lock).contains("V11__"), "verify never writes");

        MigrationLocker.Outcome appended = enforce(MigrationLocker.Mode.APPEND);
        assertEquals(List.of("migration/V11__add_score.sql"), appended.appended().stream().map(MigrationFile::label).toList());
        assertTrue(Files.readString(lock).contains("\n11 migration/V11__add_score.sql "));
        assertTrue(enforce(MigrationLocker.Mode.VERIFY).appended().isEmpty());
    }

    @Test
    void repeatableAndUndoScriptsAreNotLocked() throws IOException {
        Files.writeString(migration.resolve("R__views.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        Files.writeString(migration.resolve("U10__add_title.sql"), "ALTER TABLE events DROP COLUMN title;\n");
        assertTrue(enforce(MigrationLocker.Mode.VERIFY).appended().isEmpty());
    }

    @Test
    void handEditedTotalFailsUntilRelocked() throws IOException {
        String text = Files.readString(lock).replaceAll("total [0-9a-f]{64}", "total " + "0".repeat(64));
        Files.writeString(lock, text);
        assertTrue(failure(MigrationLocker.Mode.APPEND).contains("`total` line"));
        enforce(MigrationLocker.Mode.RELOCK);
        assertTrue(enforce(MigrationLocker.Mode.VERIFY).appended().isEmpty());
    }

    @Test
    void mergeConflictMarkersAreNamedWithTheirLine() throws IOException {
        Files.writeString(lock, Files.readString(lock) + "<<<<<<< HEAD\n");
        String message = failure(MigrationLocker.Mode.VERIFY);
        assertTrue(message.contains("migrations.lock line 9 is a git merge conflict marker"), message);
    }
}
