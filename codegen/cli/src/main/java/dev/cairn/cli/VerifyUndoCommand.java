package dev.cairn.cli;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.undo.RoundTripVerifier;
import dev.cairn.undo.UndoScripts;
import dev.cairn.undo.VerifyUndoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify-undo", mixinStandardHelpOptions = true,
        description = {"Prove every undo script on a throwaway PostgreSQL: for each version n, migrate to n, apply U<n>, require the catalog of n-1, then migrate n again (upgrade, downgrade, upgrade).",
                "Exit code 0: all pass, 2: an undo is wrong (or missing, with --require-all), 1: it cannot run."})
final class VerifyUndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;


    @Option(names = "--undo-dir", paramLabel = "DIR", description = "Undo scripts (default: schema/src/main/resources/db/undo).")
    Path undoDir;

    @Option(names = "--require-all", description = "A version without an undo script is a finding (exit 2), not only a note.")
    boolean requireAll;

    @Override
    public Integer call() throws Exception {
        Path root = project.root();
        List<Path> dirs = project.migrationDirs();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("Migration directory " + d + " does not exist. Check --project-dir / --migrations.");
            }
        }
        Path undo = undoDir != null ? root.resolve(undoDir) : UndoScripts.directoryOf(root);
        if (!Files.isDirectory(undo)) {
            throw new IllegalArgumentException("Undo directory " + undo + " does not exist. Check --project-dir / --undo-dir.");
        }
        VerifyUndoReport report = new RoundTripVerifier(DatabaseProvider.embedded(), spec.commandLine().getOut()::println)
                .verify(project.settings().flyway(), UndoScripts.in(undo));
        return report.clean(requireAll) ? Cairn.OK : Cairn.FINDINGS;
    }
}
