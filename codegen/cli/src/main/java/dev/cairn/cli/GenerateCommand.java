package dev.cairn.cli;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Start a throwaway PostgreSQL, apply every migration, generate the jOOQ classes.",
                "Checks migrations.lock first; skips the database when codegen.fingerprint says nothing changed.",
                "The generated directory is replaced only after a successful run.",
                "With --check (or env CI=true) nothing is written: generated/ is compared with a fresh run."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ProjectOptions project;


    @Option(names = {"--output-directory", "--output"}, paramLabel = "DIR",
            description = "Generated source root (default: cairn.properties, else target/generated-sources/jooq).")
    String outputDirectory;

    @Option(names = {"--package-name", "--package"}, paramLabel = "PACKAGE",
            description = "Package of the generated classes (default: cairn.properties, else org.jooq.generated).")
    String packageName;

    @Option(names = "--generator-config", paramLabel = "FILE",
            description = "A jOOQ codegen XML file (<configuration> or <generator>): strategy, forced types, POJOs, Kotlin ...")
    String generatorConfig;

    @Option(names = "--lock-file", paramLabel = "FILE",
            description = "Migration lock (default: migrations.lock beside the first migration directory).")
    String lockFile;

    @Option(names = {"--fingerprint-file", "--fingerprint"}, paramLabel = "FILE",
            description = "Fingerprint of the last generate (default: codegen.fingerprint beside the output's module).")
    String fingerprintFile;

    // arity 0..1 so a script can pass --force=true/false and people can type --force.
    @Option(names = "--force", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Regenerate even when the fingerprint says nothing changed (Maven: -Dcairn.force).")
    String force;

    @Option(names = "--check", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Write nothing; fail (exit 2) when the generated code, its fingerprint or migrations.lock is behind."
                    + " On by default when the environment has CI=true (Maven: -Dcairn.check).")
    String check;

    @Option(names = "--ci", paramLabel = "auto|true|false",
            description = "Whether this is a CI build (default: auto, from CI=true or the variables of Jenkins, TeamCity,"
                    + " Azure Pipelines, Bamboo, Buildkite, GitLab). CI migrates from zero, writes no lock and uses no"
                    + " snapshot, cache or warm engine (Maven: -Dcairn.ci).")
    String ci;

    @Option(names = {"--lint", "--lint-severity"}, split = ",", paramLabel = "RULE=LEVEL",
            description = "Change a migration lint rule's severity: error, warning, info or off (see `cairn lint --help`).")
    List<String> lint;

    @Option(names = "--snapshot-cache", paramLabel = "DIR",
            description = "Snapshots of migrated databases (default: $XDG_CACHE_HOME/cairn/snapshots, else ~/.cache/cairn/snapshots).")
    String snapshotCache;

    @Option(names = "--snapshot-cache-size", paramLabel = "SIZE",
            description = "Size cap of the snapshot cache, e.g. 512m or 2g (default: 1g); 0 turns snapshots off.")
    String snapshotCacheSize;

    @Option(names = "--daemon", paramLabel = "IDLE",
            description = "How long the warm engine that runs this project's next generate waits before it exits"
                    + " (default: 30m); off runs every generate in this JVM, stop also stops the warm engine. Never with --check or CI=true.")
    String daemon;

    @Option(names = "--watch", description = "Regenerate whenever a migration file is saved, one line per run, until Ctrl-C."
            + " Runs start from snapshots (docs/snapshots.md).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        if (watch) return Goals.watch(settings(), System.getenv(), line -> { out.println(line); out.flush(); }, err::println);
        java.nio.file.Path archive = ClassArchive.wanted();
        // Only a run that went through the database stages has loaded what the archive is for, and only
        // in this JVM: the run that records the archive is never handed to the warm engine.
        CairnSettings settings = archive == null ? settings() : settings().with(Setting.DAEMON, "off", "recording the class archive");
        boolean[] fullRun = {false};
        int exit = Goals.generate(settings, System.getenv(), out::println, err::println,
                result -> fullRun[0] = result.database() != null);
        if (archive != null && exit == Goals.OK && fullRun[0]) {
            out.flush();
            ClassArchive.write(archive, err);
        }
        return exit;
    }

    private PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
    }

    /** Every option of this command, by setting, on top of the project's and the database's. */
    CairnSettings settings() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.putAll(database.explicit());
        if (outputDirectory != null) m.put(Setting.OUTPUT_DIRECTORY, outputDirectory);
        if (packageName != null) m.put(Setting.PACKAGE_NAME, packageName);
        if (generatorConfig != null) m.put(Setting.GENERATOR_CONFIG, generatorConfig);
        if (lockFile != null) m.put(Setting.LOCK_FILE, lockFile);
        if (fingerprintFile != null) m.put(Setting.FINGERPRINT_FILE, fingerprintFile);
        if (force != null) m.put(Setting.FORCE, force);
        if (check != null) m.put(Setting.CHECK, check);
        if (ci != null) m.put(Setting.CI, ci);
        if (lint != null) m.put(Setting.LINT, String.join(",", lint));
        if (snapshotCache != null) m.put(Setting.SNAPSHOT_CACHE, snapshotCache);
        if (snapshotCacheSize != null) m.put(Setting.SNAPSHOT_CACHE_SIZE, snapshotCacheSize);
        if (daemon != null) m.put(Setting.DAEMON, daemon);
        return project.settings(m);
    }

    PipelineOptions options() {
        return settings().pipelineOptions(System.getenv());
    }

}
