package dev.cairn.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The throwaway server's password is readable by the build's user only: not in its work or data
 * folder (which belong to the unprivileged user when the build runs as root, as here), not on a
 * command line or in an environment; the server holds a SCRAM verifier of it.
 */
class ServerSecretTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordIsNowhereTheServersUserCanReadAndTheServerHoldsOnlyItsVerifier() throws Exception {
        String before = System.getProperty(InitdbCache.PROPERTY);
        try {
            System.setProperty(InitdbCache.PROPERTY, "false"); // a fresh initdb
            checkServer();
        } finally {
            if (before == null) System.clearProperty(InitdbCache.PROPERTY);
            else System.setProperty(InitdbCache.PROPERTY, before);
        }
        checkServer(); // from the initdb cache (the second start of the JVM at the latest)
        checkServer();

        Path file = LeftoverServers.tmp().resolve("cairn-server-secret-" + System.getProperty("user.name"));
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertTrue(a.isRegularFile());
        assertEquals(System.getProperty("user.name"), a.owner().getName());
        assertEquals("rw-------", PosixFilePermissions.toString(a.permissions()));
        Optional<UnprivilegedUser> serverUser = UnprivilegedUser.whenRoot();
        if (serverUser.isPresent()) {
            Process cat = new ProcessBuilder(serverUser.get().wrap(List.of("cat", file.toString())))
                    .redirectErrorStream(true).start();
            byte[] out = cat.getInputStream().readAllBytes();
            assertTrue(cat.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, cat.exitValue(), "the server's user " + serverUser.get().name() + " cannot read " + file);
            assertFalse(new String(out, StandardCharsets.UTF_8).contains(ServerSecret.password()));
        }
    }

    private static void checkServer() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            String password = pg.password();
            assertTrue(password.length() >= 32, "a long random password");
            for (Path f : files(pg.workDir())) {
                assertFalse(contains(Files.readAllBytes(f), password), "the password is in " + f + " (" + pg.description() + ")");
            }
            ProcessHandle server = ProcessHandle.of(pg.pid()).orElseThrow();
            assertFalse(server.info().commandLine().orElse("").contains(password), "not on the server's command line");
            assertFalse(contains(Files.readAllBytes(Path.of("/proc/" + pg.pid() + "/environ")), password), "not in its environment");
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("SCRAM-SHA-256$4096:"), "a SCRAM verifier");
            }
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "not-" + password).close());
            assertEquals("28P01", wrong.getSQLState(), "a password is required: " + wrong.getMessage());
        }
    }

    @Test
    void aSecretFileThatIsALinkOrReadableByOthersIsRefusedNamingIt() throws Exception {
        Path real = Files.writeString(dir.resolve("real"), "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> ServerSecret.load(link));
        assertTrue(e.getMessage().contains(link + ": it is not a file of " + System.getProperty("user.name")
                + "'s alone (a symbolic link). Delete it, or point java.io.tmpdir at a folder of your own."), e.getMessage());
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        e = assertThrows(IOException.class, () -> ServerSecret.load(real));
        assertTrue(e.getMessage().contains("rw-r--r--"), e.getMessage());
        // A new one is made with the right mode.
        Path fresh = dir.resolve("fresh");
        String secret = ServerSecret.load(fresh);
        assertEquals(64, secret.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals(secret, ServerSecret.load(fresh), "kept, not replaced");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList());
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
