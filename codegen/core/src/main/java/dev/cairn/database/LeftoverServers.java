package dev.cairn.database;

import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Work directories of embedded servers, each marked with the JVM that owns it. Shutdown hooks
 * cover failures and Ctrl-C; a JVM killed outright (SIGKILL, OOM killer) runs no hook, so every
 * start also removes servers whose owning JVM is gone.
 */
final class LeftoverServers {

    private static final String PREFIX = "cairn-pg-";
    private static final String OWNER_FILE = "owner";

    private LeftoverServers() {
    }

    static Path newWorkDir() throws IOException {
        Path dir = Files.createTempDirectory(PREFIX);
        // Traversable (not readable) by the unprivileged user the server may run as.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER_FILE), self.pid() + " " + startOf(self).map(Instant::toString).orElse("?"),
                StandardCharsets.UTF_8);
        return dir;
    }

    static void removeAbandoned() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isAbandoned(dir)) remove(dir);
            }
        } catch (IOException | RuntimeException ignored) {
            // Housekeeping only: never fail a run because an old directory could not be read.
        }
    }

    private static boolean isAbandoned(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        if (!Files.isRegularFile(owner)) return false; // not ours, or still being created
        String[] f = Files.readString(owner, StandardCharsets.UTF_8).trim().split(" ");
        Optional<ProcessHandle> jvm = ProcessHandle.of(Long.parseLong(f[0]));
        if (jvm.isEmpty() || !jvm.get().isAlive()) return true;
        // The pid may have been reused by an unrelated process since.
        return f.length > 1 && !f[1].equals("?") && !startOf(jvm.get()).map(Instant::toString).orElse("?").equals(f[1]);
    }

    private static void remove(Path dir) throws IOException {
        Path pidFile = dir.resolve("data/postmaster.pid");
        if (Files.isReadable(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty()) {
                ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                        .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                        .ifPresent(LeftoverServers::terminate);
            }
        }
        FileTrees.deleteQuietly(dir);
    }

    private static void terminate(ProcessHandle postmaster) {
        postmaster.destroy(); // SIGTERM; orphaned, so no client is waiting on it
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static Optional<Instant> startOf(ProcessHandle p) {
        return p.info().startInstant();
    }
}
