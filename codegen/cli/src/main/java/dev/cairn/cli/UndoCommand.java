package dev.cairn.cli;

import dev.cairn.config.CairnSettings;
import dev.cairn.connect.ConnectionSettings;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.signal.Interruption;
import dev.cairn.undo.DataLoss;
import dev.cairn.migrate.FlywayHistory;
import dev.cairn.undo.FlywaySearchPath;
import dev.cairn.undo.UndoFailedException;
import dev.cairn.undo.UndoPlan;
import dev.cairn.undo.UndoRefusedException;
import dev.cairn.undo.UndoRunner;
import dev.cairn.undo.UndoScriptParser;
import dev.cairn.undo.UndoScripts;
import dev.cairn.undo.UndoTarget;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Undo the newest migrations of a real database with their U<n> scripts, newest first, and delete their rows from Flyway's history, so a later migrate applies them again.",
                "Each step (undo + history row) is one transaction; a CONCURRENTLY step runs outside one.",
                "Refuses, changing nothing, when an undo script is missing, the target is not applied, or the history has failed entries.",
                "Before anything is changed the undo is rehearsed (rolled back), comparing the row count of every table and"
                        + " the values of the columns it drops before and after; any loss refuses it unless --allow-data-loss"
                        + " is given (--dry-run lists them too).",
                "Exit code 0: done, 1: refused or failed, 2: it would destroy data and --allow-data-loss was not given."})
final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to", paramLabel = "VERSION", description = "Undo every applied version above this one (0: all).")
        String to;

        @Option(names = "--steps", paramLabel = "N", description = "Undo the N newest applied versions.")
        Integer steps;
    }

    @Option(names = "--dry-run", description = "Print what would be undone; change nothing.")
    boolean dryRun;

    @Option(names = "--allow-data-loss", description = "Undo even when it removes rows (drop, truncate, delete, cascade) or drops columns that hold values.")
    boolean allowDataLoss;

    @Option(names = "--project-dir", defaultValue = ".", description = "Project root (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Option(names = {"--undo-location", "--undo-dir"}, paramLabel = "DIR",
            description = "Undo scripts (default: the undoLocation setting, else src/main/resources/db/undo).")
    Path undoDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSettings settings;
        UndoTarget wanted;
        try {
            settings = connection.settings();
            wanted = target.steps != null ? new UndoTarget.Steps(target.steps)
                    : new UndoTarget.ToVersion(MigrationVersion.fromVersion(target.to));
        } catch (IllegalArgumentException | org.flywaydb.core.api.FlywayException e) {
            err.println("error: " + e.getMessage());
            return Cairn.USAGE;
        }
        Path root = projectDir.toAbsolutePath().normalize();
        // The project's settings (cairn.properties, -Dcairn.*, CAIRN_*): undo scripts, history table, schema, placeholders.
        CairnSettings project = CairnSettings.resolve(root, Map.of(), CairnSettings.systemProperties(), System.getenv());
        UndoScripts scripts = UndoScripts.in(undoDir != null ? root.resolve(undoDir) : project.undoDirectory());
        FlywaySettings flyway = project.flyway();
        DatabaseCommand.stopOnInterruption(settings, flyway);

        try (Connection c = connect(settings)) {
            FlywaySearchPath.apply(c, flyway.schemas().getFirst());
            Optional<FlywayHistory> history = FlywayHistory.read(c, flyway.schemas().getFirst(), flyway.table());
            if (history.isEmpty()) {
                err.println("error: " + settings.display() + " has no " + flyway.table()
                        + " table in schema " + flyway.schemas().getFirst() + ": nothing was migrated there, so there is nothing to undo.");
                return Cairn.FAILURE;
            }
            UndoPlan plan = UndoPlan.of(history.get(), scripts, wanted, new UndoScriptParser(flyway.placeholders()));
            UndoRunner runner = new UndoRunner(out::println, flyway.table());
            DataLoss loss = DataLoss.of(c, plan);
            if (dryRun) runner.describe(plan);
            if (!loss.isEmpty()) {
                out.println((dryRun ? "It would destroy" : "This undo destroys") + " data:");
                loss.losses().forEach(l -> out.println("  " + l));
                if (!allowDataLoss) {
                    out.flush();
                    err.println("refused: undoing to version " + plan.target() + " destroys the data listed above;"
                            + " back it up or move it first, or pass --allow-data-loss. Nothing was changed.");
                    return Cairn.FINDINGS;
                }
            }
            if (!dryRun) {
                out.println("Undoing " + settings.display() + " from version " + plan.current() + " to " + plan.target() + ":");
                runner.run(c, plan);
            }
            return Cairn.OK;
        } catch (UndoRefusedException e) {
            Interruption.parkIfRequested();
            err.println("refused: " + e.getMessage());
            return Cairn.FAILURE;
        } catch (UndoFailedException e) {
            Interruption.parkIfRequested(); // cancelled by the stop, which reports the state itself
            err.println("error: " + settings.redact(e.getMessage()));
            return Cairn.FAILURE;
        }
    }

    private static Connection connect(ConnectionSettings settings) throws SQLException {
        try {
            return settings.connect();
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to " + settings.display() + ": " + settings.redact(e.getMessage()), e);
        }
    }
}
