package dev.cairn.database;

import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * initdb's output, kept beside the unpacked binaries and copied for each new server: initdb costs
 * a second or more (bootstrap, template databases), a copy of its ~40 MB a fraction of that.
 *
 * <p>Keyed by the binaries, the initdb arguments and the user the server runs as, so a change of
 * any of them makes a new entry. An entry is published with one atomic rename, from a staging
 * directory inside the caller's work directory: a run killed half-way leaves nothing in the cache,
 * and its staging files go with its work directory (shutdown hook, or {@link LeftoverServers}).
 * Off with {@code -Dcairn.postgres.initdb-cache=false}.
 */
final class InitdbCache {

    static final String PROPERTY = "cairn.postgres.initdb-cache";
    private static final String COMPLETE = ".cairn-initdb-complete";

    private final Path entry;

    private InitdbCache(Path entry) {
        this.entry = entry;
    }

    /** The cache entry for these binaries, arguments and user; empty when caching is switched off. */
    static Optional<InitdbCache> forInstall(Path install, List<String> initdbArgs, Optional<UnprivilegedUser> runAs) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) return Optional.empty();
        String key = install.toAbsolutePath() + "\n" + String.join(" ", initdbArgs) + "\n" + runAs.map(UnprivilegedUser::uid).orElse(-1);
        return Optional.of(new InitdbCache(install.toAbsolutePath().getParent().resolve("cairn-initdb-" + sha256(key).substring(0, 16))));
    }

    /** Copies a cached data directory into {@code data} (which must not exist); false on a miss. */
    boolean copyTo(Path data) throws IOException {
        if (!Files.isRegularFile(entry.resolve(COMPLETE))) return false;
        FileTrees.copyTree(entry.resolve("data"), data);
        return true;
    }

    /**
     * Publishes a freshly initialised (never started) data directory. Copies it into
     * {@code staging} (inside the caller's work directory) and renames that into place; losing a
     * race with another run is fine, both entries are equal.
     */
    void store(Path data, Path staging) throws IOException {
        Files.createDirectory(staging);
        Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        FileTrees.copyTree(data, staging.resolve("data"));
        Files.writeString(staging.resolve(COMPLETE), entry.getFileName().toString(), StandardCharsets.UTF_8);
        try {
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // another run published first, or the file system cannot rename atomically: keep no half entry
            FileTrees.deleteQuietly(staging);
        } catch (java.nio.file.FileSystemException e) {
            // ENOTEMPTY from rename(2) arrives as a plain FileSystemException: the same lost race.
            if (!Files.isDirectory(entry)) throw e;
            FileTrees.deleteQuietly(staging);
        }
    }

    Path entry() {
        return entry;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
