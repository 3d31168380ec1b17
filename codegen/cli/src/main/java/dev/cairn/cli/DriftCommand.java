package dev.cairn.cli;

import dev.cairn.build.ErrorText;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.drift.DriftCheck;
import dev.cairn.drift.DriftJson;
import dev.cairn.drift.DriftReport;
import dev.cairn.drift.DriftText;
import dev.cairn.drift.LiveDatabase;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.signal.Interruption;
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
    MigrationSourceOptions source;


    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConnectionSettings settings;
        try {
            settings = connection.settings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cairn.USAGE;
        }
        String problem = source.usageProblem();
        if (problem != null) {
            spec.commandLine().getErr().println("error: " + problem);
            return Cairn.USAGE;
        }
        MigrationLocations locations;
        try {
            // An empty or missing set would make every table look like drift to drop.
            locations = source.locations();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cairn.FAILURE;
        }
        FlywaySettings flyway = source.project.settings().flyway();
        DatabaseCommand.stopOnInterruption(settings, flyway);
        try {
            DriftReport report = new DriftCheck(DatabaseProvider.embedded(),
                    flyway.withLocations(locations), flyway.schemas().getFirst()).run(settings);
            if (json) DriftJson.write(report, spec.commandLine().getOut());
            else DriftText.write(report, spec.commandLine().getOut());
            return report.differences() == 0 ? Cairn.OK : Cairn.FINDINGS;
        } catch (LiveDatabase.ConnectionFailedException e) {
            Interruption.parkIfRequested();
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cairn.FAILURE;
        } catch (Exception e) {
            Interruption.parkIfRequested(); // cancelled by the stop, which reports the state itself
            spec.commandLine().getErr().println("error: " + settings.redact(ErrorText.of(e)));
            if (Boolean.getBoolean("cairn.stacktrace")) e.printStackTrace(spec.commandLine().getErr());
            return Cairn.FAILURE;
        }
    }
}
