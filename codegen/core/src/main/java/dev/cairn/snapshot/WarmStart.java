package dev.cairn.snapshot;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.files.BackgroundWork;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * For a loop of runs ({@code generate --watch}): the snapshot a run ends on is where the next run
 * most likely starts, so a server is started from it at once, between runs, on a thread of its own.
 * The next run takes it when its best snapshot is that one; anything else closes it. At most one
 * server waits; {@link #close()} stops it (and waits for the caches the last run still writes), and
 * a JVM that exits first is covered by the server's own shutdown hook.
 */
public final class WarmStart implements AutoCloseable {

    private record Started(Snapshot snapshot, CompletableFuture<ThrowawayPostgres> server) {
    }

    private Started next;
    private boolean closed;

    /** Starts a server on a copy of {@code s}; one started earlier and not taken is stopped. */
    synchronized void prepare(Snapshot s, DatabaseProvider embedded, SnapshotCache cache) {
        if (closed) return;
        discardLocked();
        CompletableFuture<ThrowawayPostgres> server = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                server.complete(embedded.startFrom(data -> cache.copyOut(s, data)));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "cairn-warm-start");
        t.setDaemon(true);
        t.start();
        next = new Started(s, server);
    }

    /**
     * The server started ahead from {@code s} (waiting for its start to end), or empty when none was
     * prepared from that snapshot or its start failed; a server prepared from another one is stopped.
     */
    Optional<ThrowawayPostgres> take(Snapshot s) {
        Started taken;
        synchronized (this) {
            taken = next;
            next = null;
        }
        if (taken == null) return Optional.empty();
        if (!taken.snapshot().directory().equals(s.directory()) || !taken.snapshot().applied().equals(s.applied())) {
            stop(taken);
            return Optional.empty();
        }
        try {
            return Optional.of(taken.server().get(2, TimeUnit.MINUTES));
        } catch (Exception e) {
            stop(taken);
            return Optional.empty(); // the run starts its own, as without a warm start
        }
    }

    /** Not needed (the run starts from zero or from another snapshot). */
    void discard() {
        synchronized (this) {
            discardLocked();
        }
    }

    private void discardLocked() {
        if (next != null) {
            Started s = next;
            next = null;
            s.server().thenAccept(ThrowawayPostgres::close);
        }
    }

    /** Stops a server still starting or waiting; waits for it, so that nothing is left when the watch ends. */
    private static void stop(Started s) {
        try {
            s.server().get(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (Exception notStarted) {
            // its start failed (and cleaned up after itself) or is stuck: its shutdown hook remains
        }
    }

    @Override
    public void close() {
        Started last;
        synchronized (this) {
            closed = true;
            last = next;
            next = null;
        }
        if (last != null) stop(last);
        // The loop's last run may still be writing its caches (Pipeline writes them after each run of a loop).
        BackgroundWork.await();
    }
}
