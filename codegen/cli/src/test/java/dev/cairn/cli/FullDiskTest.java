package dev.cairn.cli;

import dev.cairn.files.DurableFiles;
import dev.cairn.files.FileTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * generate on a really full disk: a 1 MiB tmpfs (this needs root, which the build container has;
 * elsewhere the test is skipped and says why). The disk is filled until only a few KiB are left.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        mounted = p.waitFor() == 0;
        assumeTrue(mounted, "a tmpfs cannot be mounted here (needs root): " + said);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }

    /** Leaves {@code free} bytes on the disk; returns the filler file. */
    private Path fillLeaving(long free) throws IOException {
        Path filler = disk.resolve("filler");
        long usable = Files.getFileStore(disk).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] chunk = new byte[4096];
            for (long left = usable - free; left > 0; left -= chunk.length) f.write(chunk, 0, (int) Math.min(chunk.length, left));
        } catch (IOException full) {
            // filled to the last block: fine
        }
        return filler;
    }

    private static SortedMap<String, byte[]> snapshot(Path root) throws IOException {
        SortedMap<String, byte[]> m = new TreeMap<>();
        for (var e : FileTrees.files(root).entrySet()) m.put(e.getKey(), Files.readAllBytes(e.getValue()));
        return m;
    }

    private static java.util.List<String> names(Path d) throws IOException {
        try (var list = Files.list(d)) {
            // target/ holds the file-hash cache, a build artifact that may appear on any run
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target")).sorted().toList();
        }
    }

    @Test
    void fullDiskFailsWithThePathAndKeepsThePreviousOutputAndFingerprint() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        Path out = disk.resolve("generated");
        Path fingerprint = disk.resolve("codegen.fingerprint");
        String[] generate = {"generate", "--database", "embedded", "--project-dir", dir.toString(),
                "--locations", migrations.toString(), "--output", out.toString(), "--fingerprint", fingerprint.toString(),
                "--lock-file", disk.resolve("migrations.lock").toString(), "--lint", "not-idempotent=off,missing-undo=off",
                "--undo-location", Files.createDirectories(dir.resolve("undo")).toString()};
        // This is about writing: CI=true in the build's environment must not turn it into a check, nor keep it from locking.
        String[] write = java.util.Arrays.copyOf(generate, generate.length + 4);
        write[generate.length] = "--check";
        write[generate.length + 1] = "false";
        write[generate.length + 2] = "--ci";
        write[generate.length + 3] = "false";

        DatabaseCommandsTest.Result first = DatabaseCommandsTest.run(write);
        assertEquals(0, first.code(), first.all());
        SortedMap<String, byte[]> before = snapshot(out);
        byte[] fingerprintBefore = Files.readAllBytes(fingerprint);
        java.util.List<String> namesBefore = names(disk);

        Files.writeString(migrations.resolve("V2__create_orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY,"
                + " item_id bigint REFERENCES items, note text, amount numeric(10,2), placed timestamptz);\n");
        Path filler = fillLeaving(8 * 1024);

        DatabaseCommandsTest.Result full = DatabaseCommandsTest.run(write);
        assertEquals(1, full.code(), full.all());
        String error = full.err().strip();
        assertEquals(1, error.lines().count(), "one line: " + error);
        assertTrue(error.startsWith("error: Cannot write " + disk), "names the file: " + error);
        assertFalse(full.out().contains("(updated)"), full.out());
        // Nothing lost: the previous code and fingerprint, byte for byte; nothing left behind.
        SortedMap<String, byte[]> after = snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f);
        assertArrayEquals(fingerprintBefore, Files.readAllBytes(fingerprint));
        java.util.List<String> namesAfter = new java.util.ArrayList<>(names(disk));
        namesAfter.remove("filler");
        assertEquals(namesBefore, namesAfter, "no staging or temp files left");

        // With space again the same run succeeds and --check agrees.
        Files.delete(filler);
        DatabaseCommandsTest.Result again = DatabaseCommandsTest.run(write);
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("(updated)"), again.out());
        String[] check = java.util.Arrays.copyOf(generate, generate.length + 1);
        check[generate.length] = "--check";
        DatabaseCommandsTest.Result checked = DatabaseCommandsTest.run(check);
        assertEquals(0, checked.code(), checked.all());
    }

    @Test
    void aFingerprintThatDoesNotFitLeavesThePreviousOne() throws Exception {
        Path file = disk.resolve("codegen.fingerprint");
        Files.writeString(file, "previous\n");
        fillLeaving(0);
        IOException e = assertThrows(IOException.class, () -> DurableFiles.replace(file, new byte[64 * 1024]));
        assertTrue(e.getMessage().startsWith("Cannot write " + file + ": "), e.getMessage());
        assertEquals("previous\n", Files.readString(file));
        try (var left = Files.list(disk)) {
            assertEquals(2, left.count(), "only the fingerprint and the filler");
        }
    }
}
