package dev.cairn.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@link Sha256#ofFile} with memory: a file whose size, modification time and identity (inode)
 * are what they were when it was last hashed is not read again. This is git's index trick, and
 * what keeps a no-op generate of a thousand migrations from spending most of its time in SHA-256
 * (in a fresh JVM the digest still runs interpreted).
 *
 * <p>Two guards keep the shortcut honest. A file modified within the last {@link FileStamp#SETTLE} is
 * never remembered, so a second edit in the same clock tick (same size, same time stamp) cannot
 * hide; and the cache only ever answers for local, non-CI runs: check mode and {@code --force}
 * use {@link #none()} and hash every byte. The cache file is a build artifact (under target/,
 * never committed); a missing, foreign or damaged one simply means everything is hashed again,
 * and each line carries a check of its own, so a damaged entry is never taken for a file's hash.
 */
public final class FileHashCache {

    private static final String HEADER = "# cairn file hashes v2 (crc32c of the rest of the line, size, mtime ns, file key, sha256 with LF line endings, path)";

    private record Entry(long size, long modifiedNanos, String fileKey, String sha256) {
    }

    /** The last {@link #saveBeside} of this JVM: a load waits for it, so it reads what that run learned. */
    private static volatile BackgroundWork.Task saving = () -> { };

    /**
     * The file as this JVM last read or wrote it, with its entries: a loop of runs (the warm engine,
     * the watch) does not parse thousands of lines again, and keeps one string per hash.
     */
    private record Memo(Path file, FileStamp stamp, Map<String, Entry> entries) {

        static Memo of(Path file, Map<String, Entry> entries) {
            FileStamp stamp = FileStamp.orNull(file);
            return stamp == null ? null : new Memo(file, stamp, entries);
        }
    }

    private static volatile Memo memo;

    private final Path file;
    private final Map<String, Entry> entries;
    private final AtomicBoolean changed = new AtomicBoolean();
    /** Files this run found on disk: the save need not ask whether they still exist. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private FileHashCache(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** No memory: every call hashes the content. */
    public static FileHashCache none() {
        return new FileHashCache(null, new ConcurrentHashMap<>());
    }

    /** The hashes remembered in {@code file}; an empty cache when it is missing or not ours. */
    public static FileHashCache load(Path file) {
        saving.await();
        Memo m = memo;
        // Shared with the run before: what it learned, it saved (the file is as it left it); what a
        // failed save kept from the file is still true, as every entry is checked against the file it names.
        if (m != null && m.file().equals(file) && m.stamp().equals(FileStamp.orNull(file))) return new FileHashCache(file, m.entries());
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.getFirst().equals(HEADER)) {
                for (String line : lines.subList(1, lines.size())) {
                    // A line whose check fails (a torn write, a bad block) is dropped: its file is hashed again.
                    int tab = line.indexOf('\t');
                    if (tab < 0 || !line.substring(0, tab).equals(check(line.substring(tab + 1)))) continue;
                    String[] p = line.substring(tab + 1).split("\t", 5);
                    if (p.length == 5) entries.put(p[4], new Entry(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], p[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // missing or damaged: start over
        }
        if (!entries.isEmpty()) memo = Memo.of(file, entries);
        return new FileHashCache(file, entries);
    }

    /**
     * SHA-256 of every regular file below {@code root} (line endings normalized), by path relative to
     * root with '/' separators, sorted. One directory walk supplies each file's size and time stamp;
     * only files the cache does not know are read, several at a time.
     */
    public SortedMap<String, String> hashTree(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) return out;
        Map<String, Path> unknown = new TreeMap<>();
        // Every path the walk gives starts with root's: cutting that off is what relativize does, at a fraction of its cost.
        String rootText = root.toString();
        int cut = rootText.isEmpty() || rootText.endsWith(root.getFileSystem().getSeparator()) ? rootText.length() : rootText.length() + 1;
        // Links are followed, as Flyway follows them: a migrations folder (or file) linked in from elsewhere is read.
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof java.nio.file.FileSystemLoopException) {
                    throw new IOException(f + " links back to a folder that contains it (a link loop): remove or fix that link.", e);
                }
                throw e;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attributes) {
                if (!attributes.isRegularFile()) return FileVisitResult.CONTINUE;
                String relative = f.toString().substring(cut).replace('\\', '/');
                String known = remembered(f, attributes);
                if (known != null) out.put(relative, known);
                else unknown.put(relative, f);
                return FileVisitResult.CONTINUE;
            }
        });
        // Reading and hashing is I/O and SHA work that spreads well; a no-op run has nothing left here.
        Stream<Map.Entry<String, Path>> toHash = unknown.size() > 8 ? unknown.entrySet().parallelStream() : unknown.entrySet().stream();
        toHash.map(e -> Map.entry(e.getKey(), learnUnchecked(e.getValue())))
                .forEachOrdered(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** SHA-256 of one file's content (line endings normalized), from memory when the file is unchanged. */
    public String sha256(Path path) throws IOException {
        String known = file == null ? null : remembered(path, Files.readAttributes(path, BasicFileAttributes.class));
        return known != null ? known : learn(path);
    }

    private String remembered(Path path, BasicFileAttributes now) {
        if (file == null) return null;
        String key = key(path);
        seen.add(key);
        Entry known = entries.get(key);
        return known != null && known.size() == now.size()
                && known.modifiedNanos() == now.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                && known.fileKey().equals(String.valueOf(now.fileKey())) ? known.sha256() : null;
    }

    private String learn(Path path) throws IOException {
        if (file == null) return Sha256.ofFile(path);
        BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
        String sha = Sha256.ofFile(path);
        BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
        long modified = before.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        boolean settled = FileStamp.of(before).settled();
        boolean unchangedWhileRead = after.size() == before.size()
                && after.lastModifiedTime().to(TimeUnit.NANOSECONDS) == modified;
        String key = key(path);
        if (settled && unchangedWhileRead) {
            entries.put(key, new Entry(before.size(), modified, String.valueOf(before.fileKey()), sha));
            changed.set(true);
        } else if (entries.remove(key) != null) {
            changed.set(true);
        }
        return sha;
    }

    private String learnUnchecked(Path path) {
        try {
            return learn(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** CRC-32C of a line's fields: a damaged entry must not stand for a file's content (it would read as an edit). */
    private static String check(String fields) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(fields.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /**
     * Writes what was learned (entries of files that no longer exist are dropped), atomically; a
     * cache that cannot be written is not an error, the next run just hashes again.
     */
    public synchronized void save() {
        if (file == null || !changed.get()) return;
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        // Dropped from memory too: a loop of runs keeps these entries (Memo).
        entries.keySet().removeIf(k -> !seen.contains(k) && !Files.exists(Path.of(k)));
        entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().size() + "\t" + e.getValue().modifiedNanos() + "\t"
                        + e.getValue().fileKey() + "\t" + e.getValue().sha256() + "\t" + e.getKey())
                .forEach(line -> lines.add(check(line) + "\t" + line));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".file-hashes", ".tmp");
            try {
                Files.write(temp, lines, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            changed.set(false);
            memo = Memo.of(file, entries);
        } catch (IOException | RuntimeException e) {
            // read-only checkout, a concurrent clean, ...: nothing lost but speed
        }
    }

    /** As {@link #save}, on a thread of its own; this cache is not to be used for hashing any more. */
    public BackgroundWork.Task saveBeside() {
        if (file == null || !changed.get()) return () -> { };
        BackgroundWork.Task task = BackgroundWork.run("cairn-save-file-hashes", this::save);
        saving = task;
        return task;
    }

    @Override
    public String toString() {
        return "FileHashCache[" + Objects.requireNonNullElse(file, "none") + ", " + entries.size() + " files]";
    }
}
