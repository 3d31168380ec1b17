package dev.cairn.cli;

import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a command finds the migrations: the project's schema directories, given directories, or the class path. */
final class MigrationSourceOptions {

    @Mixin
    ProjectOptions project;

    @Option(names = "--allow-empty-migrations",
            description = "Accept a set of migrations that is empty (a new project). Without it a command that compares"
                    + " a database with the migrations refuses an empty set: a mistyped folder would otherwise look like"
                    + " every table should go.")
    boolean allowEmpty;

    @Option(names = "--classpath",
            description = "Use classpath:db/migration and classpath:db/data: the migrations in the packaged schema jar on the class path.")
    boolean classpath;

    /** Null when the combination is fine, else what is wrong (a usage error). */
    String usageProblem() {
        return project.locationsGiven() && classpath ? "Give either --locations or --classpath, not both." : null;
    }

    /** The project's Flyway settings (schemas, placeholders, table, out-of-order) with these locations. */
    FlywaySettings flyway() {
        return project.settings().flyway().withLocations(locations());
    }

    MigrationLocations locations() {
        if (classpath) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader.getResource("db/migration") == null) {
                throw new IllegalArgumentException("No migrations on the class path (classpath:db/migration is missing)."
                        + " Put the schema jar on the class path, e.g. `java -cp codegen/cli/target/cairn.jar:"
                        + "schema/target/trackerdb-schema.jar dev.cairn.cli.Cairn ...` (./cairn does this).");
            }
            if (loader.getResource("db/data") == null) {
                return new MigrationLocations(List.of("classpath:db/migration"));
            }
            return MigrationLocations.classpath();
        }
        boolean given = project.locationsGiven();
        // The project's data folder is optional; given folders must all exist.
        List<Path> dirs = project.migrationDirs().stream().filter(d -> given || !d.endsWith("data") || Files.isDirectory(d)).toList();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("Migration directory " + d + " does not exist."
                        + (given ? " Check --locations." : " Run from the project root or pass --project-dir / --locations."));
            }
        }
        if (!allowEmpty && dirs.stream().noneMatch(MigrationSourceOptions::holdsSql)) {
            throw new IllegalArgumentException("No migrations in " + dirs.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + ": no .sql file there."
                    + (given ? " Check --locations" : " Run from the project root or pass --project-dir / --locations")
                    + ", or pass --allow-empty-migrations if the project really has none yet. Nothing was done.");
        }
        return MigrationLocations.directories(dirs);
    }

    /**
     * The project's migrations.lock when the migrations are directories and it exists, else null (the
     * class path has no lock, and a project that never locked has nothing to check).
     */
    Path lockFile() {
        if (classpath) return null;
        Path lock = project.settings().pipelineOptions(System.getenv()).lockFile();
        return Files.isRegularFile(lock) ? lock : null;
    }

    private static boolean holdsSql(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the migration directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
