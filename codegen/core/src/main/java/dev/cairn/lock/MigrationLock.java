package dev.cairn.lock;

import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;

import dev.cairn.files.FileStamp;
import dev.cairn.files.Sha256;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migrations.lock file (like Atlas's atlas.sum): one line per versioned (and baseline) migration with its
 * version, file (location folder and name) and SHA-256, in version order, then a total line over
 * all entries. The total makes two branches that both add a migration conflict in git, so the
 * second merge has to re-lock instead of silently interleaving.
 *
 * @param entries       locked migrations in version order
 * @param declaredTotal the total line as written in the file (null for a lock not read from disk)
 */
public record MigrationLock(List<Entry> entries, String declaredTotal) {

    static final String HEADER = """
            # migrations.lock: checksums of the versioned migrations, checked by every `cairn generate`.
            # A locked migration may already have run on a real database: never edit, rename or delete it;
            # write a new migration instead. `cairn lock` adds new migrations (a local generate does too).
            # version file sha256
            """;

    /** One locked migration, e.g. {@code 3 migration/V3__add_events.sql 9f86d0...}. */
    public record Entry(String version, String file, String sha256) {
        String line() {
            return version + " " + file + " " + sha256;
        }
    }

    public MigrationLock {
        entries = List.copyOf(entries);
    }

    /** A lock holding exactly these versioned and baseline migrations (repeatables are meant to change). */
    public static MigrationLock of(List<MigrationFile> files) {
        List<Entry> entries = new ArrayList<>();
        for (MigrationFile f : MigrationFiles.locked(files)) {
            entries.add(new Entry(f.version().getVersion(), f.label(), f.sha256()));
        }
        return new MigrationLock(entries, null);
    }

    /** This lock without the given entries (local ones whose file changed or went away), with a fresh total. */
    public MigrationLock without(List<Entry> gone) {
        List<Entry> kept = new ArrayList<>(entries);
        kept.removeAll(gone);
        return new MigrationLock(kept, null);
    }

    /** This lock plus the given migrations, re-sorted by version, with a fresh total. */
    public MigrationLock withAdded(List<MigrationFile> added) {
        List<Entry> all = new ArrayList<>(entries);
        for (MigrationFile f : added) all.add(new Entry(f.version().getVersion(), f.label(), f.sha256()));
        // Each version parsed once, not once per comparison (2,000 entries made it a tenth of a no-op run's wall).
        Map<String, MigrationVersion> parsed = new HashMap<>();
        all.sort(Comparator.comparing((Entry e) -> parsed.computeIfAbsent(e.version(), MigrationVersion::fromVersion))
                .thenComparing(Entry::file));
        return new MigrationLock(all, null);
    }

    public String computedTotal() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(e.line()).append('\n');
        return Sha256.of(sb.toString());
    }

    public boolean totalMatches() {
        return declaredTotal == null || declaredTotal.equals(computedTotal());
    }

    public String format() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Entry e : entries) sb.append(e.line()).append('\n');
        sb.append("total ").append(computedTotal()).append('\n');
        return sb.toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, format(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The lock file as this JVM last read it (a loop of runs reads it three times a run). */
    private record Read(Path file, FileStamp stamp, MigrationLock lock) {
    }

    private static volatile Read lastRead;

    public static MigrationLock read(Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        Read last = lastRead;
        if (last != null && last.file().equals(file) && last.stamp().equals(stamp)) return last.lock();
        MigrationLock lock = parse(file);
        if (stamp.settled()) lastRead = new Read(file, stamp, lock); // a younger one is read again every time
        return lock;
    }

    private static MigrationLock parse(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** @param file what to call the text in messages (a path, or a path at a commit) */
    static MigrationLock parse(String file, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        String total = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>") || line.startsWith("=======")) {
                throw new MigrationLockException(file + " line " + (i + 1) + " is a git merge conflict marker."
                        + " Delete the conflicting lines and run `cairn lock` to re-lock the merged migrations.");
            }
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].equals("total")) {
                total = parts[1];
            } else if (parts.length >= 3) {
                String fileLabel = String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
                entries.add(new Entry(parts[0], fileLabel, parts[parts.length - 1]));
            } else {
                throw new MigrationLockException(file + " line " + (i + 1) + ": expected `<version> <file> <sha256>`"
                        + " or `total <sha256>`, found `" + line + "`. Restore the file from git, or delete it and run"
                        + " `cairn lock` to lock the migrations as they are now.");
            }
        }
        if (total == null) {
            throw new MigrationLockException(file + " has no `total <sha256>` line (truncated or edited by hand)."
                    + " Restore it from git, or run `cairn lock` after deleting it.");
        }
        return new MigrationLock(entries, total);
    }
}
