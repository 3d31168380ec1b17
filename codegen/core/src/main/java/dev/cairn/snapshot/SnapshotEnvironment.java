package dev.cairn.snapshot;

import dev.cairn.files.Sha256;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything besides the migrations that changes what a migrated database holds: the PostgreSQL
 * binaries, Flyway's version and settings (placeholders, schemas, locations, history table,
 * out-of-order), repeatable and callback scripts, the user the server runs as. Snapshots of one
 * environment are never used for another.
 *
 * @param inputs name to value, sorted so the id does not depend on insertion order
 */
public record SnapshotEnvironment(SortedMap<String, String> inputs) {

    public SnapshotEnvironment {
        inputs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    }

    public static SnapshotEnvironment of(Map<String, String> inputs) {
        return new SnapshotEnvironment(new TreeMap<>(inputs));
    }

    /** The environment's directory name in the cache. */
    public String id() {
        StringBuilder b = new StringBuilder();
        inputs.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return Sha256.of(b.toString()).substring(0, 16);
    }
}
