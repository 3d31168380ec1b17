package dev.trackerdb.codegen.pipeline;

import dev.trackerdb.codegen.generate.CodegenSettings;
import dev.trackerdb.codegen.migrate.MigrationLocations;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one pipeline run needs. The CLI's options and Maven's configuration both end up here.
 *
 * @param migrationDirs   directories holding the Flyway migrations (merged by version)
 * @param outputDirectory the committed generated-source root, e.g. generated/src/main/java
 * @param codegen         what jOOQ generates
 */
public record PipelineOptions(List<Path> migrationDirs, Path outputDirectory, CodegenSettings codegen) {

    public PipelineOptions {
        migrationDirs = List.copyOf(migrationDirs);
    }

    /** The standard layout under a project root. */
    public static PipelineOptions forProject(Path projectDir) {
        return new PipelineOptions(MigrationLocations.schemaDirectories(projectDir),
                projectDir.resolve("generated/src/main/java"), CodegenSettings.defaults());
    }

    public MigrationLocations locations() {
        return MigrationLocations.directories(migrationDirs);
    }
}
