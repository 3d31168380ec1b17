package dev.cairn.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client's one conversation with a daemon. A daemon that is stopped (SIGSTOP), stuck or gone
 * never hangs a build: unless its first frame comes within {@link #ANSWER}, the connection is
 * closed and {@link #firstFrame()} throws {@link NoAnswer}; the daemon then finds its client gone
 * and drops the request.
 */
final class DaemonConnection implements AutoCloseable {

    /** How long a client waits for a daemon's first frame (a warm daemon answers in milliseconds). */
    static final Duration ANSWER = Duration.ofSeconds(10);

    /** No first frame within {@link #ANSWER}. */
    static final class NoAnswer extends IOException {
        NoAnswer() {
            super("did not answer within " + ANSWER.toSeconds() + " s", null);
        }
    }

    private final SocketChannel channel;
    private final DataOutputStream out;
    private final DataInputStream in;
    /** Set by the first frame or by the deadline, whichever comes first. */
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile boolean timedOut;

    private DaemonConnection(SocketChannel channel) {
        this.channel = channel;
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
    }

    /**
     * Connects; the deadline for the first frame starts now (a daemon whose backlog is full blocks
     * the connect itself, and the deadline ends that too).
     *
     * @throws java.net.ConnectException when nobody listens on the socket
     */
    static DaemonConnection open(Path socket) throws IOException {
        DaemonConnection c = new DaemonConnection(SocketChannel.open(StandardProtocolFamily.UNIX));
        CompletableFuture.delayedExecutor(ANSWER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (c.decided.compareAndSet(false, true)) {
                c.timedOut = true;
                c.close();
            }
        });
        try {
            c.channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            c.close();
            throw c.failure(e);
        }
        return c;
    }

    /** What a client writes: a request, or a cancel. */
    interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    /** Writes (a daemon that does not read blocks it until the deadline, which ends it with {@link NoAnswer}). */
    void send(Write w) throws IOException {
        try {
            synchronized (out) {
                w.to(out);
                out.flush();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The first frame's byte; after {@link #ANSWER} without one, {@link NoAnswer}. */
    byte firstFrame() throws IOException {
        try {
            byte frame = in.readByte();
            if (!decided.compareAndSet(false, true)) throw new NoAnswer();
            return frame;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code e}, or {@link NoAnswer} when the deadline closed the connection under it. */
    private IOException failure(IOException e) {
        decided.compareAndSet(false, true);
        return timedOut && !(e instanceof NoAnswer) ? new NoAnswer() : e;
    }

    DataInputStream in() {
        return in;
    }


    @Override
    public void close() {
        try {
            channel.close(); // a read blocked on it ends with an AsynchronousCloseException
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
