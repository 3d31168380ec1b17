package dev.trackerdb.codegen.cli;

import dev.trackerdb.codegen.generate.CodegenSettings;
import dev.trackerdb.codegen.lint.LintConfig;
import dev.trackerdb.codegen.lint.LintFailedException;
import dev.trackerdb.codegen.lock.MigrationLockException;
import dev.trackerdb.codegen.pipeline.Pipeline;
import dev.trackerdb.codegen.pipeline.PipelineOptions;
import dev.trackerdb.codegen.pipeline.PipelineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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


    @Option(names = "--output", paramLabel = "DIR", description = "Generated source root (default: generated/src/main/java).")
    Path output;

    @Option(names = "--package", description = "Package of the generated classes (default: ${DEFAULT-VALUE}).",
            defaultValue = CodegenSettings.DEFAULT_PACKAGE)
    String targetPackage;

    @Option(names = "--lock-file", paramLabel = "FILE",
            description = "Migration lock (default: migrations.lock beside the first migration directory).")
    Path lockFile;

    @Option(names = "--fingerprint", paramLabel = "FILE",
            description = "Fingerprint of the last generate (default: generated/codegen.fingerprint).")
    Path fingerprint;

    // arity 0..1 so Maven can pass --force=${codegen.force} (true/false) and people can type --force.
    @Option(names = "--force", arity = "0..1", fallbackValue = "true",
            description = "Regenerate even when the fingerprint says nothing changed (Maven: -Dcodegen.force).")
    boolean force;

    @Option(names = "--check", arity = "0..1", fallbackValue = "true",
            description = "Write nothing; fail (exit 2) when generated/, its fingerprint or migrations.lock is behind."
                    + " On by default when the environment has CI=true (Maven: -Dcodegen.check).")
    boolean check;

    @Option(names = "--lint-severity", split = ",", paramLabel = "RULE=LEVEL",
            description = "Change a migration lint rule's severity: error, warning, info or off (see `trackerdb lint --help`).")
    List<String> lintSeverities;

    /**
     * The command as the build configures it ({@link MavenEntry}): the same object picocli fills from
     * {@code generate --project-dir=DIR --database=KIND --force=B --check=B}, without the cost of
     * picocli's reflective model (most of a no-op build's time in this module). Everything else
     * keeps its option default; MavenEntryTest holds the two ways to the same PipelineOptions.
     */
    static GenerateCommand forBuild(Path projectDir, String databaseKind, boolean force, boolean check) {
        GenerateCommand c = new GenerateCommand();
        c.project = new ProjectOptions();
        c.project.projectDir = projectDir;
        c.database = new DatabaseOptions();
        c.database.database = databaseKind;
        c.targetPackage = CodegenSettings.DEFAULT_PACKAGE;
        c.force = force;
        c.check = check;
        return c;
    }

    @Override
    public Integer call() throws Exception {
        PipelineOptions options = options();
        try {
            PipelineResult result = new Pipeline(database.provider(), out()::println).run(options);
            if (!result.ok()) {
                err().println("error: " + String.join("\n", result.findings()));
                return TrackerDb.FINDINGS;
            }
            return TrackerDb.OK;
        } catch (MigrationLockException | LintFailedException e) {
            err().println("error: " + e.getMessage());
            return TrackerDb.FINDINGS;
        }
    }

    private PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
    }

    PipelineOptions options() {
        Path root = project.root();
        PipelineOptions defaults = PipelineOptions.forProject(root);
        CodegenSettings codegen = defaults.codegen();
        PipelineOptions o = new PipelineOptions(
                project.migrationDirs(),
                output != null ? root.resolve(output) : defaults.outputDirectory(),
                new CodegenSettings(targetPackage, codegen.inputSchema(), codegen.excludes()));
        if (lockFile != null) o = o.withLockFile(root.resolve(lockFile));
        if (fingerprint != null) o = o.withFingerprintFile(root.resolve(fingerprint));
        LintConfig lint = LintConfig.defaults();
        for (String s : lintSeverities != null ? lintSeverities : List.<String>of()) lint = lint.withSeverity(s);
        o = o.withLint(lint);
        return o.withMode(check || ciEnvironment() ? PipelineOptions.Mode.CHECK : PipelineOptions.Mode.WRITE)
                .withForce(force);
    }

    /** CI systems (GitHub Actions, GitLab, Jenkins with the plugin, ...) set CI=true. */
    static boolean ciEnvironment() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
