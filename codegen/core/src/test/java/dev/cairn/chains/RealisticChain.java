package dev.cairn.chains;

import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** chains/realistic from the test resources, copied so a test may write beside it (lock, new files). */
public record RealisticChain(Path root) {

    public static RealisticChain copyTo(Path dir) throws IOException {
        Path source;
        try {
            source = Path.of(RealisticChain.class.getResource("/chains/realistic").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = dir.resolve("realistic");
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(p -> {
                try {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new RealisticChain(target);
    }

    /** The two Flyway locations: db/migration (schema) and db/tenant (per-tenant tables). */
    public List<Path> locations() {
        return List.of(root.resolve("db/migration"), root.resolve("db/tenant"));
    }

    /** The settings the chain needs (README.md beside it lists them). */
    public FlywaySettings flyway() {
        return new FlywaySettings(MigrationLocations.directories(locations()), List.of("app", "audit"),
                Map.of("tenant", "acme", "app_owner", "tracker_app", "retention_days", "90"), "schema_version", true);
    }
}
