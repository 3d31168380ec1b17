package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.lint.LintFailedException;
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

    /** Every undo script, proved on a throwaway PostgreSQL (upgrade, downgrade, upgrade). */
    public static int verifyUndo(CairnSettings settings, Consumer<String> out, boolean requireAll) throws Exception {
        for (Path d : settings.migrationDirs()) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("Migration directory " + d + " does not exist. Check locations.");
            }
        }
        Path undo = settings.undoDirectory();
        if (!Files.isDirectory(undo)) {
            throw new IllegalArgumentException("Undo directory " + undo + " does not exist. Check undoLocation.");
        }
        VerifyUndoReport report = new RoundTripVerifier(DatabaseProvider.embedded(), out)
                .verify(settings.flyway(), UndoScripts.in(undo));
        return report.clean(requireAll) ? OK : FINDINGS;
    }
}
