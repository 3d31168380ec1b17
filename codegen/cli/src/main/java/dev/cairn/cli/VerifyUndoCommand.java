package dev.cairn.cli;

import dev.cairn.build.Goals;
import dev.cairn.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify-undo", mixinStandardHelpOptions = true,
        description = {"Prove every undo script on a throwaway PostgreSQL: for each version n, migrate to n, apply U<n>, require the catalog of n-1, then migrate n again (upgrade, downgrade, upgrade).",
                "Exit code 0: all pass, 2: an undo is wrong (or missing, with --require-all), 1: it cannot run."})
final class VerifyUndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;


    @Mixin
    DatabaseOptions database;

    @Option(names = {"--require-all-undo", "--require-all"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "A version without an undo script is a finding (exit 2), not only a note.")
    String requireAllUndo;

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.putAll(database.explicit());
        if (requireAllUndo != null) m.put(Setting.REQUIRE_ALL_UNDO, requireAllUndo);
        return Goals.verifyUndo(project.settings(m), spec.commandLine().getOut()::println);
    }
}
