package dev.cairn.lock;

import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;

/**
 * One file in a migration directory.
 *
 * @param label   the name people see and the lock records: location folder and file, e.g. {@code migration/V3__add_events.sql}
 * @param path    where it is on disk
 * @param sha256  content hash (line endings normalized)
 * @param version Flyway version for a versioned migration ({@code V3__x.sql}); null for repeatable and other files
 */
public record MigrationFile(String label, Path path, String sha256, MigrationVersion version) {

    public boolean versioned() {
        return version != null;
    }

    /** Just the file name, e.g. {@code V3__add_events.sql}. */
    public String fileName() {
        return path.getFileName().toString();
    }
}
