package dev.cairn.cli;

import dev.cairn.migrate.KnownVersions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;

// No standard --version here: --version is the baseline version (Flyway's word); -h/--help still work.
@Command(name = "baseline", mixinStandardHelpOptions = false,
        description = {"Adopt an existing database that already matches migration VERSION.",
                "Records VERSION as the baseline in flyway_schema_history without running anything; a later "
                        + "`migrate` applies only the migrations after VERSION. This is how a database created before "
                        + "these migrations (the tracker's production) is taken over."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:baselined", " 1:failure (unknown VERSION, the database already has a migration history, ...)",
                "64:usage error"})
final class BaselineCommand extends DatabaseCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", required = true, paramLabel = "VERSION",
            description = "The migration the database already matches (must be one of the migrations).")
    String version;

    @Option(names = "--description", defaultValue = "baseline", description = "Description of the baseline entry (default: ${DEFAULT-VALUE}).")
    String description;

    @Override
    int run(Run run) {
        MigrationVersion v = KnownVersions.require(run.flyway().load(), version, "--version");
        Flyway flyway = run.flyway().baselineVersion(v).baselineDescription(description).load();
        flyway.baseline();
        List<String> next = Arrays.stream(flyway.info().pending()).map(MigrationProgress::label).toList();
        run.out().println(run.colors().green("Baselined") + " " + run.settings().display() + " at version "
                + v.getVersion() + " (\"" + description + "\"): migrations up to " + v.getVersion() + " count as applied.");
        run.out().println(next.isEmpty() ? "Nothing pending after it."
                : "`migrate` will apply " + next.size() + " later migration" + (next.size() == 1 ? "" : "s") + ": "
                  + (next.size() <= 8 ? String.join(", ", next) : next.get(0) + " ... " + next.get(next.size() - 1)) + ".");
        return Cairn.OK;
    }
}
