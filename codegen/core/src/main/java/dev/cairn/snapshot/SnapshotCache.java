package dev.cairn.snapshot;

import dev.cairn.files.BackgroundWork;
import dev.cairn.files.FileStamp;
import dev.cairn.files.FileTrees;
import dev.cairn.files.OwnedFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stopped data directories of migrated throwaway databases, in the user's cache directory (so
 * they survive {@code mvn clean}): {@code <root>/<environment>/<chain>/} holds {@code data/},
 * {@code snapshot.txt} (the applied migrations) and the completion marker, whose time stamp is
 * the entry's last use.
 *
 * <p>Safe for several builds at once without locks: an entry appears with one atomic rename of a
 * complete staging directory (a run killed half-way leaves only staging files, removed once their
 * process is gone), and leaves by an atomic rename into the trash before it is deleted. A reader
 * copying an entry that is evicted under it fails to copy, and runs from zero.
 */
public final class SnapshotCache {

    static final String COMPLETE = "complete";
    static final String DESCRIPTION = "snapshot.txt";
    private static final String STAGING = ".staging";
    private static final String TRASH = ".trash";

    private final Path root;
    private final long maxBytes;

    public SnapshotCache(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /**
     * {@code $XDG_CACHE_HOME/cairn/snapshots}, else {@code ~/.cache/cairn/snapshots}: per user,
     * outside every project, untouched by {@code mvn clean}.
     */
    public static Path defaultDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cairn").resolve("snapshots");
    }

    /** "1g", "512m", "2048k" or bytes; 0 switches snapshots off. */
    public static long parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("b$", "");
        long unit = 1;
        if (t.endsWith("k")) unit = 1L << 10;
        else if (t.endsWith("m")) unit = 1L << 20;
        else if (t.endsWith("g")) unit = 1L << 30;
        if (unit != 1) t = t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(t.strip());
            if (n < 0) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshotCacheSize must be a size like 1g, 512m or 0 (off), not '" + text + "'.");
        }
    }

    public Path root() {
        return root;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The snapshot covering most of {@code chain}, if any: only complete entries of this environment. */
    public Optional<Snapshot> best(SnapshotEnvironment env, MigrationChain chain) {
        Snapshot best = null;
        int bestCovered = 0;
        for (Snapshot s : entries(root.resolve(env.id()))) {
            int covered = chain.covered(s.applied());
            if (covered > bestCovered) {
                best = s;
                bestCovered = covered;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Copies the entry's data directory to {@code data} (owners kept) and marks the entry as just used. */
    public void copyOut(Snapshot s, Path data) throws IOException {
        FileTrees.copyTree(s.data(), data);
        try {
            Files.setLastModifiedTime(s.directory().resolve(COMPLETE), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException evictedMeanwhile) {
            // the copy is complete; the entry's age no longer matters
        }
    }

    /** A new, empty staging directory on the cache's file system, for {@link #publish}. */
    public Path newStaging() throws IOException {
        Path staging = root.resolve(STAGING);
        OwnedFolders.sweep(staging, ""); // left by a build killed while storing
        Path dir = OwnedFolders.create(staging, "");
        // Traversable, not listable: as root the server ran as another user, whose files these are.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    /**
     * Publishes {@code staging} (holding a stopped {@code data/}) as the snapshot of {@code chain},
     * then evicts the least recently used entries beyond the size cap. Losing a race with another
     * build (or an earlier run) that stored the same chain is fine: both entries are equal, and the
     * one already there is returned.
     */
    public Optional<Snapshot> publish(Path staging, SnapshotEnvironment env, MigrationChain chain) throws IOException {
        try {
            long bytes = size(staging.resolve("data"));
            StringBuilder b = new StringBuilder("bytes ").append(bytes).append('\n');
            for (MigrationChain.Step step : chain.steps()) b.append(step.version()).append(' ').append(step.sha256()).append('\n');
            Files.writeString(staging.resolve(DESCRIPTION), b.toString(), StandardCharsets.UTF_8);
            StringBuilder e = new StringBuilder();
            env.inputs().forEach((k, v) -> e.append(k).append('=').append(v).append('\n'));
            Files.writeString(staging.resolve("environment.txt"), e.toString(), StandardCharsets.UTF_8);
            // Written last: an entry without it is not one (a copy of an old layout, a hand-made directory).
            Files.writeString(staging.resolve(COMPLETE), "", StandardCharsets.UTF_8);
            Path envDir = Files.createDirectories(root.resolve(env.id()));
            Path entry = envDir.resolve(chain.id());
            try {
                Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e2) {
                FileTrees.deleteQuietly(staging);
                return readOrNone(entry);
            } catch (java.nio.file.FileSystemException e2) {
                // rename(2) onto an existing, non-empty entry says ENOTEMPTY as a plain FileSystemException:
                // another run stored the same chain first, which is just as good.
                if (!Files.isDirectory(entry)) throw e2;
                FileTrees.deleteQuietly(staging);
                return readOrNone(entry);
            }
            evict();
            return Optional.of(new Snapshot(entry, chain.steps(), bytes));
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /** Removes an entry that could not be used (a server that did not start on it, a history that does not match). */
    public void discard(Snapshot s) {
        remove(s.directory());
    }

    /** Least recently used entries go first until the cache fits its cap. Returns the entries removed. */
    public List<Snapshot> evict() {
        List<Snapshot> all = new ArrayList<>();
        try (DirectoryStream<Path> envs = Files.newDirectoryStream(root, p -> !p.getFileName().toString().startsWith("."))) {
            for (Path env : envs) all.addAll(entries(env));
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        OwnedFolders.sweep(root.resolve(TRASH), ""); // left by a build killed while deleting
        all.sort(Comparator.comparing(SnapshotCache::lastUse));
        long total = all.stream().mapToLong(Snapshot::bytes).sum();
        List<Snapshot> removed = new ArrayList<>();
        for (Snapshot s : all) {
            if (total <= maxBytes) break;
            remove(s.directory());
            total -= s.bytes();
            removed.add(s);
        }
        return removed;
    }

    /** Bytes held by complete entries (staging and trash aside). */
    public long bytes() {
        long total = 0;
        try (DirectoryStream<Path> envs = Files.newDirectoryStream(root, p -> !p.getFileName().toString().startsWith("."))) {
            for (Path env : envs) for (Snapshot s : entries(env)) total += s.bytes();
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** Deletes the whole cache (the CLI's and the docs' way to clear it is deleting the directory). */
    public void clear() throws IOException {
        FileTrees.delete(root);
    }

    private List<Snapshot> entries(Path envDir) {
        List<Snapshot> out = new ArrayList<>();
        if (!Files.isDirectory(envDir)) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(envDir)) {
            for (Path dir : dirs) {
                try {
                    read(dir).ifPresent(out::add);
                } catch (Garbled g) {
                    remove(dir); // complete, yet its description cannot be read: it can never be chosen, so it goes
                }
            }
        } catch (IOException e) {
            // an unreadable cache is an empty one
        }
        return out;
    }

    /**
     * Descriptions read before in this JVM, by entry. A complete entry never changes (a new one is a
     * new directory with new files), so a loop of runs does not read every entry's list of 2,000
     * migrations again to choose a snapshot or to evict one.
     */
    private static final Map<Path, Described> DESCRIBED = new ConcurrentHashMap<>();

    private record Described(FileStamp stamp, Snapshot snapshot) {
    }

    /** The other build's entry that won the race; none when its description is garbled (the next choice removes it). */
    private static Optional<Snapshot> readOrNone(Path entry) {
        try {
            return read(entry);
        } catch (Garbled g) {
            return Optional.empty();
        }
    }

    /** A complete entry whose description cannot be read. */
    private static final class Garbled extends Exception {
        Garbled(Throwable cause) {
            super(cause);
        }
    }

    private static Optional<Snapshot> read(Path dir) throws Garbled {
        if (!Files.isRegularFile(dir.resolve(COMPLETE))) return Optional.empty();
        try {
            Path description = dir.resolve(DESCRIPTION);
            FileStamp stamp = FileStamp.of(description);
            Described known = DESCRIBED.get(dir);
            if (known != null && known.stamp().equals(stamp)) return Optional.of(known.snapshot());
            List<String> lines = Files.readAllLines(description, StandardCharsets.UTF_8);
            long bytes = Long.parseLong(lines.getFirst().substring("bytes ".length()));
            List<MigrationChain.Step> steps = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int sp = line.indexOf(' ');
                steps.add(new MigrationChain.Step(line.substring(0, sp), line.substring(sp + 1)));
            }
            Snapshot s = new Snapshot(dir, steps, bytes);
            if (DESCRIBED.size() > 10_000) DESCRIBED.clear(); // entries other builds removed: forget them now and then
            DESCRIBED.put(dir, new Described(stamp, s));
            return Optional.of(s);
        } catch (NoSuchFileException evicted) {
            return Optional.empty(); // moved to the trash by another build meanwhile
        } catch (IOException | RuntimeException e) {
            throw new Garbled(e);
        }
    }

    private static FileTime lastUse(Snapshot s) {
        try {
            return Files.getLastModifiedTime(s.directory().resolve(COMPLETE));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Atomic rename into the trash first: a concurrent reader sees the whole entry or none of it. The
     * deletion itself runs beside the build ({@link BackgroundWork}); the trash entry is named
     * after this process, so another build's sweep leaves it alone while this one lives.
     */
    private void remove(Path entry) {
        try {
            Path trash = Files.createDirectories(root.resolve(TRASH)).resolve(OwnedFolders.name(""));
            Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
            DESCRIBED.remove(entry);
            BackgroundWork.delete(trash);
        } catch (NoSuchFileException gone) {
            // another build removed it first
        } catch (IOException e) {
            FileTrees.deleteQuietly(entry);
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
