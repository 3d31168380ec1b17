package dev.cairn.cli;

import dev.cairn.json.JsonWriter;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show the schema version, applied and pending migrations.",
                "For each applied migration: when it was installed and how long it took. Changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 1:failure (unreachable, login refused, ...)", "64:usage error"})
final class InfoCommand extends DatabaseCommand {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    @Override
    int run(Run run) throws java.sql.SQLException {
        MigrationInfoService info = run.flyway().load().info();
        MigrationInfo[] all = info.all();
        MigrationInfo current = info.current();
        long applied = Arrays.stream(all).filter(i -> i.getState().isApplied()).count();
        // Ignored: below the current version and not applied (not out of order). Still work to do, so pending.
        long ignored = Arrays.stream(all).filter(i -> i.getState() == MigrationState.IGNORED).count();
        long pending = info.pending().length + ignored;
        List<String> invalid = invalidIndexes(run);
        String version = current != null && current.getVersion() != null ? current.getVersion().getVersion() : null;

        if (json) {
            JsonWriter w = new JsonWriter().beginObject()
                    .field("database", run.settings().display())
                    .field("schemaVersion", version)
                    .field("applied", applied)
                    .field("pending", pending)
                    .field("ignored", ignored)
                    .name("invalidIndexes").beginArray();
            for (String i : invalid) w.value(i);
            w.endArray().name("migrations").beginArray();
            for (MigrationInfo i : all) {
                w.beginObject()
                        .field("version", i.getVersion() != null ? i.getVersion().getVersion() : null)
                        .field("description", i.getDescription())
                        .field("type", i.getType().name())
                        .field("script", i.getScript())
                        .field("state", i.getState().getDisplayName())
                        .field("installedOn", i.getInstalledOn() != null ? i.getInstalledOn().toInstant().toString() : null)
                        .field("executionTimeMs", i.getExecutionTime())
                        .endObject();
            }
            run.out().println(w.endArray().endObject());
            return Cairn.OK;
        }

        Colors c = run.colors();
        run.out().println("Database        " + run.settings().display());
        run.out().println("Schema version  " + (version != null ? c.bold(version) : "(empty: no migration applied)")
                + (current != null && current.getState().isFailed()
                        ? "  " + c.red("(failed: undo what it did, then `repair` and `migrate`)") : ""));
        run.out().println("Migrations      " + applied + " applied, " + pending + " pending"
                + (ignored > 0 ? " (" + ignored + " below the current version: `migrate --out-of-order` applies them)" : "")
                + "   ("
                + String.join(", ", run.locations().flywayLocations()) + ")");
        for (String i : invalid) run.out().println("Invalid index   " + c.red(i));
        run.out().println();
        TextTable table = TextTable.of("Version", "Description", "Type", "Installed on", "Time>", "State");
        for (MigrationInfo i : all) {
            table.row(Arrays.asList(
                    i.getVersion() != null ? i.getVersion().getVersion() : "",
                    i.getDescription(),
                    i.getType().name(),
                    i.getInstalledOn() != null ? LOCAL_TIME.format(i.getInstalledOn().toInstant()) : "",
                    i.getExecutionTime() != null ? i.getExecutionTime() + " ms" : "",
                    i.getState().getDisplayName()), 5, stateColor(c, i.getState()));
        }
        if (table.isEmpty()) run.out().println("No migrations found.");
        else table.lines(c::bold).forEach(run.out()::println);
        return Cairn.OK;
    }

    private static UnaryOperator<String> stateColor(Colors c, MigrationState state) {
        if (state.isFailed()) return c::red;
        if (state == MigrationState.PENDING) return c::yellow;
        if (state == MigrationState.SUCCESS || state == MigrationState.BASELINE) return c::green;
        return c::dim;
    }
}
