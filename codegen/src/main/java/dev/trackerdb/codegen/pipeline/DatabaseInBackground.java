package dev.trackerdb.codegen.pipeline;

import dev.trackerdb.codegen.database.DatabaseProvider;
import dev.trackerdb.codegen.database.ThrowawayPostgres;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A throwaway database started on its own thread, so that initdb and the server start overlap the
 * lint stage (both take seconds; on two cores they run side by side). Whoever ends up not using
 * the database calls {@link #discard()}: it is closed as soon as it is up. A JVM that exits first
 * is covered by the database's own shutdown hook.
 */
final class DatabaseInBackground {

    private final CompletableFuture<ThrowawayPostgres> started;
    private volatile Duration took = Duration.ZERO;

    private DatabaseInBackground(DatabaseProvider provider) {
        this.started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                ThrowawayPostgres db = provider.start();
                took = Duration.ofNanos(System.nanoTime() - t0);
                started.complete(db);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "trackerdb-database-start");
        t.setDaemon(true);
        t.start();
    }

    static DatabaseInBackground start(DatabaseProvider provider) {
        return new DatabaseInBackground(provider);
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

    /** How long the start itself took (on the other thread). */
    Duration startTime() {
        return took;
    }

    /** Not needed after all (lint failed): close it once it is up. */
    void discard() {
        started.thenAccept(ThrowawayPostgres::close);
    }
}
