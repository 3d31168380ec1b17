package dev.cairn.signal;

import sun.misc.Signal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a command: one line, {@code interrupted during <stage>;
 * nothing was written}, exit 130 or 143, and nothing else. Without this, the server's shutdown
 * hook stops PostgreSQL under a running migration or generate, and every library on the way up
 * reports its own failure (Flyway's rollback errors, jOOQ's "If you think this is a bug" block,
 * SQL dumps) before the JVM ends.
 *
 * <p>The handler prints the line first, then mutes: {@link #mute} swaps System.out/err for a null
 * stream, and every error path of a goal calls {@link #parkIfRequested()}, so the failures that
 * the stop causes are never reported. A JVM shutdown hook then waits (bounded) until the working
 * thread has run its {@code finally} blocks (staging folders deleted) and parked; the servers'
 * own hooks stop them meanwhile. Committed files are changed only inside {@link #writing}: an
 * interruption waits for it to finish, so "nothing was written" is never half true.
 */
public final class Interruption {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Object WRITING = new Object();

    private static volatile String stage = "start";
    private static volatile boolean requested;
    private static volatile boolean written;
    private static volatile CountDownLatch settled = new CountDownLatch(0);
    private static int depth;
    private static Map<String, sun.misc.SignalHandler> previous = Map.of();

    private Interruption() {
    }

    /**
     * The stage the work is in now (what the line names). Throws when the work was interrupted,
     * so that it stops, running its {@code finally} blocks on the way out.
     */
    public static void stage(String name) {
        stage = name;
        if (requested || Cancellation.cancelledHere()) throw new Stopped();
    }

    private static volatile Supplier<String> elsewhere;

    /**
     * While the work runs in another process (the warm engine) or, with null, here again: an
     * interruption asks that process to stop it ({@code stopIt}, bounded), and its answer is the line.
     */
    public static void workElsewhere(Supplier<String> stopIt) {
        elsewhere = stopIt;
    }

    /** The stage the work is in now. */
    public static String stageNow() {
        return stage;
    }

    /** Thrown into the work after an interruption; never reported ({@link #parkIfRequested()}). */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }

    public static boolean requested() {
        return requested;
    }

    /**
     * Handles SIGINT and SIGTERM until {@link Handlers#close()}; the calling thread is the one doing
     * the work. Nested calls (the CLI installs, then a goal) are no-ops.
     */
    public static synchronized Handlers install(PrintStream lineTo) {
        if (depth++ > 0) return new Handlers();
        worker = Thread.currentThread();
        stage = "start";
        onStop = null;
        written = false;
        settled = new CountDownLatch(1);
        Map<String, sun.misc.SignalHandler> old = new HashMap<>();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                old.put(name, Signal.handle(new Signal(name), s -> interrupted(s, lineTo)));
            } catch (IllegalArgumentException notHere) {
                // the JVM was started with -Xrs, or the platform lacks the signal: its default applies
            }
        }
        previous = old;
        Thread waitForWork = new Thread(Interruption::awaitSettled, "cairn-interrupted-wait");
        Runtime.getRuntime().addShutdownHook(waitForWork);
        hook = waitForWork;
        return new Handlers();
    }

    private static Thread hook;
    private static volatile Thread worker;
    private static final java.util.List<Gate> GATES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Restores the previous handlers when the outermost install closes. */
    public static final class Handlers implements AutoCloseable {
        private boolean closed;

        @Override
        public void close() {
            synchronized (Interruption.class) {
                if (closed) return;
                closed = true;
                if (--depth > 0) return;
                settled.countDown();
                if (requested) return; // shutting down: the handlers stay
                onStop = null;
                previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
    }

    /**
     * For a command on a real database, where "nothing was written" may not be true: on an
     * interruption {@code stop} runs instead (it cancels the command's statements on the server and
     * reads the state they left), and the line is {@code interrupted during <stage>: <its answer>}.
     * Cleared when the handlers close.
     */
    public static void whenStopped(Callable<String> stop) {
        onStop = stop;
    }

    private static volatile Callable<String> onStop;

    private static void interrupted(Signal signal, PrintStream lineTo) {
        Callable<String> stop;
        synchronized (WRITING) {
            if (requested) return;
            Supplier<String> remote = elsewhere;
            // Asked before the stop is requested: the lines of the other process still show meanwhile.
            String line = remote != null ? remote.get() : written ? "interrupted after the generated code and fingerprint were written"
                    : "interrupted during " + stage + "; nothing was written";
            requested = true;
            stop = onStop;
            if (stop == null) {
                lineTo.println(line);
                lineTo.flush();
            }
            mute();
            // The worker reads the other process's answer: interrupted, its channel closes and it parks.
            if (remote != null && worker != null) worker.interrupt();
        }
        if (stop != null) {
            // The work goes on meanwhile, muted; the stop's own waits are bounded.
            String state;
            try {
                state = stop.call();
            } catch (Exception e) {
                state = "could not stop its statements on the server or read the state they left (" + e.getMessage()
                        + "); a statement may still run there until it ends: check pg_stat_activity";
            }
            lineTo.println("interrupted during " + stage + ": " + state);
            lineTo.flush();
        }
        // 130 for SIGINT, 143 for SIGTERM, as the JVM's own handler would exit; hooks stop the servers.
        System.exit(128 + signal.getNumber());
    }

    private static void awaitSettled() {
        if (!requested) return;
        try {
            settled.await(SETTLE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code body}, which changes committed files (the generated code, its fingerprint), so
     * that an interruption either comes before it (and it does not run) or after it.
     */
    public static <T> T writing(Callable<T> body) throws Exception {
        synchronized (WRITING) {
            if (requested || !Cancellation.mayWriteHere()) throw new Stopped();
            T result = body.call();
            written = true;
            return result;
        }
    }

    /**
     * On an error path: when the work was interrupted, the error is a consequence of the stop
     * (the server went away under it). Say nothing; this thread waits for the JVM to end.
     */
    public static void parkIfRequested() {
        if (!requested) return;
        if (Thread.currentThread() == worker) settled.countDown();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: the JVM is ending
            }
        }
    }

    /**
     * For a process of its own (the CLI): System.out and System.err through gates that an
     * interruption closes, so that writers made from them now (picocli's, loggers') go quiet too.
     */
    public static void gateSystemStreams() {
        Gate out = new Gate(System.out);
        Gate err = new Gate(System.err);
        GATES.add(out);
        GATES.add(err);
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    /**
     * Also run on an interruption: silences a library whose logger writes elsewhere than
     * System.out/err (inside Maven, its own logger; jOOQ logs there too).
     */
    public static void alsoMute(Runnable silence) {
        MUTES.addIfAbsent(silence);
    }

    private static final java.util.concurrent.CopyOnWriteArrayList<Runnable> MUTES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Closes the gates, and swaps System.out and System.err for streams that drop everything. */
    private static void mute() {
        GATES.forEach(g -> g.open = false);
        for (Runnable m : MUTES) {
            try {
                m.run();
            } catch (RuntimeException | LinkageError e) {
                // a library version without that switch: its lines may still show
            }
        }
        PrintStream nothing = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nothing);
        System.setErr(nothing);
    }

    private static final class Gate extends OutputStream {
        private final OutputStream to;
        private volatile boolean open = true;

        Gate(OutputStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            if (open) to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            if (open) to.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            if (open) to.flush();
        }
    }
}
