package dev.cairn.pipeline;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.LeftoverServers;
import dev.cairn.signal.Interruption;
import dev.cairn.database.OfflineProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.files.BackgroundWork;
import dev.cairn.files.FileHashCache;
import dev.cairn.files.DurableFiles;
import dev.cairn.files.FileTrees;
import dev.cairn.freshness.Fingerprint;
import dev.cairn.freshness.Freshness;
import dev.cairn.freshness.GeneratedDiff;
import dev.cairn.freshness.ToolVersions;
import dev.cairn.generate.GeneratedSources;
import dev.cairn.generate.JooqGenerator;
import dev.cairn.lint.Finding;
import dev.cairn.lint.LintFailedException;
import dev.cairn.lint.LintReport;
import dev.cairn.lint.Linter;
import dev.cairn.lint.ParseCache;
import dev.cairn.lint.Severity;
import dev.cairn.lock.CommittedLock;
import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.ReleasedMigrations;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.migrate.MigrationName;
import dev.cairn.migrate.Migrator;
import dev.cairn.pipeline.PipelineOptions.Mode;
import dev.cairn.pipeline.PipelineResult.Outcome;
import dev.cairn.observe.MigrationObserver;
import dev.cairn.observe.ObservedGate;
import dev.cairn.observe.ObservedRiskException;
import dev.cairn.lint.rules.Rules;
import dev.cairn.snapshot.MigrationChain;
import dev.cairn.snapshot.PendingMigrations;
import dev.cairn.snapshot.SnapshotCache;
import dev.cairn.snapshot.SnapshotDatabase;
import dev.cairn.snapshot.Snapshots;
import dev.cairn.snapshot.WarmStart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * migrations -> throwaway PostgreSQL -> jOOQ classes, in stages, one printed line each:
 * <ol>
 *   <li>lock: migrations.lock is checked before anything else, also when nothing else runs</li>
 *   <li>freshness: the committed fingerprint decides whether the database stages run at all</li>
 *   <li>lint: the migration files' static checks (only when something changed, or in CHECK mode:
 *       unchanged files lint the same as when they were generated); an error stops the run before
 *       any migration is applied</li>
 *   <li>database (started on another thread while lint runs), migrate, generate: into a staging directory</li>
 *   <li>publish (WRITE: swap into place, write the fingerprint) or compare (CHECK: never writes)</li>
 * </ol>
 */
public final class Pipeline {

    /** What regenerates: the front end's own generate, run where the policy writes (not in CI, not --check). */
    static String fix(PipelineOptions options) {
        return "`" + options.frontEnd().generate() + "` locally (not in CI, without check)";
    }

    private final DatabaseProvider provider;
    private final RunOutput out;
    private final SnapshotCache snapshots;
    private final WarmStart warm;

    public Pipeline(DatabaseProvider provider, Consumer<String> out) {
        this(provider, out, null, null);
    }

    private Pipeline(DatabaseProvider provider, Consumer<String> out, SnapshotCache snapshots, WarmStart warm) {
        this.provider = provider;
        this.out = RunOutput.of(out);
        this.snapshots = snapshots;
        this.warm = warm;
    }

    /**
     * Local runs with the embedded server start from the newest snapshot the chain extends and
     * keep their migrated database as a new one; a run whose policy takes no shortcut (CI, check,
     * --force) neither reads nor writes them.
     */
    public Pipeline withSnapshots(SnapshotCache cache) {
        return new Pipeline(provider, out, cache, warm);
    }

    /** In a loop of runs (watch): each run's server is started ahead, from the snapshot the run before ended on. */
    public Pipeline withWarmStart(WarmStart warmStart) {
        return new Pipeline(provider, out, snapshots, warmStart);
    }

    /** @param watched the new migrations: never taken from a snapshot, so they are applied and observed every run */
    private DatabaseProvider databaseFor(PipelineOptions options, List<MigrationFile> migrations, Map<String, Path> watched) {
        if (snapshots == null || !options.policy().trustsShortcuts() || provider instanceof OfflineProvider) return provider;
        List<MigrationChain.File> files = migrations.stream()
                .map(f -> new MigrationChain.File(f.fileName(), f.sha256(), f.is(MigrationName.Kind.VERSIONED) ? f.version() : null,
                        f.is(MigrationName.Kind.REPEATABLE), !watched.containsKey(f.fileName()))).toList();
        return Snapshots.provider(provider, snapshots, options.flyway(), files, true,
                line -> out.accept(String.format("%-11s %s", "snapshot", line)), warm);
    }

    /** What a regenerate changes and a commit must carry: the output and its fingerprint. */
    private static String committed(PipelineOptions options) {
        return display(options.outputDirectory()) + " and " + display(options.fingerprintFile());
    }

    public PipelineResult run(PipelineOptions options) throws Exception {
        if (options.mode() == Mode.CHECK) return runAlone(options);
        // One writing run per project at a time (a watch, the IDE's build, a terminal): the second waits,
        // then usually finds the classes the first wrote up to date.
        long t0 = System.nanoTime();
        // Said only when another run held the lock: a slow start of a busy JVM (class loading) is no wait.
        boolean[] held = {false};
        try (RunLock ignored = RunLock.acquire(options.runLockFile(), holder -> {
            held[0] = true;
            out.accept(String.format("%-11s %s", "waiting", "for the generate of this project that " + holder + " is running ..."));
        })) {
            if (held[0]) report("waited", "for the other generate of this project", since(t0));
            return runAlone(options);
        }
    }

    /**
     * Caches written beside this run (its next stages need not wait for them); the run waits for
     * them at its end, so that nothing it started still writes into target/ when it has returned.
     */
    private final List<BackgroundWork.Task> besideTheRun = new ArrayList<>();

    /** In a loop of runs: caches written once the run is over, between its answer and the next run. */
    private final List<Supplier<BackgroundWork.Task>> afterTheRun = new ArrayList<>();

    /**
     * A cache this run leaves for the next one: written beside the run, or, in a loop of runs (the
     * warm engine, the watch), once the run is over. There the next run of the same JVM finds it in
     * memory anyway, and writing the parses of 4,000 files beside the generate stage took CPU from it
     * on a machine of two cores. The loop's end ({@link WarmStart#close}) waits for these writes.
     */
    private void leave(Supplier<BackgroundWork.Task> save) {
        if (warm != null) afterTheRun.add(save);
        else besideTheRun.add(save.get());
    }

    private PipelineResult runAlone(PipelineOptions options) throws Exception {
        try {
            return runAloneNow(options);
        } finally {
            besideTheRun.forEach(BackgroundWork.Task::await);
            besideTheRun.clear();
            afterTheRun.forEach(Supplier::get);
            afterTheRun.clear();
        }
    }

    private PipelineResult runAloneNow(PipelineOptions options) throws Exception {
        long t0 = System.nanoTime();
        boolean check = options.mode() == Mode.CHECK;
        Interruption.stage("lock");
        // What runs killed outright left (their hooks never ran) goes first, in every run, also a no-op one.
        LeftoverServers.removeAbandoned();
        new GeneratedSources(options.outputDirectory()).removeAbandoned();

        // Local runs trust size + time stamp of files hashed before; CI, check and --force read every byte.
        FileHashCache hashes = options.policy().trustsShortcuts() ? FileHashCache.load(options.hashCacheFile()) : FileHashCache.none();

        // Stage: lock. The one scan of the run (missing or empty folders are refused here) feeds lock, lint and fingerprint.
        MigrationFiles scanned = MigrationFiles.scan(options.migrationDirs(),
                Linter.undoDirs(options.migrationDirs(), options.lint()), options.lockFile().getParent(), hashes);
        List<MigrationFile> migrations = scanned.migrations();
        // Released means shipped: in git, the lock as committed at HEAD (asked once a run); CI and checks take every entry.
        CommittedLock committed = options.policy().writesLock() ? CommittedLock.of(options.lockFile()) : CommittedLock.ALL;
        MigrationLocker.Outcome locked = lock(options, migrations,
                options.policy().writesLock() ? MigrationLocker.Mode.ALLOW_NEW : MigrationLocker.Mode.VERIFY, committed);

        // Stage: freshness.
        Interruption.stage("freshness");
        long t1 = System.nanoTime();
        Fingerprint inputs = Fingerprint.ofInputs(migrations, options.codegen(), options.flyway(), ToolVersions.current(),
                options.database());
        Freshness freshness = Freshness.assess(Fingerprint.read(options.fingerprintFile()), inputs,
                Fingerprint.hashTree(options.outputDirectory(), hashes));
        leave(hashes::saveBeside);
        if (check) lint(options, scanned, ReleasedMigrations.of(options.lockFile(), scanned));
        // A migration the lock lacks (a deleted lock, a merge that dropped a line, a file whose content the
        // fingerprint already covered) is new work: never locked without being linted and observed first.
        boolean trusted = options.policy().trustsFingerprint() && locked.complete();
        if (freshness.upToDate() && trusted) {
            report("up-to-date", inputs.migrationCount() + " migrations unchanged since last generate (fingerprint "
                    + inputs.id() + "); --force to regenerate", since(t1));
            return PipelineResult.withoutDatabase(Outcome.UP_TO_DATE, inputs.id(), List.of(), since(t0));
        }
        if (check && freshness.inputsUnchanged() && trusted) {
            // Same inputs, different files: nothing but a hand edit explains it; no database needed to say so.
            report("check", "generated files differ from their fingerprint", since(t1));
            return stale(inputs, since(t0), display(options.outputDirectory()) + " was edited by hand: "
                    + String.join(", ", freshness.editedFiles()) + ".",
                    "Generated code is overwritten by every generate: put the change in a migration (or the codegen"
                            + " settings), run " + fix(options) + " and commit " + committed(options) + ".");
        }
        // The next stage begins with this line (a signal right after it names the stage it stops).
        Interruption.stage(check ? "database start" : "lint");
        if (!freshness.upToDate()) report("stale", freshness.summary(), since(t1));
        else if (options.force()) report("forced", "--force: regenerating although nothing changed", since(t1));
        else if (options.policy().isCi()) {
            report("from zero", "CI (" + options.policy().ci().get() + "): migrating from zero whatever the fingerprint says", since(t1));
        } else report("stale", "migrations the lock lacks: linted and observed before they are locked", since(t1));
        options.codegen().user().ifPresent(u -> u.ignored().forEach(note -> report("note", note, Duration.ZERO)));
        // The database starts now, on another thread, while the migrations are linted (check mode linted above).
        // (offline: there is no database; DDLDatabase reads the migrations in the generate stage)
        // What is released (locked before this run): its findings are history, its scripts are not watched.
        ReleasedMigrations released = ReleasedMigrations.of(options.lockFile(), scanned);
        Map<String, Path> watched = newMigrations(scanned, released);
        DatabaseInBackground database = provider instanceof OfflineProvider ? null
                : DatabaseInBackground.start(databaseFor(options, migrations, watched), options.codegen());
        try {
            if (!check) lint(options, scanned, released);
        } catch (Exception | Error e) {
            if (database != null) database.discard();
            throw e;
        }

        // Stages: database, migrate, generate (into staging; nothing committed is touched yet).
        GeneratedSources output;
        Path staging;
        try {
            output = new GeneratedSources(options.outputDirectory());
            staging = check ? dev.cairn.files.OwnedFolders.create(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "cairn-check-") : output.newStaging();
        } catch (Exception | Error e) {
            if (database != null) database.discard();
            throw e;
        }
        try {
            Generation g = generate(options, database, staging, migrations, watched);
            return check
                    ? compare(options, freshness, inputs, g, staging, t0)
                    : publish(options, output, inputs, g, staging, migrations, committed, t0);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /**
     * Before the run, locked migrations must match (new ones may still be fixed); after a successful
     * local run, new migrations are appended. CI (VERIFY) accepts nothing unlocked.
     */
    private MigrationLocker.Outcome lock(PipelineOptions options, List<MigrationFile> migrations,
                                         MigrationLocker.Mode mode, CommittedLock committed) throws Exception {
        long t0 = System.nanoTime();
        MigrationLocker.Outcome locked = MigrationLocker.enforce(options.lockFile(), migrations, mode, committed, options.frontEnd());
        String lockName = display(options.lockFile());
        for (MigrationLock.Entry e : locked.local()) {
            boolean there = migrations.stream().anyMatch(f -> f.label().equals(e.file()));
            report("lock", e.file() + (there ? " changed" : " is gone") + " since a local run locked it (not committed at HEAD): "
                    + (mode == MigrationLocker.Mode.ALLOW_NEW ? (there ? "new work again, locked anew once this run succeeds"
                    : "its line goes once this run succeeds") : (there ? "locked anew" : "its line removed")), since(t0));
        }
        if (locked.created()) {
            report("lock", "created " + lockName + " with " + locked.locked() + " migrations", since(t0));
        } else if (!locked.appended().isEmpty()) {
            for (MigrationFile f : locked.appended()) report("lock", f.label() + " added to " + lockName, since(t0));
        } else if (mode != MigrationLocker.Mode.APPEND) {
            int unlocked = MigrationFiles.locked(migrations).size() - locked.locked();
            report("lock", locked.locked() + " migrations match " + lockName
                    + (unlocked > 0 && mode == MigrationLocker.Mode.ALLOW_NEW
                    ? "; " + unlocked + " new, locked once this run succeeds" : ""), since(t0));
        }
        return locked;
    }

    /**
     * Findings in new (not yet locked) migrations are printed, and an error among them stops the
     * run before anything is migrated. Released migrations cannot be edited any more: their
     * findings are one summary line, never a failure (`cairn lint --all` lists them).
     */
    private void lint(PipelineOptions options, MigrationFiles scanned, ReleasedMigrations released) throws Exception {
        long t0 = System.nanoTime();
        // Local runs take jOOQ's reading of unchanged statements from target/; CI and --force parse everything.
        ParseCache parses = !options.policy().trustsShortcuts() ? ParseCache.none()
                : ParseCache.load(options.parseCacheFile(),
                ParseCache.configuration(options.lint(), ToolVersions.current().toString()));
        LintReport all = Linter.lint(scanned, options.lint(), options.flyway().placeholders(), parses);
        leave(parses::saveBeside);
        LintReport report = released.newWork(all);
        Path base = Path.of("").toAbsolutePath();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) out.accept(f.severity(), "  " + f.format(base));
        }
        report("lint", report.summary().replaceFirst("^lint: ", "") + released.summarySuffix(all, options.frontEnd()) + (parses.hits() == 0 ? ""
                : " (" + plural(parses.hits(), "statement") + " unchanged, " + parses.misses() + " parsed)"), since(t0));
        if (report.hasErrors()) {
            throw new LintFailedException(report.errors() + " migration lint error" + (report.errors() == 1 ? "" : "s")
                    + " (listed above). Fix the statements, or acknowledge one with a comment on the line before it:"
                    + " -- lint:ignore <rule-id> reason: <why>. `" + options.frontEnd().lint() + "` runs the checks alone.", report);
        }
    }

    /** What the database stages produced. */
    private record Generation(String database, int applied, String version, int tables, int enums,
                              Duration started, Duration migrate, long generateStart, int reused) {
    }

    /**
     * The new (not yet locked) migrations, by Flyway's script name: the ones the database stage
     * watches (dev.cairn.observe). Released migrations ran in production long ago; what they did is history.
     */
    private static Map<String, Path> newMigrations(MigrationFiles scanned, ReleasedMigrations released) {
        Map<String, Path> m = new java.util.LinkedHashMap<>();
        for (MigrationFile f : scanned.migrations()) {
            if (!released.contains(f.path()) && (f.is(MigrationName.Kind.VERSIONED) || f.is(MigrationName.Kind.REPEATABLE))) {
                m.put(f.fileName(), f.path());
            }
        }
        return m;
    }

    /**
     * What the new migrations did, as findings on file and line; an error (a rewrite, a scan or an
     * index build under a lock that blocks writes, on a table that existed before) stops the run
     * before anything is generated, unless the statement carries a lint:ignore with a reason.
     */
    private void observed(PipelineOptions options, MigrationObserver observer, Map<String, Path> watched) throws Exception {
        if (watched.isEmpty()) return;
        ObservedGate gate = ObservedGate.of(observer.observations(), watched,
                f -> Rules.byId(f.rule()).map(r -> options.lint().severityOf(r)).orElse(f.severity()));
        Path base = Path.of("").toAbsolutePath();
        for (ObservedGate.Located l : gate.findings()) if (!l.suppressed()) out.accept(l.severity(), "  " + l.format(base));
        long errors = gate.errors();
        long shown = gate.findings().stream().filter(l -> !l.suppressed()).count();
        report("observe", plural(observer.observations().size(), "new migration") + " watched on the database: " + plural((int) errors, "error")
                + ", " + plural((int) (shown - errors), "note"), Duration.ZERO);
        if (errors > 0) {
            throw new ObservedRiskException(plural((int) errors, "risky change") + " observed on the database (listed above):"
                    + " on a big table these hold a lock that blocks writes for as long as the rewrite or scan takes."
                    + " Rewrite the migration (docs/lint.md says how for each rule), or acknowledge it on the line before the"
                    + " statement: -- lint:ignore <rule-id> reason: <why it is safe>.");
        }
    }

    private Generation generate(PipelineOptions options, DatabaseInBackground database, Path target,
                                List<MigrationFile> migrations, Map<String, Path> watched) throws Exception {
        long t0 = System.nanoTime();
        if (provider instanceof OfflineProvider offline) return generateOffline(offline, options, target, t0);
        Interruption.stage("database start");
        try (ThrowawayPostgres db = database.await()) {
            try {
                return onDatabase(options, database, db, target, migrations, watched, t0);
            } catch (Exception e) {
                throw serverEnded(db, Interruption.stageNow(), e);
            }
        }
    }

    private Generation onDatabase(PipelineOptions options, DatabaseInBackground database, ThrowawayPostgres db, Path target,
                                  List<MigrationFile> migrations, Map<String, Path> watched, long t0) throws Exception {
        Duration waited = since(t0);
        if (db instanceof SnapshotDatabase s) s.notice().ifPresent(n -> report("snapshot", n, Duration.ZERO));
        Duration started = database.startTime();
        // The start ran beside lint: the stage's own time is shown, and how much of it was still waited for.
        report("database", db.description() + String.format(" (waited %.1f s%s)", waited.toMillis() / 1000.0,
                database.warmUpTime().isZero() ? "" : String.format(
                        ", generator warm-up %.1f s", database.warmUpTime().toMillis() / 1000.0)), started);

        long t1 = System.nanoTime();
        Interruption.stage("migrate");
        MigrationObserver observer = new MigrationObserver(watched::containsKey);
        // On a snapshot, Flyway's validation of the applied migrations repeats what chose the snapshot (the same
        // files, byte for byte, in the same order, every later one newer): a third of the stage on 1,000 of them.
        boolean onSnapshot = db instanceof SnapshotDatabase s && s.base().isPresent();
        Migrator.Result migrated;
        // On a snapshot, Flyway reads only what it may still apply, not the whole chain again.
        try (PendingMigrations pending = onSnapshot
                ? PendingMigrations.above(options.flyway(), ((SnapshotDatabase) db).base().get(), migrations,
                        Path.of(System.getProperty("java.io.tmpdir")))
                : PendingMigrations.all(options.flyway())) {
            migrated = Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(),
                    pending.settings()).callbacks(observer).validateOnMigrate(!onSnapshot).load(), pending::original);
        }
        String how = migrated.applied() + " migrations applied, schema at version " + migrated.version() + " (from zero)";
        if (db instanceof SnapshotDatabase s && s.base().isPresent()) {
            how = plural(migrated.applied(), "new migration") + " on snapshot " + s.base().get().label()
                    + " (" + s.reused() + " reused" + (s.startedAhead() ? ", server started ahead" : "")
                    + "), schema at version " + migrated.version();
        }
        Duration migrateTime = since(t1);
        report("migrate", how, migrateTime);
        Interruption.stage("observe");
        observed(options, observer, watched);
        Interruption.stage("generate");
        // Kept as a snapshot only once what the new migrations did passed the observation.
        if (db instanceof SnapshotDatabase s) s.migrated(options.flyway());

        long t2 = System.nanoTime();
        try (Connection c = db.connect()) {
            JooqGenerator.generate(c, options.codegen(), target);
            String schemas = sqlList(options.codegen().schemas());
            int tables = count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema IN (" + schemas
                    + ") AND table_type = 'BASE TABLE' AND table_name !~ '" + options.codegen().excludes() + "'");
            int enums = count(c, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE t.typtype = 'e' AND n.nspname IN (" + schemas + ")");
            return new Generation(db.description(), migrated.applied(), migrated.version(), tables, enums,
                    started, migrateTime, t2, onSnapshot ? ((SnapshotDatabase) db).reused() : 0);
        }
    }

    /**
     * A failure because the server process died (killed, crashed, out of memory) is reported as
     * that, with the end of its log, instead of the connection errors it causes (which blame the
     * migration, or dump jOOQ's SQL). Anything else is thrown as it was.
     */
    private static Exception serverEnded(ThrowawayPostgres db, String stage, Exception e) {
        if (e instanceof Interruption.Stopped || Interruption.requested()) return e;
        // A lost connection comes before the killed process is reaped: wait for it (bounded) before blaming the migration.
        java.util.Optional<String> why = db.ended();
        if (why.isEmpty() && connectionLost(e)) why = db.ended(Duration.ofSeconds(5));
        // No cause attached: the one line says it all, and Maven would append every cause's message to it.
        return why.<Exception>map(w -> new java.io.IOException("During " + stage + ", " + w)).orElse(e);
    }

    /** Whether the failure is the server going away under the run (a connection error, an admin shutdown, an EOF). */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) return true;
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) return true;
        }
        return false;
    }

    /** No database: jOOQ's DDLDatabase interprets the migrations, so there is no migrate stage. */
    private Generation generateOffline(OfflineProvider offline, PipelineOptions options, Path target, long t0)
            throws Exception {
        try (OfflineProvider.OfflineSchema schema = offline.interpret(options.migrationDirs())) {
            Duration interpreted = since(t0);
            String description = "offline (jOOQ DDLDatabase, " + schema.uninterpreted().size() + " statements not interpreted)";
            report("database", description, interpreted);
            long t2 = System.nanoTime();
            JooqGenerator.generate(schema.database(), options.codegen(), target);
            Path pkg = target.resolve(options.codegen().effectivePackage().replace('.', '/'));
            return new Generation(description, schema.scripts(), "(offline)", javaFiles(pkg.resolve("tables")),
                    javaFiles(pkg.resolve("enums")), interpreted, Duration.ZERO, t2, 0);
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int javaFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    private PipelineResult publish(PipelineOptions options, GeneratedSources committed, Fingerprint inputs,
                                   Generation g, Path staging, List<MigrationFile> migrations, CommittedLock shipped,
                                   long t0) throws Exception {
        // An interruption waits for this to end (or comes before it): the committed files change completely or not at all.
        Interruption.stage("publish");
        return Interruption.writing(() -> publishNow(options, committed, inputs, g, staging, migrations, shipped, t0));
    }

    private PipelineResult publishNow(PipelineOptions options, GeneratedSources committed, Fingerprint inputs,
                                      Generation g, Path staging, List<MigrationFile> migrations, CommittedLock shipped,
                                      long t0) throws Exception {
        // Everything is written and forced before anything committed changes: the staged code, then
        // the fingerprint of exactly that code beside the old one. A failure up to here changes nothing.
        committed.seal(staging);
        Path fingerprint = inputs.withGenerated(Fingerprint.hashTree(staging)).prepare(options.fingerprintFile());
        boolean changed;
        Duration generateTime;
        try {
            changed = committed.replaceWith(staging);
            generateTime = since(g.generateStart());
            report("generate", g.tables() + " tables, " + g.enums() + " enums -> " + display(committed.directory())
                    + (changed ? " (updated)" : " (unchanged)"), generateTime);
            // CI writes the classes it builds under target/, never the lock (it accepted nothing unlocked).
            if (options.policy().writesLock()) lock(options, migrations, MigrationLocker.Mode.APPEND, shipped);
        } catch (Exception | Error e) {
            DurableFiles.discard(fingerprint);
            throw e;
        }
        long t1 = System.nanoTime();
        DurableFiles.commit(fingerprint, options.fingerprintFile());
        report("fingerprint", inputs.id() + " -> " + display(options.fingerprintFile()), since(t1));

        Duration total = since(t0);
        report("total", "", total);
        return new PipelineResult(Outcome.GENERATED, inputs.id(), List.of(), g.database(), g.applied(), g.version(),
                g.tables(), g.enums(), changed, g.started(), g.migrate(), generateTime, total, g.reused());
    }

    private PipelineResult compare(PipelineOptions options, Freshness freshness, Fingerprint inputs,
                                   Generation g, Path fresh, long t0) throws Exception {
        Duration generateTime = since(g.generateStart());
        report("generate", g.tables() + " tables, " + g.enums() + " enums -> temporary directory (check mode)", generateTime);
        GeneratedDiff diff = GeneratedDiff.between(options.outputDirectory(), fresh);
        String out = display(options.outputDirectory());
        List<String> findings = new ArrayList<>();
        if (!diff.identical()) {
            List<String> lines = diff.summary();
            findings.add(lines.size() == 1 ? out + " is stale: " + lines.getFirst()
                    : out + " is stale:\n  " + String.join("\n  ", lines));
            if (freshness.inputsUnchanged()) {
                findings.add("The migrations did not change since the last generate, so generated files were edited by hand: "
                        + String.join(", ", freshness.editedFiles()) + ".");
            } else {
                findings.add("Changed since the last generate: " + freshness.summary() + ".");
            }
            findings.add("Fix: run " + fix(options) + ", then commit " + committed(options) + ".");
        } else if (!freshness.upToDate()) {
            findings.add("The generated code is up to date, but the fingerprint is stale (" + freshness.summary()
                    + "); run " + fix(options) + " and commit " + committed(options) + ".");
        }
        Duration total = since(t0);
        report("check", findings.isEmpty() ? out + " matches the migrations" : out + " is behind (see below)", Duration.ZERO);
        report("total", "", total);
        return new PipelineResult(findings.isEmpty() ? Outcome.MATCHES : Outcome.STALE, inputs.id(), findings,
                g.database(), g.applied(), g.version(), g.tables(), g.enums(), false, g.started(), g.migrate(),
                generateTime, total, g.reused());
    }

    private static PipelineResult stale(Fingerprint inputs, Duration total, String... findings) {
        return PipelineResult.withoutDatabase(Outcome.STALE, inputs.id(), List.of(findings), total);
    }

    private static String sqlList(List<String> names) {
        return String.join(",", names.stream().map(n -> "'" + n.replace("'", "''") + "'").toList());
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void report(String stage, String what, Duration took) {
        out.accept(String.format("%-11s %-70s %6.1f s", stage, what, took.toMillis() / 1000.0));
    }

    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
