package dev.cairn.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Folders that the tool creates and deletes again, named after the process that owns them:
 * {@code <prefix><pid>-<start time in ms>-<random>}. A shutdown hook deletes them on a failure or
 * Ctrl-C, but a JVM killed outright (kill -9, OOM killer) runs no hook; the name alone then tells
 * the next run, of any command, that the owner is gone (the start time guards against a reused pid).
 * No marker file inside: staging folders are renamed into place whole.
 */
public final class OwnedFolders {

    /** Folders of an older cairn had no owner in their name; one day is far beyond any run. */
    private static final Duration UNOWNED_AGE = Duration.ofDays(1);

    private OwnedFolders() {
    }

    /** A new folder in {@code parent}, owned by this JVM. */
    public static Path create(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve(name(prefix));
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    /** A new name of a folder owned by this JVM, for a folder made by a rename. */
    public static String name(String prefix) {
        ProcessHandle self = ProcessHandle.current();
        return prefix + self.pid() + "-" + startMillis(self).orElse(0L) + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Hands every folder named {@code prefix*} in {@code parent} whose owner is gone to {@code remove}. */
    public static void sweep(Path parent, String prefix, Consumer<Path> remove) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && abandoned(dir.getFileName().toString().substring(prefix.length()), dir)) {
                    remove.accept(dir);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Housekeeping only: never fail a run because an old folder could not be read.
        }
    }

    /** {@link #sweep} that deletes. */
    public static void sweep(Path parent, String prefix) {
        sweep(parent, prefix, FileTrees::deleteQuietly);
    }

    private static boolean abandoned(String owner, Path dir) throws IOException {
        String[] f = owner.split("-");
        if (f.length < 3 || !f[0].chars().allMatch(Character::isDigit) || !f[1].chars().allMatch(Character::isDigit)) {
            FileTime modified = Files.getLastModifiedTime(dir);
            return modified.toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
        }
        Optional<ProcessHandle> jvm = ProcessHandle.of(Long.parseLong(f[0]));
        if (jvm.isEmpty() || !jvm.get().isAlive()) return true;
        long started = Long.parseLong(f[1]);
        // The pid may have been reused by an unrelated process since.
        return started != 0 && startMillis(jvm.get()).map(s -> s != started).orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }
}
