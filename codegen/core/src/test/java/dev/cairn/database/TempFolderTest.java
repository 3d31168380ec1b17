package dev.cairn.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A temp folder the server cannot run from (issue item 15): the message names the folder and the
 * cause, not the library initdb failed to load. Both need root (the unprivileged user only exists
 * then; mount needs it too); elsewhere the tests are skipped.
 */
class TempFolderTest {

    @TempDir
    Path dir;

    @Test
    void aTempFolderTheServersUserCannotEnterIsNamed() throws Exception {
        assumeTrue(UnprivilegedUser.isRoot(), "only root runs the server as another user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x")); // JUnit's is 700 itself
        Path home = Files.createDirectory(dir.resolve("root-home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = Files.createDirectory(home.resolve("tmp"));
        IOException e = withTempFolder(tmp);
        assertTrue(e.getMessage().startsWith("User nobody, who runs PostgreSQL because cairn runs as root, cannot enter "
                + home + " (mode 700), which holds the temp folder " + tmp + ". Point the temp folder somewhere else"),
                e.getMessage());
    }

    @Test
    void aTempFolderMountedNoexecIsNamed() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("noexec"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256m,noexec", "tmpfs", tmp.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0, "a tmpfs cannot be mounted here (needs root): " + said);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            IOException e = withTempFolder(tmp);
            assertTrue(e.getMessage().startsWith("The temp folder " + tmp + " is on a file system mounted noexec (" + tmp
                    + "), so PostgreSQL's programs cannot run from it."), e.getMessage());
        } finally {
            new ProcessBuilder("umount", "-l", tmp.toString()).inheritIO().start().waitFor();
        }
    }

    private static IOException withTempFolder(Path tmp) {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            return assertThrows(IOException.class, () -> EmbeddedPostgres.start().close());
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }
}
