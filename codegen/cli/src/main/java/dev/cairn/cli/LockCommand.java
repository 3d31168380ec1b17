package dev.cairn.cli;

import dev.cairn.build.Goals;
import dev.cairn.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Add new migrations to migrations.lock (version, file, sha256; never changes locked lines).",
                "Fails naming the file when a locked migration was edited, renamed or deleted, or two share a version.",
                "Undo scripts (db/undo) are not locked."})
final class LockCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;


    @Option(names = "--lock-file", paramLabel = "FILE",
            description = "Migration lock (default: migrations.lock beside the first migration directory).")
    Path lockFile;

    @Option(names = "--verify", description = "Check only: also fail (exit 2) on migrations not in the lock yet; never write.")
    boolean verify;

    @Option(names = "--unlock", split = ",", paramLabel = "VERSION",
            description = "Take these versions back out of the lock: migrations a local run locked that are still your own"
                    + " work (the next generate lints, observes and locks them anew). In git, what HEAD's lock holds has"
                    + " shipped and stays (Maven: mvn cairn:lock -Dcairn.unlock=VERSION).")
    java.util.List<String> unlock = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        if (lockFile != null) m.put(Setting.LOCK_FILE, lockFile.toString());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Goals.lock(project.settings(m), verify, unlock, out::println, err::println);
    }
}
