package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.lint.LintFailedException;
import dev.cairn.lint.LintReport;
import dev.cairn.lint.Linter;
import dev.cairn.lock.MigrationLockException;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.undo.RoundTripVerifier;
import dev.cairn.undo.UndoScripts;
import dev.cairn.undo.VerifyUndoReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The build's goals over one {@link CairnSettings}: what the Maven plugin's mojos and this
 * repository's own build run (Flyway's model: small commands over a shared configuration). Each
 * returns an exit code of the CLI's kind; the caller turns a non-zero one into its own failure.
 */
public final class Goals {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int FINDINGS = 2;

    private Goals() {
    }

    /** Lock, lint, migrate a throwaway PostgreSQL and generate (or, in check mode, compare). */
    public static int generate(CairnSettings settings, Map<String, String> environment, Consumer<String> out,
                               Consumer<String> err) throws Exception {
        PipelineOptions options = settings.pipelineOptions(environment);
        DatabaseProvider provider = settings.databaseChoice(environment).provider(out);
        try {
            PipelineResult result = new Pipeline(provider, out).run(options);
            if (!result.ok()) {
                err.accept("error: " + String.join("\n", result.findings()));
                return FINDINGS;
            }
            return OK;
        } catch (MigrationLockException | LintFailedException e) {
            err.accept("error: " + e.getMessage());
            return FINDINGS;
        }
    }

    /** The migration files' static checks, without a database. */
    public static int lint(CairnSettings settings, Consumer<String> out) throws Exception {
        LintReport report = Linter.lint(settings.migrationDirs(), settings.lint());
        String text = report.format(settings.baseDir());
        if (!text.isBlank()) text.lines().forEach(out);
        return report.hasErrors() ? FINDINGS : OK;
    }

    /** Every undo script, proved on a throwaway PostgreSQL (upgrade, downgrade, upgrade). */
    public static int verifyUndo(CairnSettings settings, Consumer<String> out) throws Exception {
        for (Path d : settings.migrationDirs()) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("Migration directory " + d + " does not exist. Check locations.");
            }
        }
        Path undo = settings.undoDirectory();
        if (!Files.isDirectory(undo)) {
            throw new IllegalArgumentException("Undo directory " + undo + " does not exist. Check undoLocation.");
        }
        DatabaseChoice choice = settings.databaseChoice(System.getenv());
        if (choice.kind() == DatabaseKind.OFFLINE) {
            throw new IllegalArgumentException("verify-undo needs a real PostgreSQL; database=offline has none (use auto or embedded).");
        }
        VerifyUndoReport report = new RoundTripVerifier(choice.provider(out), out)
                .verify(settings.flyway(), UndoScripts.in(undo));
        return report.clean(settings.flag(Setting.REQUIRE_ALL_UNDO)) ? OK : FINDINGS;
    }
}
