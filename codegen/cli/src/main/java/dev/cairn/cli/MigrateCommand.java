package dev.cairn.cli;

import dev.cairn.migrate.MigrationFiles;
import dev.cairn.build.Goals;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.migrate.KnownVersions;
import dev.cairn.migrate.MigrationFailedException;
import dev.cairn.migrate.Migrator;
import dev.cairn.migrate.SessionTimeouts;
import dev.cairn.signal.Interruption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations to a database, one line per migration with its time.",
                "Each migration commits on its own: when one fails, the ones before it stay applied. Migrations "
                        + "run with lock_timeout and statement_timeout set on their session, so a migration that waits for "
                        + "a table locked by a busy application fails fast instead of blocking it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:applied (or nothing to apply)",
                " 1:failure (unreachable, login refused, unknown --target, a migration failed or hit lock_timeout)",
                " 2:--lint found an error in a new migration (nothing migrated)",
                "64:usage error"})
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "VERSION",
            description = "Migrate up to and including this version (must be one of the migrations). Default: all.")
    String target;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = SessionTimeouts.DEFAULT_LOCK_TIMEOUT,
            description = "PostgreSQL lock_timeout for the migration session, e.g. 500ms, 5s, 1min; 0 = wait forever"
                    + " (default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = SessionTimeouts.DEFAULT_STATEMENT_TIMEOUT,
            description = "PostgreSQL statement_timeout for the migration session; 0 = none (default: none).")
    String statementTimeout;

    @Option(names = "--lint", description = "Lint the migrations first, with the project's rule severities: an error in a new"
            + " (not yet locked) migration refuses the migrate (exit 2). Released migrations are not judged again.")
    boolean lint;

    private SessionTimeouts timeouts;

    @Override
    String usageProblem() {
        try {
            timeouts = new SessionTimeouts(lockTimeout, statementTimeout);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    int run(Run run) throws Exception {
        // A locked migration edited, renamed or deleted, or one never locked, must not reach a real database.
        java.nio.file.Path lock = source.lockFile();
        if (lock != null) {
            MigrationLocker.enforce(lock, MigrationFiles.scan(source.project.migrationDirs(), lock.getParent()).migrations(),
                    MigrationLocker.Mode.VERIFY);
            run.out().println("Lock check: the migrations match " + lock.getFileName() + ".");
        }
        if (lint) {
            dev.cairn.config.CairnSettings project = source.project.settings();
            Goals.LintRun linted = Goals.lint(project, project.lint(), false);
            linted.format(project.baseDir()).lines().forEach(run.out()::println);
            if (linted.failed()) {
                run.err().println("error: lint errors in new migrations (listed above); nothing was migrated. Fix them, or"
                        + " acknowledge one with -- lint:ignore <rule-id> reason: <why>.");
                return Cairn.FINDINGS;
            }
        }
        run.flyway().dataSource(timeouts.dataSource(run.settings()));
        if (target != null) {
            KnownVersions.require(run.flyway().load(), target, "--target");
            run.flyway().target(target);
        }
        List<MigrationInfo> pending = Arrays.asList(run.flyway().load().info().pending());
        MigrationProgress progress = new MigrationProgress(run.out(), run.colors(), pending);
        Flyway flyway = run.flyway().callbacks(progress).load();

        run.out().println("Migrating " + run.settings().display() + " (lock_timeout " + timeouts.lockTimeout()
                + ", statement_timeout " + ("0".equals(timeouts.statementTimeout()) ? "none" : timeouts.statementTimeout()) + ")");
        long t0 = System.nanoTime();
        try {
            Migrator.Result result = Migrator.migrate(flyway);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (result.applied() == 0) {
                MigrationInfo current = flyway.info().current();
                run.out().println("Nothing to apply: schema is at version "
                        + orNone(current != null && current.getVersion() != null ? current.getVersion().getVersion() : null) + ".");
            } else {
                run.out().printf("%s %d migration%s in %.2f s; schema is now at version %s.%n",
                        run.colors().green("Applied"), result.applied(), result.applied() == 1 ? "" : "s", seconds,
                        orNone(result.version()));
            }
            for (String advice : invalidIndexes(run)) run.err().println(run.colors().red("warning:") + " " + capitalize(advice));
            return Cairn.OK;
        } catch (MigrationFailedException e) {
            Interruption.parkIfRequested(); // cancelled by the stop, which reports the state itself
            run.out().flush();
            run.err().println(run.colors().red("error:") + " " + run.settings().redact(
                    e.script() == null ? beforeAnyMigration(e) : e.getMessage()));
            run.err().println(afterFailure(run, progress));
            run.err().flush();
            return Cairn.FAILURE;
        }
    }

    /** Flyway refused before running a file: say what to do about the usual reasons. */
    private static String beforeAnyMigration(MigrationFailedException e) {
        String flyway = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage().strip() : e.getMessage();
        if (flyway.contains("no schema history table")) {
            return "The database has tables but no migration history (flyway_schema_history), so these migrations"
                    + " did not create it. If its schema matches migration V, adopt it with `baseline --version V`,"
                    + " then run `migrate` again. Nothing was changed.\n  Flyway: " + flyway;
        }
        java.util.regex.Matcher lower = java.util.regex.Pattern
                .compile("Detected resolved migration not applied to database: ([^.\\s]+(?:\\.[0-9]+)*)").matcher(flyway);
        if (lower.find()) {
            // Flyway's own advice names its options (-outOfOrder=true); ours are spelled differently.
            return "Migration " + lower.group(1) + " is below the database's current version and was never applied,"
                    + " so Flyway refuses to run anything. Apply it where it belongs with `migrate --out-of-order`"
                    + " (if it does not depend on the versions after it), or give it a version above the current one."
                    + " `repair` does not apply migrations. Nothing was changed.";
        }
        if (flyway.contains("Validate failed")) {
            return "The migration history does not match the migration files; nothing was applied."
                    + " `validate` lists the differences; restore the released files, or run `repair` if a change is"
                    + " intended or a failed migration has been cleaned up.\n  Flyway: " + flyway.replace("\n", "\n  ");
        }
        return e.getMessage();
    }

    /** What state the failure left: what this run kept, and whether Flyway recorded a failed entry. */
    private static String afterFailure(Run run, MigrationProgress progress) {
        List<String> kept = progress.applied();
        StringBuilder s = new StringBuilder(kept.isEmpty()
                ? "  No migration of this run was applied."
                : "  Applied by this run before the failure (committed, kept): " + String.join(", ", kept) + ".");
        try {
            MigrationInfo current = run.flyway().callbacks(new org.flywaydb.core.api.callback.Callback[0]).load().info().current();
            if (current != null && current.getState() == MigrationState.FAILED) {
                s.append("\n  Flyway recorded V").append(current.getVersion()).append(" as failed in the history. Undo any of its"
                        + " statements that took effect (and fix the file if it is wrong), run `repair` to remove that"
                        + " entry, then `migrate` again.");
            } else if (current != null) {
                s.append("\n  The schema is at version ").append(current.getVersion()).append('.');
            }
            for (String advice : invalidIndexes(run)) s.append("\n  ").append(capitalize(advice));
        } catch (RuntimeException | java.sql.SQLException ignored) {
            // The report above stands on its own; the database may be gone by now.
        }
        return s.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String orNone(String version) {
        return version == null ? "(none)" : version;
    }
}
