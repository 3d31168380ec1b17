package dev.cairn.migrate;

import dev.cairn.files.FileHashCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one scan of a run: every file in the migration folders (recursively, as Flyway scans) and in
 * the undo folders, named and hashed once; lock, lint and fingerprint all read this.
 *
 * @param migrations files in the Flyway locations, by label
 * @param undo       files in the undo folders, by label (never run by migrate, never locked)
 */
public record MigrationFiles(List<MigrationFile> migrations, List<MigrationFile> undo) {

    public MigrationFiles {
        migrations = List.copyOf(migrations);
        undo = List.copyOf(undo);
    }

    /** The migration folders only, without undo scripts. */
    public static MigrationFiles scan(List<Path> dirs, Path base) throws IOException {
        return scan(dirs, List.of(), base, FileHashCache.none());
    }

    /**
     * @param dirs     migration folders; each must exist, and together they must hold a migration
     * @param undoDirs undo folders; a missing one means no undo scripts
     * @param base     labels are relative to this directory when a folder lies below it (the lock
     *                 file's directory), else they start with the folder's own name
     * @param hashes   content hashes remembered between runs
     * @throws MigrationSourceException for a missing folder, or folders without a single migration
     */
    public static MigrationFiles scan(List<Path> dirs, List<Path> undoDirs, Path base, FileHashCache hashes)
            throws IOException {
        Path normalizedBase = base.toAbsolutePath().normalize();
        List<MigrationFile> migrations = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new MigrationSourceException("Migration folder " + dir.toAbsolutePath().normalize()
                        + " does not exist. Check the locations setting (--locations, -Dcairn.locations, cairn.properties).");
            }
            migrations.addAll(files(dir, normalizedBase, hashes));
        }
        // Without a single migration Flyway applies nothing and generate would replace every generated
        // class with none: almost always a wrong path, never what anyone meant.
        if (migrations.stream().noneMatch(f -> f.locked() || f.is(MigrationName.Kind.REPEATABLE))) {
            StringBuilder sb = new StringBuilder("No migrations in " + String.join(", ",
                    dirs.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList()));
            if (migrations.isEmpty()) {
                sb.append(": the folder").append(dirs.size() == 1 ? " is" : "s are").append(" empty.");
            } else {
                sb.append(": Flyway would run none of these files:");
                migrations.stream().limit(10).forEach(f -> sb.append("\n  ").append(f.label()).append(": ")
                        .append(MigrationName.problem(f.fileName()) == null ? "a callback or undo script, not a migration"
                                : MigrationName.problem(f.fileName())));
            }
            sb.append("\nCheck the locations setting; migrations are named V<version>__<description>.sql.");
            throw new MigrationSourceException(sb.toString());
        }
        List<MigrationFile> undo = new ArrayList<>();
        for (Path dir : undoDirs) {
            if (Files.isDirectory(dir)) undo.addAll(files(dir, normalizedBase, hashes));
        }
        return new MigrationFiles(migrations, undo);
    }

    /**
     * The files of this JVM's earlier scans: one found again under the same label with the same
     * hash is the same object, run after run, so that what compares files by path (lint's
     * checkpoints, the maps keyed by path) finds them equal at once instead of byte by byte.
     */
    private static final Map<String, MigrationFile> KNOWN = new ConcurrentHashMap<>();

    private static List<MigrationFile> files(Path dir, Path base, FileHashCache hashes) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        String prefix = d.startsWith(base) && !d.equals(base)
                ? base.relativize(d).toString().replace('\\', '/')
                : d.getFileName().toString();
        List<MigrationFile> out = new ArrayList<>();
        if (KNOWN.size() > 100_000) KNOWN.clear(); // files of projects scanned long ago (an IDE's Maven lives long)
        String folder = d + "\n";
        hashes.hashTree(d).forEach((file, sha) -> {
            String label = prefix + "/" + file;
            String key = folder + label;
            MigrationFile known = KNOWN.get(key);
            if (known != null && known.sha256().equals(sha)) {
                out.add(known);
                return;
            }
            Path path = d.resolve(file);
            MigrationFile found = new MigrationFile(label, path, d, sha, MigrationName.parse(path.getFileName().toString()).orElse(null));
            KNOWN.put(key, found);
            out.add(found);
        });
        out.sort(Comparator.comparing(MigrationFile::label));
        return out;
    }

    /** Versioned and baseline migrations (what migrations.lock holds), in version order. */
    public static List<MigrationFile> locked(List<MigrationFile> files) {
        return files.stream().filter(MigrationFile::locked)
                .sorted(Comparator.comparing(MigrationFile::version).thenComparing(MigrationFile::label)).toList();
    }

    public List<MigrationFile> locked() {
        return locked(migrations);
    }
}
