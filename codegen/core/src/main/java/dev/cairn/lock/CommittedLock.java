package dev.cairn.lock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which lock entries are released, that is shipped: in a git work tree, those in migrations.lock as
 * committed at {@code HEAD}; an entry added since (by a local generate) is the developer's own
 * work, which may still change, be renamed or be deleted, and is locked anew when it does.
 * Outside git (or where git cannot be run) every entry of the lock is released, as it always was.
 *
 * @param committed the committed entries by file label, or empty outside git (everything released)
 * @param where     what the answer rests on, for messages ("HEAD", "outside git")
 */
public record CommittedLock(Optional<Map<String, MigrationLock.Entry>> committed, String where) {

    /** Every entry of the lock is released: outside git, and in CI and checks, which accept no local entry. */
    public static final CommittedLock ALL = new CommittedLock(Optional.empty(), "every entry of the lock");

    private static final long GIT_SECONDS = 10;

    /** The lock as committed at HEAD of the work tree that holds {@code lockFile}; {@link #ALL} outside git. */
    public static CommittedLock of(Path lockFile) {
        Path dir = lockFile.toAbsolutePath().normalize().getParent();
        // One process: `HEAD:./name` is resolved against -C's folder, and a work tree without the file answers too.
        ProcessBuilder pb = new ProcessBuilder("git", "-C", dir.toString(), "show", "HEAD:./" + lockFile.getFileName())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().remove("GIT_DIR");
        pb.environment().remove("GIT_WORK_TREE");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[][] streams = new byte[2][];
            Thread err = Thread.ofPlatform().daemon().start(() -> streams[1] = readAll(p.getErrorStream()));
            streams[0] = readAll(p.getInputStream());
            if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return ALL;
            }
            err.join(TimeUnit.SECONDS.toMillis(GIT_SECONDS));
            String stderr = streams[1] == null ? "" : new String(streams[1], StandardCharsets.UTF_8);
            if (p.exitValue() == 0) {
                Map<String, MigrationLock.Entry> entries = new HashMap<>();
                for (MigrationLock.Entry e : MigrationLock.parse(lockFile + " at HEAD",
                        new String(streams[0], StandardCharsets.UTF_8).lines().toList()).entries()) {
                    entries.put(e.file(), e);
                }
                return new CommittedLock(Optional.of(entries), "HEAD");
            }
            if (stderr.contains("not a git repository")) return ALL;
            // In a work tree, but the lock is not in HEAD (never committed, or no commit yet): nothing is released.
            if (stderr.contains("exists on disk, but not in") || stderr.contains("does not exist in")
                    || stderr.contains("invalid object name") || stderr.contains("bad revision")) {
                return new CommittedLock(Optional.of(Map.of()), "HEAD");
            }
            return ALL;
        } catch (IOException | MigrationLockException e) {
            return ALL; // no git on the PATH, or a committed lock it cannot read: today's rule
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ALL;
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Whether this entry was shipped: committed at HEAD (with any content), or everything outside git. */
    public boolean released(MigrationLock.Entry entry) {
        return committed.map(c -> c.containsKey(entry.file())).orElse(true);
    }

    /** The checksum a released entry was shipped with (the committed one in git). */
    public String shippedSha256(MigrationLock.Entry entry) {
        return committed.map(c -> c.get(entry.file())).map(MigrationLock.Entry::sha256).orElse(entry.sha256());
    }
}
