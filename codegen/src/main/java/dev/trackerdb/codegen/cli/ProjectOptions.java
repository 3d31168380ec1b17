package dev.trackerdb.codegen.cli;

import dev.trackerdb.codegen.migrate.MigrationLocations;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** --project-dir and --migrations, for every command that reads the migration files from disk. */
final class ProjectOptions {

    @Option(names = "--project-dir", defaultValue = ".", paramLabel = "DIR",
            description = "Project root (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Option(names = "--migrations", split = ",", paramLabel = "DIR",
            description = "Migration directories, merged by version (default: schema/src/main/resources/db/{migration,data}).")
    List<Path> migrations;

    Path root() {
        return projectDir.toAbsolutePath().normalize();
    }

    /** The given directories (relative to the project root), else the project's schema directories. */
    List<Path> migrationDirs() {
        Path root = root();
        return migrations != null
                ? migrations.stream().map(root::resolve).map(Path::normalize).toList()
                : MigrationLocations.schemaDirectories(root);
    }
}
