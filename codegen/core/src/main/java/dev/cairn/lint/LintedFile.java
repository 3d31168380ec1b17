package dev.cairn.lint;

import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationName;

import java.nio.file.Path;
import java.util.Optional;

/** A scanned SQL file and the role of the folder it was found in. */
record LintedFile(MigrationFile file, FolderRole role) {

    Path path() {
        return file.path();
    }

    String fileName() {
        return file.fileName();
    }

    Optional<MigrationName> name() {
        return Optional.ofNullable(file.name());
    }

    boolean isUndo() {
        return role == FolderRole.UNDO;
    }

    boolean is(MigrationName.Kind kind) {
        return file.is(kind);
    }
}
