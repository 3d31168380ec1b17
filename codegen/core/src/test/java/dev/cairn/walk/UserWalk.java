package dev.cairn.walk;

import dev.cairn.daemon.DaemonClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A seeded random walk over what users do (issue 24, item 7): each step applies a {@link Move} to
 * the project and runs generate through one {@link FrontEnd}, with every shortcut it may take
 * (snapshots, the fingerprint, caches, the warm engine), then compares exit code, output,
 * fingerprint and lock with the {@link Oracle}'s run from zero. The same seed walks the same steps.
 */
final class UserWalk implements AutoCloseable {

    /** A step whose result was not the from-zero run's. */
    record Divergence(long seed, int step, FrontEnd frontEnd, String move, List<String> differences) {

        @Override
        public String toString() {
            return "seed " + seed + " step " + step + " (" + frontEnd + ", " + move + "):\n  " + String.join("\n  ", differences);
        }
    }

    /** What a walk did. */
    record Report(long seed, int steps, List<Divergence> divergences, int oracleRuns, Duration wallTime,
                  Map<String, Integer> frontEnds, Map<String, Integer> exits, Map<String, Integer> routes) {
    }

    private static final Duration WATCH_TIMEOUT = Duration.ofSeconds(120);

    private final long seed;
    private final Random random;
    private final WalkProject project;
    private final Path snapshots;
    private final Oracle oracle;
    private final Consumer<String> log;
    private boolean ci;
    private boolean force;
    private ProcessHandle paused;
    private FrontEnd frontEnd;
    /** The stage lines of the step's last run. */
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> started = new ArrayList<>();
    private int lastExit;

    UserWalk(Path work, long seed, Consumer<String> log) throws Exception {
        this.seed = seed;
        this.random = new Random(seed);
        this.project = WalkProject.create(work.resolve("project"));
        this.snapshots = Files.createDirectories(work.resolve("snapshots"));
        this.oracle = new Oracle(work.resolve("oracle"));
        this.log = log;
    }

    WalkProject project() {
        return project;
    }

    Random random() {
        return random;
    }

    Path snapshots() {
        return snapshots;
    }

    Map<String, String> environment() {
        return Map.of("CI", Boolean.toString(ci));
    }

    boolean lastRunFailed() {
        return lastExit != 0;
    }

    void nextRunIsCi() {
        ci = true;
    }

    void nextRunIsForced() {
        force = true;
    }

    /** A paused engine gets SIGCONT once the next run has begun (and may be waiting on it). */
    void resumeAfterNextRunStarts(ProcessHandle engine) {
        paused = engine;
    }

    Report walk(int steps) throws Exception {
        long t0 = System.nanoTime();
        List<Divergence> divergences = new ArrayList<>();
        Map<String, Integer> frontEnds = new TreeMap<>();
        Map<String, Integer> exits = new TreeMap<>();
        Map<String, Integer> routes = new TreeMap<>();
        for (int step = 1; step <= steps; step++) {
            Step s = step();
            Observation walked = Observation.of(s.exit, project.dir);
            Observation fromZero = s.fromZero.get();
            List<String> differences = walked.differences(fromZero);
            frontEnds.merge(s.frontEnd.name(), 1, Integer::sum);
            exits.merge("exit " + s.exit, 1, Integer::sum);
            routes.merge(s.route, 1, Integer::sum);
            log.accept(String.format("step %4d  %-17s exit %d (from zero %d)  %-21s %s%s", step, s.frontEnd, s.exit, fromZero.exit(),
                    s.route, s.move, differences.isEmpty() ? "" : "  DIVERGED"));
            if (!differences.isEmpty()) {
                List<String> said = new ArrayList<>(differences);
                said.add("the run said:\n    " + String.join("\n    ", lines));
                Divergence d = new Divergence(seed, step, s.frontEnd, s.move, said);
                divergences.add(d);
                log.accept(d.toString());
                resynchronise();
            }
            if (!ci) lastExit = s.exit; // CI refuses local work by design: nothing for the developer to repair
            ci = false;
            force = false;
        }
        return new Report(seed, steps, divergences, oracle.runs(), Duration.ofNanos(System.nanoTime() - t0), frontEnds, exits, routes);
    }

    private record Step(FrontEnd frontEnd, String move, int exit, String route, Future<Observation> fromZero) {
    }

    /**
     * Which way the step's run went, for the figures only (no outcome rests on it): the plugin's
     * door passes text alone, so this reads the stage lines.
     */
    private static String route(List<String> lines) {
        boolean warm = lines.stream().anyMatch(l -> l.contains("in the warm engine, pid"));
        String how = lines.stream().anyMatch(l -> l.startsWith("up-to-date")) ? "up to date"
                : lines.stream().anyMatch(l -> l.startsWith("migrate") && l.contains("on snapshot")) ? "snapshot"
                : lines.stream().anyMatch(l -> l.startsWith("migrate") && l.contains("(from zero)")) ? "from zero"
                : "no migrate";
        return warm ? "warm engine, " + how : how;
    }

    /** Picks a move and a front end, applies the one and runs the other. */
    private Step step() throws Exception {
        while (true) {
            Move move = Move.pick(random, lastRunFailed());
            double door = random.nextDouble();
            boolean watchable = move.savesMigrations && !ci && !force;
            frontEnd = watchable && door < 0.2 ? FrontEnd.WATCH
                    : door < 0.55 ? FrontEnd.PLUGIN_WARM : door < 0.8 ? FrontEnd.PLUGIN_IN_PROCESS : FrontEnd.CLI;
            if (frontEnd == FrontEnd.WATCH) {
                try (WatchSession watch = new WatchSession(FrontEnd.settings(project, parameters(FrontEnd.WATCH), environment()),
                        environment(), line -> { })) {
                    watch.awaitRunAfter(0, WATCH_TIMEOUT); // the run at the start
                    String did = move.apply(this);
                    if (did == null) continue;
                    long saved = System.nanoTime();
                    Future<Observation> fromZero = oracle(); // copied before the watch's run begins (after its debounce)
                    WatchSession.Run run = watch.awaitRunAfter(saved, WATCH_TIMEOUT);
                    return new Step(frontEnd, did, run.exit(), run.route(), fromZero);
                }
            }
            String did = move.apply(this);
            if (did == null) continue;
            Future<Observation> fromZero = oracle();
            int exit = runBetween();
            return new Step(frontEnd, did, exit, route(lines), fromZero);
        }
    }

    /** The oracle's answer for the inputs as they are now, before the step's run writes the lock. */
    private Future<Observation> oracle() throws Exception {
        return oracle.answer(project, environment(), frontEnd.hasInlineGenerator() ? project.inlineGenerator : null);
    }

    /** One generate through this step's front end (not the watch), in this step's conditions. */
    int runBetween() throws Exception {
        Thread resume = null;
        if (paused != null) {
            ProcessHandle engine = paused;
            paused = null;
            // Not an outcome's clock: the run must give the same answer whenever the engine resumes.
            resume = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(2_000);
                    WarmEngines.signal(engine, "CONT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try {
            lines.clear();
            return frontEnd.run(project, snapshots, environment(), force, lines::add);
        } finally {
            // An engine this run started, to be stopped at the end (one warming up is not listed by cairn daemon yet).
            for (String line : lines) WarmEngines.startedBy(line).ifPresent(started::add);
            if (resume != null) resume.join();
        }
    }

    private Map<String, String> parameters(FrontEnd door) {
        return Map.of("daemon", door.daemon(), "database", "embedded", "snapshotCache", snapshots.toString());
    }

    /** After a divergence, a forced run in this JVM, as a user would do, so the next steps test anew. */
    private void resynchronise() throws Exception {
        FrontEnd was = frontEnd;
        boolean wasForced = force;
        try {
            frontEnd = FrontEnd.PLUGIN_IN_PROCESS;
            force = true;
            runBetween();
        } finally {
            frontEnd = was;
            force = wasForced;
        }
    }

    /** The engines the walk's runs started (alive or not). */
    List<ProcessHandle> startedEngines() {
        return List.copyOf(started);
    }

    /**
     * Stops every engine the walk started: daemon=stop for the one that listens, SIGTERM (its hook
     * stops its servers) for one still warming up, which has no socket yet; kill -9 for what is left.
     */
    @Override
    public void close() throws Exception {
        oracle.close();
        if (paused != null) WarmEngines.signal(paused, "CONT");
        for (ProcessHandle engine : started) if (engine.isAlive()) WarmEngines.signal(engine, "CONT");
        DaemonClient.stop(FrontEnd.settings(project, parameters(FrontEnd.PLUGIN_WARM), Map.of("CI", "false")),
                Map.of("CI", "false"), line -> { });
        for (ProcessHandle engine : started) {
            if (WarmEngines.awaitExit(engine, Duration.ofSeconds(10))) continue;
            engine.destroy();
            if (!WarmEngines.awaitExit(engine, Duration.ofSeconds(30))) engine.destroyForcibly();
        }
    }
}
