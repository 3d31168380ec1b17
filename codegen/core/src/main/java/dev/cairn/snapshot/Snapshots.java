package dev.cairn.snapshot;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ServerSecret;
import dev.cairn.freshness.ToolVersions;
import dev.cairn.migrate.FlywaySettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Where a run's database comes from once snapshots are on: the one decision, for the pipeline. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * The embedded provider wrapped so it starts from the best snapshot ({@code reuse}) and keeps
     * its migrated database as a new one; any other provider, or a disabled cache, unchanged.
     *
     * @param files every file of the migration folders (versioned ones make the chain; repeatables
     *              and callbacks limit reuse and are part of the environment)
     */
    public static DatabaseProvider provider(DatabaseProvider provider, SnapshotCache cache, FlywaySettings flyway,
                                            List<MigrationChain.File> files, boolean reuse, Consumer<String> warn) {
        return provider(provider, cache, flyway, files, reuse, warn, null);
    }

    /** The same, in a loop of runs whose servers are started ahead ({@code warm}, may be null). */
    public static DatabaseProvider provider(DatabaseProvider provider, SnapshotCache cache, FlywaySettings flyway,
                                            List<MigrationChain.File> files, boolean reuse, Consumer<String> warn,
                                            WarmStart warm) {
        if (cache == null || !cache.enabled()) return provider;
        MigrationChain chain = MigrationChain.of(files);
        SnapshotEnvironment env = environment(flyway, files);
        // Decided when the database starts, on its own thread: auto's Docker probe stays off the critical path.
        return () -> provider.isEmbedded()
                ? new SnapshotProvider(provider, cache, env, chain, flyway, reuse, warn, warm).start()
                : provider.start();
    }

    static SnapshotEnvironment environment(FlywaySettings flyway, List<MigrationChain.File> files) {
        ToolVersions tools = ToolVersions.current();
        Map<String, String> in = new TreeMap<>();
        // How a snapshot is made and kept (its history compacted, ...) is cairn's code: another build, other snapshots.
        in.put("cairn build", dev.cairn.files.CacheKey.buildId());
        in.put("postgres-binaries", tools.postgresBinaries());
        in.put("flyway", tools.flyway());
        in.put("user", System.getProperty("user.name"));
        in.put("server secret", serverSecretId()); // a snapshot holds the verifier of one secret only
        in.put("flyway locations", String.join(",", flyway.locations().flywayLocations()));
        in.put("flyway schemas", String.join(",", flyway.schemas()));
        in.put("flyway placeholders", flyway.placeholders().toString());
        in.put("flyway table", flyway.table());
        in.put("flyway outOfOrder", Boolean.toString(flyway.outOfOrder()));
        // Repeatables and callbacks (init scripts): any change makes another environment.
        for (MigrationChain.File f : files) {
            if (f.version() == null && f.fileName().endsWith(".sql")) in.put("script " + f.fileName(), f.sha256());
        }
        return SnapshotEnvironment.of(in);
    }

    private static String serverSecretId() {
        try {
            return ServerSecret.id();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The cache a setting names, or the default one. */
    public static SnapshotCache cache(String directory, String size, Path baseDir, Map<String, String> environment) {
        Path dir = directory == null || directory.isBlank() ? SnapshotCache.defaultDirectory(environment)
                : baseDir.resolve(directory).normalize();
        return new SnapshotCache(dir, SnapshotCache.parseSize(size));
    }
}
