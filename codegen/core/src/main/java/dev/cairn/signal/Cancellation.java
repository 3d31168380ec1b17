package dev.cairn.signal;

/**
 * A run done for a client in a JVM that stays (the warm engine): the client may withdraw it (its
 * Ctrl-C, or it went away) until the run begins to publish, and from then on not. Bound to the
 * thread that runs it, {@link Interruption#stage} stops it at its next stage and
 * {@link Interruption#writing} refuses to begin, so nothing committed changes for a client that is gone.
 */
public final class Cancellation implements AutoCloseable {

    private enum State { RUNNING, CANCELLED, WRITING }

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private State state = State.RUNNING;

    private Cancellation() {
    }

    /** A cancellation for the run the calling thread does now, until {@link #close()}. */
    public static Cancellation ofThisThread() {
        Cancellation c = new Cancellation();
        CURRENT.set(c);
        return c;
    }

    /**
     * Withdraws the run, from any thread.
     *
     * @return true when it will not write (it had not begun to); false when it is writing or wrote, and finishes
     */
    public synchronized boolean cancel() {
        if (state == State.WRITING) return false;
        state = State.CANCELLED;
        return true;
    }

    public synchronized boolean cancelled() {
        return state == State.CANCELLED;
    }

    static boolean cancelledHere() {
        Cancellation c = CURRENT.get();
        return c != null && c.cancelled();
    }

    /** Before committed files change: false when withdrawn; after it, the run can no longer be. */
    static boolean mayWriteHere() {
        Cancellation c = CURRENT.get();
        if (c == null) return true;
        synchronized (c) {
            if (c.state == State.CANCELLED) return false;
            c.state = State.WRITING;
            return true;
        }
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) CURRENT.remove();
    }
}
