package dev.cairn.migrate;

import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;

/**
 * One file in a migration (or undo) folder, as the single scan of a run found it.
 *
 * @param label     the name people see and the lock records: folder and file, e.g. {@code migration/V3__add_events.sql}
 * @param path      where it is on disk
 * @param directory the migration folder it was found in (a file may sit in a subfolder of it)
 * @param sha256    content hash (line endings normalized)
 * @param name      what Flyway makes of the file name; null when Flyway would not run it (lint says why)
 */
public record MigrationFile(String label, Path path, Path directory, String sha256, MigrationName name) {

    /** Just the file name, e.g. {@code V3__add_events.sql}. */
    public String fileName() {
        return path.getFileName().toString();
    }

    public boolean is(MigrationName.Kind kind) {
        return name != null && name.kind() == kind;
    }

    /** Versioned or baseline: what migrations.lock locks. */
    public boolean locked() {
        return name != null && name.kind().locked();
    }

    /** The Flyway version, or null (repeatable, callback, unparsable name). */
    public MigrationVersion version() {
        return name == null ? null : name.version();
    }
}
