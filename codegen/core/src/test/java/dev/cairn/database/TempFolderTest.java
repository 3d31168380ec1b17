package dev.cairn.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A temp folder the server cannot run from (issue item 15) or cannot write to (issue 27, item 5):
 * the message names the folder and the cause, not the library initdb failed to load or NIO's bare
 * path. The tests that mount or need the unprivileged user need root; elsewhere they are skipped.
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
        Path tmp = tmpfs("noexec", "size=256m,noexec");
        try {
            IOException e = withTempFolder(tmp);
            assertTrue(e.getMessage().startsWith("The temp folder " + tmp + " is on a file system mounted noexec (" + tmp
                    + "), so PostgreSQL's programs cannot run from it."), e.getMessage());
        } finally {
            unmount(tmp);
        }
    }

    @Test
    void aTempFolderThatIsAFileIsNamedWithWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("tmp-is-a-file"), "x");
        IOException e = withTempFolder(file);
        assertEquals("The temp folder " + file + " (java.io.tmpdir) is a regular file, so nothing can be kept there"
                + " (PostgreSQL's binaries, the server's data). Remove it, or point the temp folder somewhere else: java.io.tmpdir"
                + " (-Djava.io.tmpdir=DIR; Maven: MAVEN_OPTS, the CLI: JAVA_TOOL_OPTIONS).", e.getMessage());
    }

    @Test
    void aFullTempFolderIsNamedWithTheFileAndWhatToDo() throws Exception {
        Path tmp = tmpfs("full", "size=1m");
        try {
            // Room for a few files, not for PostgreSQL's binaries: the write that fails names its file.
            Files.write(tmp.resolve("filler"), new byte[768 * 1024]);
            IOException e = withTempFolder(tmp);
            assertTrue(e.getMessage().matches("The temp folder " + java.util.regex.Pattern.quote(tmp.toString())
                    + " \\(java.io.tmpdir\\) is full \\(\\d+ KiB free\\): writing " + java.util.regex.Pattern.quote(tmp.toString())
                    + "/\\S+ failed \\(No space left on device\\)\\. PostgreSQL's binaries .* Free space in it, or point the temp"
                    + " folder somewhere else: java.io.tmpdir .*"), e.getMessage());
        } finally {
            unmount(tmp);
        }
    }

    /** A tmpfs mounted at {@code dir/name} that every user can use; the test is skipped where mounting needs root. */
    private Path tmpfs(String name, String options) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve(name));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", tmp.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0, "a tmpfs cannot be mounted here (needs root): " + said);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        return tmp;
    }

    private static void unmount(Path tmp) throws Exception {
        new ProcessBuilder("umount", "-l", tmp.toString()).inheritIO().start().waitFor();
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
