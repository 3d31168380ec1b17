package dev.cairn.walk;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.lint.LintFailedException;
import dev.cairn.lock.MigrationLockException;
import dev.cairn.observe.ObservedRiskException;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.snapshot.SnapshotCache;
import dev.cairn.snapshot.WarmStart;
import dev.cairn.watch.GenerateOnSave;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code cairn generate --watch} as {@link Goals#watch} composes it (the folders it watches, a
 * pipeline per save with snapshots and a server started ahead), run on a thread of this JVM so
 * the walk can save a file, wait for the run that save caused, and end the session as Ctrl-C does.
 * Each run's exit code is the one {@link Goals#run} would give.
 */
final class WatchSession implements AutoCloseable {

    /** One run of the watch: when it began, its exit code, and which way it went (for the figures). */
    record Run(long startedNanos, int exit, String route) {
    }

    private final LinkedBlockingQueue<Run> runs = new LinkedBlockingQueue<>();
    private final WarmStart warm = new WarmStart();
    private final GenerateOnSave watch;
    private final Thread loop;

    WatchSession(CairnSettings settings, Map<String, String> environment, Consumer<String> out) throws Exception {
        PipelineOptions options = settings.pipelineOptions(environment);
        List<Path> folders = new ArrayList<>(options.migrationDirs());
        if (Files.isDirectory(settings.undoDirectory())) folders.add(settings.undoDirectory());
        SnapshotCache snapshots = settings.snapshotCache(environment);
        watch = new GenerateOnSave(folders, lines -> {
            long started = System.nanoTime();
            int exit = Goals.FAILURE;
            String route = "watch, no migrate";
            try {
                PipelineResult r = new Pipeline(settings.databaseChoice(environment).provider(lines), lines)
                        .withSnapshots(snapshots).withWarmStart(warm).run(options);
                exit = r.ok() ? Goals.OK : Goals.FINDINGS;
                route = r.outcome() == PipelineResult.Outcome.UP_TO_DATE ? "watch, up to date"
                        : r.fromZero() ? "watch, from zero" : "watch, snapshot";
                return r;
            } catch (MigrationLockException | LintFailedException | ObservedRiskException refused) {
                exit = Goals.FINDINGS;
                throw refused;
            } finally {
                runs.add(new Run(started, exit, route));
            }
        }, out);
        loop = Thread.ofPlatform().name("walk-watch").start(() -> {
            try {
                watch.loop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The first run that began after {@code sinceNanos}; a run that began before
     * read the files before the save. Fails after {@code timeout} without one.
     */
    Run awaitRunAfter(long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Run r = runs.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) throw new IllegalStateException("no watch run began within " + timeout.toSeconds() + " s of the save");
            if (r.startedNanos() > sinceNanos) return r;
        }
    }

    /** Ctrl-C: the run in progress ends first, then the server started ahead stops. */
    @Override
    public void close() throws InterruptedException {
        watch.close();
        loop.join(Duration.ofSeconds(120));
        warm.close();
    }
}
