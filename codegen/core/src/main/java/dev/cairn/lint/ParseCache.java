package dev.cairn.lint;

import dev.cairn.files.BackgroundWork;
import dev.cairn.files.FileStamp;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What jOOQ's parser made of each statement, remembered between local runs in the project's
 * target/ (gone with {@code mvn clean}), so that an unchanged migration is not parsed again: the
 * parse is most of lint's time, the rules that follow are cheap and always run. Keyed by the
 * sha256 of the statement's text as parsed; the file as a whole is dropped when the rule
 * configuration or the tool's versions differ from what wrote it. Unreadable means empty.
 */
public final class ParseCache {

    /** Bump when {@link Change} or this format changes. */
    private static final int FORMAT = 2;

    private record Entry(List<Change> changes, String failure) implements Serializable {
    }

    private record Stored(int format, String configuration, Map<String, Entry> entries) implements Serializable {
    }

    /**
     * What this JVM last read from or wrote to a cache file, with the file's identity then: a JVM
     * that lints again and again (the watch, the daemon) deserialises the file once, not every run.
     */
    private record Memo(Path file, String configuration, FileStamp stamp, Map<String, Entry> entries) {
    }

    private static volatile Memo memo;

    /** The last {@link #saveBeside} of this JVM: a load waits for it, so it reads what that run learned. */
    private static volatile BackgroundWork.Task saving = () -> { };

    private final Path file;
    private final String configuration;
    private final Map<String, Entry> loaded;
    private final Map<String, Entry> used = new HashMap<>();
    private int hits;
    private int misses;

    private ParseCache(Path file, String configuration, Map<String, Entry> loaded) {
        this.file = file;
        this.configuration = configuration;
        this.loaded = loaded;
    }

    /** No cache: every statement is parsed (CI, --force, `cairn lint`). */
    public static ParseCache none() {
        return new ParseCache(null, "", Map.of());
    }

    /** @param configuration rule severities and tool versions: a different one starts empty */
    public static ParseCache load(Path file, String configuration) {
        saving.await();
        Map<String, Entry> entries = Map.of();
        Memo m = memo;
        if (m != null && m.file().equals(file) && m.configuration().equals(configuration) && m.stamp().equals(FileStamp.orNull(file))) {
            return new ParseCache(file, configuration, m.entries());
        }
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file); ObjectInputStream o = new ObjectInputStream(in)) {
                if (o.readObject() instanceof Stored s && s.format() == FORMAT && s.configuration().equals(configuration)) {
                    entries = s.entries();
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // a cache from another version of the tool, or cut short by a kill: start empty
            }
            if (!entries.isEmpty()) memo = remember(file, configuration, entries);
        }
        return new ParseCache(file, configuration, entries);
    }

    /** The file as it is now, with these entries; null when it cannot be read. */
    private static Memo remember(Path file, String configuration, Map<String, Entry> entries) {
        FileStamp stamp = FileStamp.orNull(file);
        return stamp == null ? null : new Memo(file, configuration, stamp, entries);
    }

    /** The rule configuration as text, for {@link #load}; with the shape of {@link Change}, so a changed tool starts empty. */
    public static String configuration(LintConfig config, String toolVersions) {
        return dev.cairn.files.CacheKey.of("lint parses").with("severities", new java.util.TreeMap<>(config.severities()))
                .with("undo folders", config.undoDirs()).with("tools", toolVersions).with("change shape", changeShape()).text();
    }

    /** Every kind of change with its components: a cache written by another version of the rules never deserialises into this one. */
    private static String changeShape() {
        StringBuilder b = new StringBuilder();
        for (Class<?> kind : Change.class.getPermittedSubclasses()) {
            b.append(kind.getSimpleName()).append('(');
            for (var c : kind.getRecordComponents()) b.append(c.getType().getSimpleName()).append(' ').append(c.getName()).append(',');
            b.append(')');
        }
        return dev.cairn.files.Sha256.of(b.toString()).substring(0, 16);
    }

    JooqStatementReader.Result get(String sha256) {
        Entry e = loaded.get(sha256);
        if (e == null) e = used.get(sha256);
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        used.put(sha256, e);
        return new JooqStatementReader.Result(Optional.ofNullable(e.changes()), e.failure());
    }

    /** Whether this cache remembers between runs; {@link #none()} (CI, --force) does not, and lint then checks every file. */
    boolean remembers() {
        return file != null;
    }

    /**
     * Keeps every entry loaded, used or not: lint resumed from a checkpoint and did not look up the
     * statements before it. Entries of deleted migrations stay until a lint that reads them all.
     */
    void keepLoaded() {
        for (var e : loaded.entrySet()) used.putIfAbsent(e.getKey(), e.getValue());
    }

    void put(String sha256, JooqStatementReader.Result r) {
        if (file != null) used.put(sha256, new Entry(r.changes().orElse(null), r.failure()));
    }

    public int hits() {
        return hits;
    }

    public int misses() {
        return misses;
    }

    /** As {@link #save}, on a thread of its own: serialising thousands of parses is no reason for a run's next stage to wait. */
    public BackgroundWork.Task saveBeside() {
        if (!needsSaving()) return () -> { };
        BackgroundWork.Task task = BackgroundWork.run("cairn-save-lint-parses", this::save);
        saving = task;
        return task;
    }

    private boolean needsSaving() {
        return file != null && (misses > 0 || used.size() != loaded.size());
    }

    /** Keeps what this run used (so the file does not grow with deleted migrations); atomic replace. */
    public synchronized void save() {
        if (!needsSaving()) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream o = new ObjectOutputStream(out)) {
                o.writeObject(new Stored(FORMAT, configuration, new HashMap<>(used)));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            memo = remember(file, configuration, Map.copyOf(used));
        } catch (IOException e) {
            // only a cache
        }
    }
}
