package dev.cairn.files;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Work a run does not need to wait for, on threads of their own: deleting an evicted snapshot (a
 * whole PostgreSQL data directory: its unlinks took 0.17 s of every 2,000-migration run that
 * evicted one), and writing the caches a run leaves for the next (the statement parses and file
 * hashes of 4,000 migrations: 50 ms of every run). The JVM's exit waits for the work still running
 * (a shutdown hook per task, removed when it is done, so that a long-lived JVM such as an IDE's
 * Maven keeps no hook, thread or class loader for it); a kill leaves a tree where its owner's next
 * sweep finds it, and a cache as it was (written to a temporary file, then moved).
 */
public final class BackgroundWork {

    private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();

    /** A task started beside the caller. */
    public interface Task {
        /** Waits until the task is done (at once when it is). */
        void await();
    }

    private BackgroundWork() {
    }

    /** Deletes {@code tree} beside the caller, or at once when the JVM is already exiting. */
    public static Task delete(Path tree) {
        return run("cairn-background-delete", () -> FileTrees.deleteQuietly(tree));
    }

    /** Runs {@code work} beside the caller, or at once when the JVM is already exiting. */
    public static Task run(String name, Runnable work) {
        Thread[] worker = new Thread[1];
        Thread exit = new Thread(() -> join(worker[0]), name + "-exit");
        worker[0] = new Thread(() -> {
            try {
                work.run();
            } finally {
                RUNNING.remove(Thread.currentThread());
                try {
                    Runtime.getRuntime().removeShutdownHook(exit);
                } catch (IllegalStateException exiting) {
                    // the hook is running, and waits for this thread, which is done
                }
            }
        }, name);
        worker[0].setDaemon(true);
        try {
            Runtime.getRuntime().addShutdownHook(exit);
        } catch (IllegalStateException exiting) {
            work.run();
            return () -> { };
        }
        RUNNING.add(worker[0]);
        worker[0].start();
        return () -> join(worker[0]);
    }

    /** Waits until every task started so far is done. */
    public static void await() {
        for (Thread t : Set.copyOf(RUNNING)) join(t);
    }

    private static void join(Thread t) {
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
