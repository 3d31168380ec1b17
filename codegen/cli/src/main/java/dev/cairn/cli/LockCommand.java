package dev.cairn.cli;

import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;

import dev.cairn.lock.MigrationLockException;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        Path root = project.root();
        List<Path> dirs = project.migrationDirs();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) throw new IllegalArgumentException("Migration directory " + d + " does not exist.");
        }
        Path lock = lockFile != null ? root.resolve(lockFile) : PipelineOptions.defaultLockFile(dirs);
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<MigrationFile> files = MigrationFiles.scan(dirs, lock.getParent()).migrations();
            MigrationLocker.Outcome o = MigrationLocker.enforce(lock, files,
                    verify ? MigrationLocker.Mode.VERIFY : MigrationLocker.Mode.RELOCK);
            if (o.created()) {
                out.println("created " + lock + " with " + o.locked() + " migrations");
            } else {
                for (MigrationFile f : o.appended()) out.println("locked  " + f.label());
                out.println(o.locked() + " migrations locked in " + lock + (o.appended().isEmpty() ? ", all match" : ""));
            }
            return Cairn.OK;
        } catch (MigrationLockException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cairn.FINDINGS;
        }
    }
}
