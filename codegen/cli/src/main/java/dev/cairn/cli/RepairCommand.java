package dev.cairn.cli;

import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair the migration history (flyway_schema_history).",
                "Removes entries of failed migrations, realigns checksums and descriptions with the files, and "
                        + "marks applied migrations whose files are gone as deleted. Changes no table but the history: fix "
                        + "the schema itself first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:repaired (or nothing to repair)", " 1:failure (unreachable, login refused, ...)", "64:usage error"})
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(Run run) {
        RepairResult result = run.flyway().load().repair();
        TextTable table = TextTable.of("Action", "Version", "Description");
        add(table, "removed failed entry", result.migrationsRemoved);
        add(table, "realigned checksum", result.migrationsAligned);
        add(table, "marked deleted", result.migrationsDeleted);
        if (table.isEmpty()) {
            run.out().println("Nothing to repair: the history of " + run.settings().display() + " matches the files.");
        } else {
            run.out().println(run.colors().green("Repaired") + " the history of " + run.settings().display() + ":");
            table.lines(run.colors()::bold).forEach(run.out()::println);
        }
        return Cairn.OK;
    }

    private static void add(TextTable table, String action, List<RepairOutput> outputs) {
        if (outputs == null) return;
        for (RepairOutput o : outputs) table.row(action, o.version, o.description);
    }
}
