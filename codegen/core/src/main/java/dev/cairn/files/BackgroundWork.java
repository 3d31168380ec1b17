package dev.cairn.files;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes directory trees on threads of their own. An evicted snapshot is a whole PostgreSQL data
 * directory: on a 2,000-migration chain its unlinks took 0.17 s of every run that evicted one, time
 * the run does not need to wait for. The JVM's exit waits for the deletions still running (a
 * shutdown hook per deletion, removed when it is done, so that a long-lived JVM such as an IDE's
 * Maven keeps no hook, thread or class loader for it); a kill leaves the tree where its owner's
 * next sweep finds it.
 */
public final class BackgroundDeletion {

    private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();

    private BackgroundDeletion() {
    }

    /** Deletes {@code tree} beside the caller, or at once when the JVM is already exiting. */
    public static void delete(Path tree) {
        Thread[] worker = new Thread[1];
        Thread exit = new Thread(() -> join(worker[0]), "cairn-background-delete-exit");
        worker[0] = new Thread(() -> {
            try {
                FileTrees.deleteQuietly(tree);
            } finally {
                RUNNING.remove(Thread.currentThread());
                try {
                    Runtime.getRuntime().removeShutdownHook(exit);
                } catch (IllegalStateException exiting) {
                    // the hook is running, and waits for this thread, which is done
                }
            }
        }, "cairn-background-delete");
        worker[0].setDaemon(true);
        try {
            Runtime.getRuntime().addShutdownHook(exit);
        } catch (IllegalStateException exiting) {
            FileTrees.deleteQuietly(tree);
            return;
        }
        RUNNING.add(worker[0]);
        worker[0].start();
    }

    /** Waits until every deletion started so far is done. */
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
