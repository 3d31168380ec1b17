package dev.cairn.snapshot;

import dev.cairn.files.FileTrees;
import dev.cairn.files.OwnedFolders;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.MigrationName;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration folders as Flyway reads them on a snapshot: only the files it may still apply. On a
 * snapshot at V2000, Flyway would otherwise list, read and checksum 2,000 files to find the one it
 * applies, and the loop would cost more the older the project is.
 *
 * <p>Copies, laid out as in the originals, of every versioned migration above the snapshot's newest
 * version and of every repeatable one (a chain with callbacks is never taken from a snapshot). Flyway
 * records a file by its path relative to its location, so the history it writes is the one a run
 * on the originals writes; {@link #original} turns a copy's path in a message back into the file's.
 * Only filesystem locations that the scan read are replaced; with any other location (a class path,
 * a folder the scan did not see) Flyway reads the originals.
 */
public final class PendingMigrations implements AutoCloseable {

    static final String PREFIX = "cairn-pending-";

    private final FlywaySettings settings;
    private final Path root;
    /** Copy folder -> original folder, as written in Flyway's locations and messages. */
    private final Map<String, String> originals;
    private final int copied;

    private PendingMigrations(FlywaySettings settings, Path root, Map<String, String> originals, int copied) {
        this.settings = settings;
        this.root = root;
        this.originals = originals;
        this.copied = copied;
    }

    /** Flyway reads the folders as they are. */
    public static PendingMigrations all(FlywaySettings settings) {
        return new PendingMigrations(settings, null, Map.of(), -1);
    }

    /**
     * @param base  the snapshot the database was started from
     * @param files the scan's migration files (the folders' .sql files)
     */
    public static PendingMigrations above(FlywaySettings settings, Snapshot base, List<MigrationFile> files, Path tmp)
            throws IOException {
        if (base.applied().isEmpty()) return all(settings);
        MigrationVersion applied = MigrationVersion.fromVersion(base.applied().getLast().version());
        List<Path> folders = new ArrayList<>();
        for (String location : settings.locations().flywayLocations()) {
            if (!location.startsWith("filesystem:")) return all(settings);
            Path folder = Path.of(location.substring("filesystem:".length())).toAbsolutePath().normalize();
            if (files.stream().noneMatch(f -> f.directory().equals(folder))) return all(settings);
            folders.add(folder);
        }
        Path root = OwnedFolders.create(tmp, PREFIX);
        try {
            Map<String, String> originals = new LinkedHashMap<>();
            List<String> locations = new ArrayList<>();
            int copied = 0;
            for (int i = 0; i < folders.size(); i++) {
                Path folder = folders.get(i);
                Path copy = Files.createDirectories(root.resolve(Integer.toString(i)));
                originals.put(copy.toString(), folder.toString());
                locations.add("filesystem:" + copy);
                for (MigrationFile f : files) {
                    if (!f.directory().equals(folder)) continue;
                    if (f.is(MigrationName.Kind.VERSIONED) && f.version().compareTo(applied) <= 0) continue;
                    Path target = copy.resolve(folder.relativize(f.path()).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f.path(), target);
                    copied++;
                }
            }
            return new PendingMigrations(settings.withLocations(new MigrationLocations(locations)), root, originals, copied);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(root);
            throw e;
        }
    }

    /** The settings Flyway is to run with. */
    public FlywaySettings settings() {
        return settings;
    }

    /** How many files Flyway reads, or -1 when it reads the folders themselves. */
    public int copied() {
        return copied;
    }

    /** {@code text} with every copy's folder named as the original folder. */
    public String original(String text) {
        if (text == null) return null;
        for (var e : originals.entrySet()) text = text.replace(e.getKey(), e.getValue());
        return text;
    }

    @Override
    public void close() {
        if (root != null) FileTrees.deleteQuietly(root);
    }
}
