package dev.cairn.undo;

import org.flywaydb.core.api.MigrationVersion;

/** How far back to go: to an applied version (kept), or a number of the latest applied versions. */
public sealed interface UndoTarget {

    /** {@code version} stays applied; everything above it is undone. Version 0 means "undo everything". */
    record ToVersion(MigrationVersion version) implements UndoTarget {
    }

    record Steps(int count) implements UndoTarget {
        public Steps {
            if (count < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + count);
        }
    }
}
