package dev.cairn.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the migrations are: directories on disk (the schema module's sources during the build)
 * or classpath locations (the packaged schema jar in an application). Flyway merges them all by
 * version, which is how data migrations live in a folder of their own yet run in sequence.
 */
public record MigrationLocations(List<String> flywayLocations) {

    public MigrationLocations {
        flywayLocations = List.copyOf(flywayLocations);
        if (flywayLocations.isEmpty()) throw new IllegalArgumentException("No migration locations given");
    }

    public static MigrationLocations directories(List<Path> dirs) {
        return new MigrationLocations(dirs.stream().map(d -> "filesystem:" + d.toAbsolutePath().normalize()).toList());
    }

    /** The schema module's layout under a project root: db/migration (schema) and db/data (data). */
    public static MigrationLocations ofProject(Path projectDir) {
        return directories(schemaDirectories(projectDir));
    }

    public static List<Path> schemaDirectories(Path projectDir) {
        Path resources = projectDir.resolve("schema/src/main/resources/db");
        return List.of(resources.resolve("migration"), resources.resolve("data"));
    }

    /** The same layout inside the packaged schema jar. */
    public static MigrationLocations classpath() {
        return new MigrationLocations(List.of("classpath:db/migration", "classpath:db/data"));
    }
}
