package dev.cairn.undo;

import dev.cairn.migrate.MigrationLocations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small migration chain with undo scripts in a temporary directory, written by a test. */
final class MigrationSet {

    final Path migrations;
    final Path undo;

    MigrationSet(Path root) {
        this.migrations = root.resolve("migration");
        this.undo = root.resolve("undo");
        try {
            Files.createDirectories(migrations);
            Files.createDirectories(undo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationSet v(int version, String description, String sql) {
        return write(migrations.resolve("V" + version + "__" + description + ".sql"), sql);
    }

    MigrationSet u(int version, String description, String sql) {
        return write(undo.resolve("U" + version + "__" + description + ".sql"), sql);
    }

    MigrationLocations locations() {
        return MigrationLocations.directories(List.of(migrations));
    }

    UndoScripts undoScripts() {
        return UndoScripts.in(undo);
    }

    private MigrationSet write(Path file, String sql) {
        try {
            Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
