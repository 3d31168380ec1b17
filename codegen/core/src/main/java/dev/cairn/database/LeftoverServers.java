package dev.cairn.database;

import dev.cairn.files.FileTrees;
import dev.cairn.files.OwnedFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything the database side leaves in the temp folder while it runs: servers' work directories,
 * half-unpacked binaries, the generator's warm-up and check folders; each named after the JVM that
 * owns it ({@link OwnedFolders}). Shutdown hooks cover failures and Ctrl-C; a JVM killed outright
 * (SIGKILL, OOM killer) runs no hook, so every command's start removes what dead runs left,
 * stopping their servers first (a leftover server would keep its port and memory until a reboot).
 */
public final class LeftoverServers {

    static final String PREFIX = "cairn-pg-";
    /** Temp folders made elsewhere (binaries' unpack, generator and daemon warm-ups, check, offline), swept with the servers. */
    public static final List<String> OTHER_PREFIXES = List.of("cairn-postgres-unpack-", "cairn-generator-warmup-",
            "cairn-check-", "cairn-offline-", "cairn-daemon-warm-up-", "cairn-pending-");

    private LeftoverServers() {
    }

    static Path newWorkDir() throws IOException {
        Path dir = OwnedFolders.create(tmp(), PREFIX);
        // Traversable (not readable) by the unprivileged user the server may run as.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    /** Stops the servers and removes the folders of runs whose JVM is gone. Cheap: one listing of the temp folder. */
    public static void removeAbandoned() {
        Path tmp = tmp();
        OwnedFolders.sweep(tmp, PREFIX, LeftoverServers::remove);
        for (String prefix : OTHER_PREFIXES) OwnedFolders.sweep(tmp, prefix);
    }

    static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void remove(Path dir) {
        Path pidFile = dir.resolve("data/postmaster.pid");
        try {
            if (Files.isReadable(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile);
                if (!lines.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                            .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                            .ifPresent(LeftoverServers::terminate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable pid file: nothing to stop that can be found
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
}
