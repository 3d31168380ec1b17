package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.daemon.DaemonClient;
import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.LeftoverServers;
import dev.cairn.signal.Interruption;
import dev.cairn.files.FileHashCache;
import dev.cairn.lint.LintConfig;
import dev.cairn.lint.LintFailedException;
import dev.cairn.lint.LintReport;
import dev.cairn.lint.Linter;
import dev.cairn.lock.CommittedLock;
import dev.cairn.lock.MigrationLockException;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.lock.ReleasedMigrations;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.observe.ObservedRiskException;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.pipeline.RunOutput;
import dev.cairn.undo.RoundTripVerifier;
import dev.cairn.undo.UndoScripts;
import dev.cairn.undo.VerifyUndoReport;
import dev.cairn.snapshot.WarmStart;
import dev.cairn.watch.GenerateOnSave;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return generate(settings, environment, out, err, result -> { });
    }

    /**
     * As above; {@code onResult} is told what a run that got to its end did (e.g. whether it used a
     * database). Unless the {@link Setting#DAEMON daemon} setting is off (and never in check mode or
     * with CI=true), the project's warm engine runs it when one is up, and a run that migrated here
     * starts one for the next run.
     */
    public static int generate(CairnSettings settings, Map<String, String> environment, Consumer<String> out,
                               Consumer<String> err, Consumer<PipelineResult> onResult) throws Exception {
        // Ctrl-C or SIGTERM (in Maven's JVM too): one line, then nothing from this goal (the CLI installed this already).
        try (Interruption.Handlers signals = Interruption.install(System.err)) {
            Consumer<String> o = quietAfterInterruption(out);
            Consumer<String> e = quietAfterInterruption(err);
            // Which settings the team's own Flyway configuration gave, first, whoever runs the generate.
            settings.flywayLine().ifPresent(line -> o.accept(String.format("%-11s %s", "settings", line)));
            Optional<Duration> daemon = DaemonClient.wanted(settings, environment);
            if (DaemonClient.stopping(settings)) DaemonClient.stop(settings, environment, o);
            if (daemon.isPresent()) {
                Optional<Integer> served = DaemonClient.run(settings, environment, o, e, onResult);
                if (served.isPresent()) return served.get();
            }
            PipelineResult[] result = new PipelineResult[1];
            int code = run(settings, environment, o, e, r -> {
                result[0] = r;
                onResult.accept(r);
            }, null);
            if (daemon.isPresent() && code == OK && result[0] != null && result[0].database() != null) {
                DaemonClient.start(settings, environment, daemon.get(), o);
            }
            return code;
        } catch (Exception | Error failed) {
            // A failure after an interruption is its consequence (the server was stopped under the run): not reported.
            Interruption.parkIfRequested();
            throw failed;
        }
    }

    /**
     * One generate in this JVM, without signal handling: {@link #generate}'s body, and what the
     * daemon runs for a client ({@code warm}: its server started ahead, or null).
     */
    public static int run(CairnSettings settings, Map<String, String> environment, Consumer<String> out,
                          Consumer<String> err, Consumer<PipelineResult> onResult, WarmStart warm) throws Exception {
        PipelineOptions options = settings.pipelineOptions(environment);
        DatabaseProvider provider = settings.databaseChoice(environment).provider(out);
        try {
            Pipeline pipeline = new Pipeline(provider, out).withSnapshots(settings.snapshotCache(environment));
            PipelineResult result = (warm == null ? pipeline : pipeline.withWarmStart(warm)).run(options);
            onResult.accept(result);
            if (!result.ok()) {
                err.accept("error: " + String.join("\n", result.findings()));
                return FINDINGS;
            }
            return OK;
        } catch (MigrationLockException | LintFailedException | ObservedRiskException failed) {
            err.accept("error: " + failed.getMessage());
            return FINDINGS;
        }
    }

    private static Consumer<String> quietAfterInterruption(Consumer<String> to) {
        RunOutput leveled = RunOutput.of(to); // findings keep their level (Maven logs them as warnings and errors)
        return (RunOutput) (level, line) -> {
            Interruption.parkIfRequested();
            leveled.accept(level, line);
        };
    }

    /**
     * generate --watch: a generate now and after every saved migration, one line each, until
     * Ctrl-C. Each run starts (from a snapshot) and stops its own server: nothing outlives it.
     */
    public static int watch(CairnSettings settings, Map<String, String> environment, Consumer<String> out,
                            Consumer<String> err) throws Exception {
        PipelineOptions options = settings.pipelineOptions(environment);
        if (options.mode() == PipelineOptions.Mode.CHECK || options.policy().isCi()) {
            err.accept("error: --watch writes the generated code, so it does not run in check mode (--check, CI=true).");
            return FAILURE;
        }
        List<Path> folders = new java.util.ArrayList<>(options.migrationDirs());
        if (Files.isDirectory(settings.undoDirectory())) folders.add(settings.undoDirectory());
        dev.cairn.snapshot.SnapshotCache snapshots = settings.snapshotCache(environment);
        try (dev.cairn.snapshot.WarmStart warm = new dev.cairn.snapshot.WarmStart();
             GenerateOnSave watch = new GenerateOnSave(folders, lines -> new Pipeline(
                settings.databaseChoice(environment).provider(lines), lines).withSnapshots(snapshots).withWarmStart(warm)
                .run(options), out)) {
            // Ctrl-C: stop watching; the run in progress (if any) ends and its server is stopped by its own hook,
            // then the server started ahead for the next run.
            Thread hook = new Thread(() -> {
                watch.close();
                warm.close();
            }, "cairn-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            watch.loop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
        return OK;
    }

    /**
     * Adds new migrations to migrations.lock (never changes a locked line). On an existing chain,
     * the one command that adopts the tool: what is locked is released, and its lint findings no
     * longer fail a build. With {@code verify}, writes nothing and fails on anything unlocked.
     */
    public static int lock(CairnSettings settings, boolean verify, Consumer<String> out, Consumer<String> err) throws Exception {
        return lock(settings, verify, List.of(), out, err);
    }

    /**
     * As above; {@code unlock} names versions to take out of the lock instead (a local run locked
     * them, and they are still the developer's work): the next generate lints, observes and locks
     * them anew. In git, what HEAD's lock holds has shipped and cannot be unlocked.
     */
    public static int lock(CairnSettings settings, boolean verify, List<String> unlock, Consumer<String> out,
                           Consumer<String> err) throws Exception {
        PipelineOptions options = settings.pipelineOptions(Map.of());
        Path lock = options.lockFile();
        if (!unlock.isEmpty()) {
            try {
                for (var e : MigrationLocker.unlock(lock, unlock, CommittedLock.of(lock))) {
                    out.accept("unlocked " + e.file() + ": new work again; the next generate lints and observes it, then locks it anew");
                }
                return OK;
            } catch (MigrationLockException e) {
                err.accept("error: " + e.getMessage());
                return FINDINGS;
            }
        }
        try {
            List<MigrationFile> files = MigrationFiles.scan(options.migrationDirs(), lock.getParent()).migrations();
            MigrationLocker.Outcome o = MigrationLocker.enforce(lock, files,
                    verify ? MigrationLocker.Mode.VERIFY : MigrationLocker.Mode.RELOCK, CommittedLock.of(lock), settings.frontEnd());
            String shown = settings.baseDir().relativize(lock.toAbsolutePath().normalize()).toString();
            if (o.created()) {
                out.accept("created " + shown + " with " + o.locked() + " migrations");
            } else {
                for (MigrationFile f : o.appended()) out.accept("locked  " + f.label());
                out.accept(o.locked() + " migrations locked in " + shown + (o.appended().isEmpty() ? ", all match" : ""));
            }
            return OK;
        } catch (MigrationLockException e) {
            err.accept("error: " + e.getMessage());
            return FINDINGS;
        }
    }

    /**
     * The migration files' static checks, without a database. Unless {@code all}, findings in
     * released (locked) migrations are left out and counted in the summary: they cannot be fixed
     * any more, so they never fail a build.
     */
    public static LintRun lint(CairnSettings settings, LintConfig config, boolean all) throws Exception {
        // lint needs no database, but is the command run most often: it clears what killed runs left too.
        LeftoverServers.removeAbandoned();
        List<Path> dirs = settings.migrationDirs();
        Path lock = settings.pipelineOptions(Map.of()).lockFile();
        // labels relative to the lock's folder, as the lock records them (migration/V3__x.sql)
        MigrationFiles scanned = MigrationFiles.scan(dirs, Linter.undoDirs(dirs, config), lock.getParent(), FileHashCache.none());
        LintReport report = Linter.lint(scanned, config, settings.placeholders());
        if (all) return new LintRun(report, "");
        ReleasedMigrations released = ReleasedMigrations.of(lock, scanned);
        return new LintRun(released.newWork(report), released.summarySuffix(report, settings.frontEnd()));
    }

    /** What {@link #lint} found: the report, and the summary's note on released migrations. */
    public record LintRun(LintReport report, String releasedNote) {

        /** One line per finding, then the summary with the note; paths relative to {@code base}. */
        public String format(Path base) {
            return report.format(base).stripTrailing() + releasedNote + "\n";
        }

        public boolean failed() {
            return report.hasErrors();
        }
    }

    /** {@link #lint} with the settings' rule severities, printed; FINDINGS on an error in new work. */
    public static int lint(CairnSettings settings, Consumer<String> out) throws Exception {
        return lint(settings, false, out);
    }

    /** As above; {@code all} lists the released migrations' findings too (they still never fail). */
    public static int lint(CairnSettings settings, boolean all, Consumer<String> out) throws Exception {
        LintRun run = lint(settings, settings.lint(), all);
        RunOutput leveled = RunOutput.of(out);
        for (dev.cairn.lint.Finding f : run.report().findings()) leveled.accept(f.severity(), f.format(settings.baseDir()));
        leveled.accept(run.report().summary() + run.releasedNote());
        return run.failed() ? FINDINGS : OK;
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
