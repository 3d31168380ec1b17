package dev.cairn.cli;

import dev.cairn.json.JsonWriter;

import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that the database's migration history matches the migration files.",
                "Reports changed checksums, files missing for applied versions and failed migrations. Pending "
                        + "migrations are fine unless --fail-on-pending. Changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:valid", " 1:failure (unreachable, login refused, ...)",
                " 2:findings (the database and the migration files disagree)", "64:usage error"})
final class ValidateCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    boolean json;

    @Option(names = "--fail-on-pending", description = "Also report migrations not yet applied.")
    boolean failOnPending;

    @Override
    int run(Run run) {
        run.flyway().ignoreMigrationPatterns(failOnPending ? new String[] {"*:future"} : new String[] {"*:future", "*:pending"});
        ValidateResult result = run.flyway().load().validateWithResult();
        List<ValidateOutput> invalid = result.invalidMigrations == null ? List.of() : result.invalidMigrations;
        String summary = result.errorDetails != null && invalid.isEmpty() ? result.errorDetails.errorMessage : null;

        if (json) {
            JsonWriter w = new JsonWriter().beginObject()
                    .field("database", run.settings().display())
                    .field("valid", result.validationSuccessful)
                    .field("validatedMigrations", result.validateCount)
                    .name("errors").beginArray();
            for (ValidateOutput o : invalid) {
                w.beginObject().field("version", o.version).field("description", o.description)
                        .field("file", o.filepath)
                        .field("message", o.errorDetails != null ? o.errorDetails.errorMessage : null).endObject();
            }
            if (summary != null) w.beginObject().field("message", summary).endObject();
            run.out().println(w.endArray().endObject());
            return result.validationSuccessful ? Cairn.OK : Cairn.FINDINGS;
        }

        Colors c = run.colors();
        if (result.validationSuccessful) {
            run.out().println(c.green("Valid:") + " " + result.validateCount + " migrations agree with "
                    + run.settings().display() + ".");
            return Cairn.OK;
        }
        run.out().println(c.red("Invalid:") + " the migration files and " + run.settings().display() + " disagree.");
        if (!invalid.isEmpty()) {
            TextTable table = TextTable.of("Version", "Description", "Problem");
            for (ValidateOutput o : invalid) {
                table.row(o.version, o.description, o.errorDetails != null ? oneLine(o.errorDetails.errorMessage) : "");
            }
            table.lines(c::bold).forEach(run.out()::println);
        }
        if (summary != null) run.out().println(oneLine(summary));
        run.out().println("Restore the released files (write a new migration for new changes); if a changed file is"
                + " intended, `repair` records its new checksum. A failed migration: fix it, then `repair`.");
        return Cairn.FINDINGS;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
