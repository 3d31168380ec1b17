package dev.cairn.pipeline;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.generate.JooqGenerator;
import dev.cairn.snapshot.SnapshotDatabase;

import java.sql.Connection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A throwaway database started on its own thread, so that initdb and the server start overlap the
 * lint stage (both take seconds; on two cores they run side by side). With a core to spare, the
 * same thread then warms up jOOQ's generator on the still empty database. Whoever ends up not using
 * the database calls {@link #discard()}: it is closed as soon as it is up. A JVM that exits first
 * is covered by the database's own shutdown hook.
 */
final class DatabaseInBackground {

    /** -Dcairn.generator.warm-up=false skips the warm-up. */
    static final String WARM_UP_PROPERTY = "cairn.generator.warm-up";

    private final CompletableFuture<ThrowawayPostgres> started;
    private volatile Duration took = Duration.ZERO;
    private volatile Duration warmUp = Duration.ZERO;
    private volatile boolean discarded;
    private final Thread thread;

    private DatabaseInBackground(DatabaseProvider provider, CodegenSettings warmUpWith) {
        this.started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                ThrowawayPostgres db = provider.start();
                took = Duration.ofNanos(System.nanoTime() - t0);
                if (warmUpWith != null && !discarded) {
                    long t1 = System.nanoTime();
                    // A snapshot is migrated already: warming up on it would generate the whole schema once more.
                    try (Connection c = db instanceof SnapshotDatabase s ? s.connectToEmptyDatabase() : db.connect()) {
                        JooqGenerator.warmUp(c, warmUpWith);
                    } catch (Exception e) {
                        // only a warm-up
                    }
                    warmUp = Duration.ofNanos(System.nanoTime() - t1);
                }
                started.complete(db);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "cairn-database-start");
        t.setDaemon(true);
        this.thread = t;
        t.start();
    }

    /** Starts the database, then (with two or more cores) warms up the generator with {@code settings}. */
    static DatabaseInBackground start(DatabaseProvider provider, CodegenSettings settings) {
        // A JVM that has generated before (a watch, the daemon) has nothing to warm up: the warm-up would only delay the run.
        boolean spareCore = Runtime.getRuntime().availableProcessors() >= 2 && !JooqGenerator.warm()
                && Boolean.parseBoolean(System.getProperty(WARM_UP_PROPERTY, "true"));
        return new DatabaseInBackground(provider, spareCore ? settings : null);
    }

    /** Waits for the database; the caller owns (and closes) it from here on. */
    ThrowawayPostgres await() throws Exception {
        try {
            return started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        } catch (InterruptedException e) {
            discard();
            throw e;
        }
    }

    /** How long the generator warm-up took (zero when skipped). */
    Duration warmUpTime() {
        return warmUp;
    }

    /** How long the start itself took (on the other thread). */
    Duration startTime() {
        return took;
    }

    /**
     * Not needed after all (lint failed): skip the warm-up if it has not begun, wait for the thread
     * (a warm-up writes a scratch directory that a JVM exiting under it would leave behind), close.
     */
    void discard() {
        discarded = true;
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.thenAccept(ThrowawayPostgres::close);
    }
}
