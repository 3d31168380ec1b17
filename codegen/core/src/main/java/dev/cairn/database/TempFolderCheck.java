package dev.cairn.database;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Why the temp folder cannot hold a running PostgreSQL, asked after a start failed: initdb and the
 * server only say what they could not load ("libicuuc.so.60: cannot open shared object file",
 * "Permission denied"), not that the folder was the cause. The known causes: a folder that is
 * missing, not a folder, or full; a folder the unprivileged user (when cairn runs as root) cannot
 * enter, e.g. under /root; and a file system mounted noexec.
 */
final class TempFolderCheck {

    private static final String FIX = "Point the temp folder somewhere else: java.io.tmpdir (-Djava.io.tmpdir=DIR;"
            + " Maven: MAVEN_OPTS, the CLI: JAVA_TOOL_OPTIONS)";

    private TempFolderCheck() {
    }

    /**
     * Why the temp folder itself cannot hold anything, asked after writing in it failed: it is missing,
     * not a folder (NIO says only its path), or full (NIO says only "No space left on device").
     * Names the file whose write failed when the error does.
     */
    static Optional<String> unusable(Path tmp, Throwable failure) {
        String where = "The temp folder " + tmp + " (java.io.tmpdir)";
        if (!Files.exists(tmp)) return Optional.of(where + " does not exist. Create it, or p" + FIX.substring(1) + ".");
        if (!Files.isDirectory(tmp)) {
            return Optional.of(where + " is " + (Files.isRegularFile(tmp) ? "a regular file" : "not a folder") + ", so nothing can be"
                    + " kept there (PostgreSQL's binaries, the server's data). Remove it, or p" + FIX.substring(1) + ".");
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                String file = t instanceof FileSystemException f && f.getFile() != null ? f.getFile()
                        : m.contains(": ") ? m.substring(0, m.lastIndexOf(": ")) : null;
                return Optional.of(where + " is full (" + free(tmp) + " free)" + (file != null ? ": writing " + file + " failed" : "")
                        + " (" + (m.contains("quota") ? "Disk quota exceeded" : "No space left on device") + "). PostgreSQL's binaries"
                        + " (about 60 MB, once) and each server's data (about 30 MB and more) are kept there. Free space in it, or p"
                        + FIX.substring(1) + ".");
            }
        }
        return Optional.empty();
    }

    private static String free(Path tmp) {
        try {
            long bytes = Files.getFileStore(tmp).getUsableSpace();
            return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
        } catch (IOException e) {
            return "no space";
        }
    }

    static Optional<String> problem(Path install, Path workDir, Optional<UnprivilegedUser> runAs, Throwable failure) {
        // The binaries' cache and the server's folder both live in temp folders (the same one, unless it changed).
        List<Path> folders = List.of(install.toAbsolutePath().getParent(), workDir.toAbsolutePath().getParent());
        for (Path p : folders) {
            Optional<String> unusable = unusable(p, failure);
            if (unusable.isPresent()) return unusable;
        }
        for (Path p : folders) {
            Optional<String> mount = noexecMount(p);
            if (mount.isPresent()) {
                return Optional.of("The temp folder " + p + " is on a file system mounted noexec (" + mount.get()
                        + "), so PostgreSQL's programs cannot run from it. " + FIX + " on a file system that allows programs.");
            }
        }
        if (runAs.isPresent()) {
            for (Path p : folders) {
                Optional<Path> closed = firstClosedTo(p, runAs.get());
                if (closed.isPresent()) {
                    return Optional.of("User " + runAs.get().name() + ", who runs PostgreSQL because cairn runs as root, cannot"
                            + " enter " + closed.get() + " (mode " + mode(closed.get()) + ")" + (closed.get().equals(p) ? "" : ", which holds the temp folder " + p)
                            + ". " + FIX + " that every user can enter, e.g. /tmp; or name another user"
                            + " with -Dcairn.postgres.user.");
                }
            }
        }
        return Optional.empty();
    }

    /** The mount point of {@code path}'s file system when it is mounted noexec. */
    private static Optional<String> noexecMount(Path path) {
        try {
            Path real = path.toRealPath();
            String best = null;
            boolean noexec = false;
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length < 4) continue;
                String point = f[1].replace("\\040", " ");
                if (real.startsWith(point) && (best == null || point.length() > best.length())) {
                    best = point;
                    noexec = List.of(f[3].split(",")).contains("noexec");
                }
            }
            return noexec ? Optional.of(best) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or the folder is gone: nothing to say
        }
    }

    /** The first folder from the root down to {@code path} that {@code user} may not traverse. */
    private static Optional<Path> firstClosedTo(Path path, UnprivilegedUser user) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        Path p = real.getRoot();
        for (Path part : real) {
            p = p.resolve(part);
            try {
                int mode = (Integer) Files.getAttribute(p, "unix:mode");
                int uid = (Integer) Files.getAttribute(p, "unix:uid");
                int gid = (Integer) Files.getAttribute(p, "unix:gid");
                int x = uid == user.uid() ? 0100 : gid == user.gid() ? 0010 : 0001;
                if ((mode & x) == 0) return Optional.of(p);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String mode(Path p) {
        try {
            return String.format("%o", (Integer) Files.getAttribute(p, "unix:mode") & 0777);
        } catch (IOException e) {
            return "?";
        }
    }
}
