package dev.cairn.lock;

import dev.cairn.files.FileHashCache;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists and hashes every file in the migration directories, once per run: the lock and the
 * codegen fingerprint both read this list. Subdirectories count too (Flyway scans recursively).
 */
public final class MigrationFiles {

    /** Flyway's default naming: V&lt;version&gt;__&lt;description&gt;.sql, version parts split by '.' or '_'. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private MigrationFiles() {
    }

    /**
     * @param dirs  migration directories (each must exist)
     * @param base  labels are relative to this directory when a migration directory lies below it
     *              (the lock file's directory), else they start with the directory's own name
     */
    public static List<MigrationFile> scan(List<Path> dirs, Path base) throws IOException {
        return scan(dirs, base, FileHashCache.none());
    }

    /** As {@link #scan(List, Path)}, with content hashes remembered between runs by {@code hashes}. */
    public static List<MigrationFile> scan(List<Path> dirs, Path base, FileHashCache hashes) throws IOException {
        Path normalizedBase = base.toAbsolutePath().normalize();
        List<MigrationFile> out = new ArrayList<>();
        for (Path dir : dirs) {
            Path d = dir.toAbsolutePath().normalize();
            String prefix = d.startsWith(normalizedBase) && !d.equals(normalizedBase)
                    ? normalizedBase.relativize(d).toString().replace('\\', '/')
                    : d.getFileName().toString();
            hashes.hashTree(d).forEach((file, sha) -> {
                Path path = d.resolve(file);
                out.add(new MigrationFile(prefix + "/" + file, path, sha, versionOf(path.getFileName().toString())));
            });
        }
        out.sort(Comparator.comparing(MigrationFile::label));
        return List.copyOf(out);
    }

    static MigrationVersion versionOf(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? MigrationVersion.fromVersion(m.group(1).replace('_', '.')) : null;
    }

    /** Versioned migrations only, in version order. */
    public static List<MigrationFile> versioned(List<MigrationFile> files) {
        return files.stream().filter(MigrationFile::versioned)
                .sorted(Comparator.comparing(MigrationFile::version).thenComparing(MigrationFile::label)).toList();
    }
}
