package dev.cairn.lint;

import java.nio.file.Path;
import java.util.Optional;

/** A migration script on disk: where it lives decides what it may do. */
record MigrationFile(Path path, Location location, Optional<MigrationName> name) {

    enum Location {
        /** db/migration: schema changes only. */
        SCHEMA,
        /** db/data: data changes are its purpose. */
        DATA,
        /** db/undo: reverses the version of the same number. */
        UNDO
    }

    String fileName() {
        return path.getFileName().toString();
    }

    boolean isUndo() {
        return location == Location.UNDO;
    }
}
