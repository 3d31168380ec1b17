package dev.cairn.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * One cache entry: a stopped PostgreSQL data directory migrated through {@code applied}.
 *
 * @param directory the entry (holds {@code data/}, the description and the completion marker)
 * @param applied   the migrations its database holds, in order
 * @param bytes     size of the data directory when it was stored
 */
public record Snapshot(Path directory, List<MigrationChain.Step> applied, long bytes) {

    public Snapshot {
        applied = List.copyOf(applied);
    }

    /** "@V59". */
    public String label() {
        return "@V" + (applied.isEmpty() ? "0" : applied.getLast().version());
    }

    public Path data() {
        return directory.resolve("data");
    }
}
