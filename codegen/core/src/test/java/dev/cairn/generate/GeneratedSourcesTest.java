package dev.cairn.generate;

import dev.cairn.files.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed directory is replaced whole, and what did not change keeps its file (and time stamp). */
class GeneratedSourcesTest {

    @TempDir
    Path dir;

    private static final String ITEMS = "package p;\n\npublic class Items {\n}\n";
    private static final String KEYS = "package p;\n\npublic class Keys {\n}\n";

    private static Path write(Path root, String relative, String content) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    @Test
    void anUnchangedFileIsTheCommittedOneAChangedOneIsNew() throws Exception {
        GeneratedSources committed = new GeneratedSources(dir.resolve("generated"));
        Path items = write(committed.directory(), "p/Items.java", ITEMS);
        write(committed.directory(), "p/Keys.java", KEYS);
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(items, old);

        Path staging = committed.newStaging();
        Path stagedItems = write(staging, "p/Items.java", ITEMS);
        Path stagedKeys = write(staging, "p/Keys.java", KEYS.replace("Keys {", "Keys {\n    int k;"));
        write(staging, "p/Orders.java", "package p;\n\npublic class Orders {\n}\n");
        committed.seal(staging);
        assertTrue(Files.isSameFile(stagedItems, items), "linked to the committed file, not forced again");
        assertFalse(Files.isSameFile(stagedKeys, committed.directory().resolve("p/Keys.java")));
        assertEquals(Set.of("p/Items.java", "p/Keys.java", "p/Orders.java"), FileTrees.files(staging).keySet(), "nothing else staged");

        assertTrue(committed.replaceWith(staging));
        assertEquals(ITEMS, Files.readString(committed.directory().resolve("p/Items.java")));
        assertEquals(old, Files.getLastModifiedTime(committed.directory().resolve("p/Items.java")), "its time stamp kept");
        assertTrue(Files.readString(committed.directory().resolve("p/Keys.java")).contains("int k;"));
        assertEquals(Set.of("p/Items.java", "p/Keys.java", "p/Orders.java"), FileTrees.files(committed.directory()).keySet());
        assertFalse(Files.exists(staging));
    }

    @Test
    void aCutOffFileIsRefusedAndNothingIsReplaced() throws Exception {
        GeneratedSources committed = new GeneratedSources(dir.resolve("generated"));
        write(committed.directory(), "p/Items.java", ITEMS);
        Path staging = committed.newStaging();
        write(staging, "p/Items.java", ITEMS.substring(0, ITEMS.length() - 3));
        IOException e = assertThrows(IOException.class, () -> committed.seal(staging));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
        assertEquals(ITEMS, Files.readString(committed.directory().resolve("p/Items.java")));
    }
}
