package dev.trackerdb.codegen.cli;

import dev.trackerdb.codegen.connect.ConnectionSettings;
import dev.trackerdb.codegen.database.DatabaseProvider;
import dev.trackerdb.codegen.drift.DriftCheck;
import dev.trackerdb.codegen.drift.DriftJson;
import dev.trackerdb.codegen.drift.DriftReport;
import dev.trackerdb.codegen.drift.DriftText;
import dev.trackerdb.codegen.drift.LiveDatabase;
import dev.trackerdb.codegen.generate.CodegenSettings;
import dev.trackerdb.codegen.migrate.MigrationLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare a real database with what the migrations produce. Read-only: nothing is written there.",
                "Reports Flyway's history (pending, unknown, edited, failed migrations), the schema differences against"
                        + " a throwaway database migrated to the same version, and the DDL that would repair them (printed, never run).",
                "Exit code 0: no drift, 2: drift found, 1: failure."})
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOptions project;


    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConnectionSettings settings;
        try {
            settings = connection.settings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return TrackerDb.USAGE;
        }
        Path root = project.root();
        MigrationLocations locations = MigrationLocations.directories(
                project.migrationDirs());
        try {
            DriftReport report = new DriftCheck(DatabaseProvider.embedded(), locations, CodegenSettings.defaults().inputSchema()).run(settings);
            if (json) DriftJson.write(report, spec.commandLine().getOut());
            else DriftText.write(report, spec.commandLine().getOut());
            return report.differences() == 0 ? TrackerDb.OK : TrackerDb.FINDINGS;
        } catch (LiveDatabase.ConnectionFailedException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return TrackerDb.FAILURE;
        } catch (Exception e) {
            spec.commandLine().getErr().println("error: " + settings.redact(ErrorText.of(e)));
            if (Boolean.getBoolean("trackerdb.stacktrace")) e.printStackTrace(spec.commandLine().getErr());
            return TrackerDb.FAILURE;
        }
    }
}
