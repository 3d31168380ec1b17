package dev.cairn.daemon;

import dev.cairn.build.ErrorText;
import dev.cairn.build.Goals;
import dev.cairn.build.QuietLibraries;
import dev.cairn.config.CairnSettings;
import dev.cairn.files.FileTrees;
import dev.cairn.files.OwnedFolders;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.pipeline.RunOutput;
import dev.cairn.lint.Severity;
import dev.cairn.signal.Cancellation;
import dev.cairn.snapshot.WarmStart;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The warm engine of one project: a JVM that keeps cairn, jOOQ and Flyway loaded (and compiled),
 * and between runs one server started ahead from the snapshot the last run ended on, and runs the
 * generates its clients send, one at a time, as {@link Goals#run} runs them in their own JVM.
 *
 * <p>It exits, stopping that server, when no run came for the idle time, when its engine's class
 * path changed (a rebuilt or upgraded cairn gets a daemon of its own), when the project folder is
 * gone, and on SIGTERM. A file lock makes it the only daemon at its address; its output goes to
 * the log beside the socket.
 */
public final class GenerateDaemon implements AutoCloseable {

    private static final Duration TICK = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DaemonAddress address;
    private final Duration idle;
    private final EngineClassPath engine;
    private final String engineIdentity;
    /** Bound only after the warm-up: until then a build finds no daemon and runs in its own JVM, not waiting. */
    private volatile ServerSocketChannel server;
    private final WarmStart warm = new WarmStart();
    private volatile long lastUsed = System.nanoTime();
    /** Held by the generate that runs: one at a time, and a stop waits for it. */
    private final ReentrantLock generating = new ReentrantLock();
    private volatile String stopReason = "stopped";
    private volatile int runs;

    private GenerateDaemon(DaemonAddress address, Duration idle) {
        this.address = address;
        this.idle = idle;
        this.engine = EngineClassPath.current();
        this.engineIdentity = engine.identity();
    }

    /** {@code GenerateDaemon SOCKET PROJECT_DIR IDLE_SECONDS}; the settings of the run that started it come on stdin. */
    public static void main(String[] args) throws Exception {
        DaemonAddress address = DaemonAddress.at(Path.of(args[0]), Path.of(args[1]));
        Path socket = address.socket();
        Duration idle = Duration.ofSeconds(Long.parseLong(args[2]));
        DaemonProtocol.Request first = readFirst();
        QuietLibraries.apply();
        try (FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                log("another daemon serves " + address.baseDir() + "; exiting");
                return;
            }
            // Its pid, for a client that gets no answer to name what it waited for.
            lockFile.truncate(0).write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            removeOld(socket.getParent());
            try (GenerateDaemon daemon = new GenerateDaemon(address, idle)) {
                Runtime.getRuntime().addShutdownHook(new Thread(daemon::shutDown, "cairn-daemon-stop"));
                log("pid " + ProcessHandle.current().pid() + " serves " + address.baseDir() + "; exits after "
                        + DaemonClient.minutes(idle) + " without a run");
                daemon.warmUp(first);
                Files.deleteIfExists(socket); // left by a daemon that was killed
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                daemon.server = server;
                daemon.serve();
                daemon.awaitRun();
            } finally {
                Files.deleteIfExists(socket);
            }
        }
        System.exit(0); // threads a run left (pools, timers) must not keep the JVM
    }

    /**
     * Logs and locks of daemons of engines and projects long gone (a week without a change): only
     * files named as a daemon's are, never through a link, whatever else the folder holds.
     */
    static void removeOld(Path folder) {
        long weekAgo = System.currentTimeMillis() - Duration.ofDays(7).toMillis();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!DaemonAddress.ownFile(f) || name.endsWith(".sock")) continue;
                // a listening daemon's lock is never old news, however long it has waited
                if (Files.exists(f.resolveSibling(name.replaceFirst("\\.(lock|log)$", ".sock")), LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && a.lastModifiedTime().toMillis() < weekAgo) Files.deleteIfExists(f);
                } catch (IOException busy) {
                    // another daemon's, or gone already
                }
            }
        } catch (IOException unreadable) {
            // only tidying
        }
    }

    private static DaemonProtocol.Request readFirst() {
        try {
            DaemonProtocol.Request r = DaemonProtocol.readRequest(new DataInputStream(new BufferedInputStream(System.in)));
            return r.stop() ? null : r;
        } catch (IOException | RuntimeException unreadable) {
            log("no warm-up: the request it was started with could not be read (" + ErrorText.of(unreadable) + ")");
            return null;
        }
    }

    /**
     * Before it listens: one generate of the project as it is now into a scratch folder (its lock,
     * fingerprint, output and caches there, nothing of the project's written). It loads and compiles
     * what a run runs, and ends, as every run does, with the next run's server started ahead from
     * the snapshot it used. A build meanwhile finds no socket and runs in its own JVM.
     */
    private void warmUp(DaemonProtocol.Request first) {
        if (first == null) return;
        long t0 = System.nanoTime();
        Path scratch = null;
        try {
            scratch = OwnedFolders.create(Path.of(System.getProperty("java.io.tmpdir")), "cairn-daemon-warm-up-");
            CairnSettings s = first.settings();
            Map<String, String> env = first.environment();
            PipelineOptions real = s.pipelineOptions(env);
            Path lock = scratch.resolve("migrations.lock");
            if (Files.isRegularFile(real.lockFile())) Files.copy(real.lockFile(), lock);
            PipelineOptions options = real.withOutput(scratch.resolve("out"), lock, scratch.resolve("codegen.fingerprint"))
                    .withPolicy(dev.cairn.config.RunPolicy.local());
            PipelineResult r = new Pipeline(s.databaseChoice(env).provider(line -> { }), line -> { })
                    .withSnapshots(s.snapshotCache(env)).withWarmStart(warm).run(options);
            log(String.format("warm-up: %d tables generated into a scratch folder, %.1f s", r.tables(),
                    (System.nanoTime() - t0) / 1e9));
        } catch (Exception | Error e) {
            log("warm-up failed (the first run is slower): " + ErrorText.of(e));
        } finally {
            if (scratch != null) FileTrees.deleteQuietly(scratch);
            lastUsed = System.nanoTime(); // the idle time counts from here
        }
    }

    /**
     * Each client on a thread of its own, so that stop and status are answered beside a running
     * generate; generates run one at a time ({@link #generating}).
     */
    private void serve() {
        Thread watchdog = new Thread(this::watch, "cairn-daemon-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException stopped) {
                log(stopReason);
                return;
            } catch (IOException e) {
                log("accept failed: " + ErrorText.of(e) + "; exiting");
                return;
            }
            Thread t = new Thread(() -> serveOne(client), "cairn-daemon-client");
            t.setDaemon(true);
            t.start();
        }
    }

    /** After a stop: the generate that runs ends first (its client is told its end, its server stopped). */
    private void awaitRun() {
        generating.lock();
        generating.unlock();
    }

    private void serveOne(SocketChannel client) {
        try (client;
             DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
             Frames out = new Frames(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client))))) {
            DaemonProtocol.Request r;
            try {
                r = DaemonProtocol.readRequest(in);
            } catch (EOFException gone) {
                return; // a client that only probed, or gave up
            } catch (IOException | RuntimeException unreadable) {
                // The client runs the generate itself and says why in one line; this daemon serves the next.
                log("a request it could not read: " + ErrorText.of(unreadable));
                out.refused("it could not read the request: " + ErrorText.of(unreadable) + "; its log: " + address.log());
                return;
            }
            if (r.stop()) {
                out.exit(0);
                if (out.gone()) {
                    log("a stop dropped: its client was gone (it was told: not stopped)");
                    return;
                }
                stopReason = "stopped (daemon=stop, or cairn daemon --stop)";
                shutDown();
            } else if (r.status()) {
                out.line(DaemonProtocol.OUT, status());
                out.exit(0);
            } else {
                generate(r, in, out);
            }
        } catch (IOException | RuntimeException | Error e) {
            log("a client: " + ErrorText.of(e));
        }
    }

    /**
     * One generate. Its client may go (its timeout, Ctrl-C, a killed build) at any time before the
     * run publishes: a thread reads the connection meanwhile, and its end or a cancel frame cancels
     * the run, which then stops at its next stage and never writes (see {@link Cancellation}).
     */
    private void generate(DaemonProtocol.Request r, DataInputStream in, Frames out) {
        long t0 = System.nanoTime();
        String project = r.settings().baseDir().toString();
        out.hello(ProcessHandle.current().pid());
        if (out.gone()) {
            log("a generate dropped: its client was gone before it began");
            return;
        }
        generating.lock();
        int run = 0;
        int code = -1;
        String end = "";
        try (Cancellation cancel = Cancellation.ofThisThread()) {
            Thread watcher = new Thread(() -> watchClient(in, out, cancel), "cairn-daemon-client-watch");
            watcher.setDaemon(true);
            watcher.start();
            if (!server.isOpen()) {
                out.refused("it is stopping");
                return;
            }
            if (!r.settings().baseDir().equals(address.baseDir())) {
                out.failure("this daemon serves " + address.baseDir() + ", not " + project); // never, by the address's hash
                return;
            }
            run = ++runs;
            out.line(DaemonProtocol.OUT, String.format("%-11s %s", "daemon",
                    "run " + run + " in the warm engine, pid " + ProcessHandle.current().pid() + " (daemon=off runs here, daemon=stop stops it)"));
            if (out.gone()) cancel.cancel(); // it went while this run waited for the one before: stops at its first stage
            try {
                RunOutput lines = (level, l) -> {
                    if (level == Severity.ERROR || level == Severity.WARNING) out.leveled(level, l);
                    else out.line(DaemonProtocol.OUT, l);
                };
                code = Goals.run(r.settings(), r.environment(), lines, l -> out.line(DaemonProtocol.ERR, l), out::result, warm);
                out.exit(code);
            } catch (Exception | Error e) {
                if (cancel.cancelled()) {
                    end = ", dropped before it wrote anything (its client cancelled or went away)";
                } else {
                    log("run " + run + " failed: " + ErrorText.of(e));
                    out.failure(ErrorText.of(e));
                }
            }
        } finally {
            lastUsed = System.nanoTime();
            generating.unlock();
        }
        log(String.format("run %d for %s: exit %d, %.1f s%s", run, project, code, (System.nanoTime() - t0) / 1e9, end));
        // The client has its answer: give the run's garbage back now, so that a daemon waiting for
        // the next save holds what it keeps (the loaded engine), not the last run's heap.
        System.gc();
    }

    /** Until the run's end closes the connection: a cancel frame is answered, the client's end cancels. */
    private static void watchClient(DataInputStream in, Frames out, Cancellation cancel) {
        try {
            while (in.read() == DaemonProtocol.CANCEL) out.cancelled(cancel.cancel());
        } catch (IOException closed) {
            return; // the run ended (its connection closed under this read), or the client went away
        }
        cancel.cancel(); // the end of its stream: the client is gone
    }

    /** One line for {@code cairn daemon}: pid, project, runs, how long idle, heap in use. */
    private String status() {
        Runtime rt = Runtime.getRuntime();
        long idleFor = Duration.ofNanos(System.nanoTime() - lastUsed).toSeconds();
        return String.format("pid %-7d %s  %d run%s, %s (exits after %s), heap %d MB",
                ProcessHandle.current().pid(), address.baseDir(), runs, runs == 1 ? "" : "s",
                generating.isLocked() ? "running one" : "idle " + (idleFor < 60 ? idleFor + " s" : idleFor / 60 + " min"),
                DaemonClient.minutes(idle),
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Frames to one client; a client that went away stops getting them (its run is cancelled: {@link #watchClient}). */
    private static final class Frames implements AutoCloseable {
        private final DataOutputStream out;
        private boolean gone;

        Frames(DataOutputStream out) {
            this.out = out;
        }

        synchronized void line(byte stream, String text) {
            send(() -> DaemonProtocol.writeLine(out, stream, text));
        }

        synchronized void leveled(Severity level, String text) {
            send(() -> DaemonProtocol.writeLeveled(out, level, text));
        }

        synchronized void result(PipelineResult r) {
            send(() -> DaemonProtocol.writeResult(out, r));
        }

        synchronized void exit(int code) {
            send(() -> DaemonProtocol.writeExit(out, code));
        }

        synchronized void failure(String message) {
            send(() -> DaemonProtocol.writeLine(out, DaemonProtocol.FAILED, message));
        }

        synchronized void hello(long pid) {
            send(() -> DaemonProtocol.writeHello(out, pid));
        }

        synchronized void refused(String why) {
            send(() -> DaemonProtocol.writeLine(out, DaemonProtocol.REFUSED, why));
        }

        synchronized void cancelled(boolean stops) {
            send(() -> DaemonProtocol.writeCancelled(out, stops));
        }

        /** Whether a write found the client gone (a closed socket fails the write at once). */
        synchronized boolean gone() {
            return gone;
        }

        private interface Write {
            void run() throws IOException;
        }

        private void send(Write w) {
            if (gone) return;
            try {
                w.run();
            } catch (IOException e) {
                gone = true;
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the client is gone
            }
        }
    }

    /** Every few seconds: idle too long, engine changed, project gone: stop accepting, which ends {@link #serve}. */
    private void watch() {
        while (server.isOpen()) {
            try {
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (generating.isLocked()) continue;
            String reason = null;
            if (System.nanoTime() - lastUsed > idle.toNanos()) reason = "no run for " + DaemonClient.minutes(idle);
            else if (!Files.isDirectory(address.baseDir())) reason = "the project folder is gone";
            else if (!engine.identity().equals(engineIdentity)) reason = "its engine's class path changed";
            if (reason != null) {
                stopReason = reason + "; exiting";
                shutDown();
            }
        }
    }

    /** Also the SIGTERM hook: the JVM may end before {@link #main} gets past {@link #serve}. */
    private void shutDown() {
        try {
            if (server != null) server.close();
            Files.deleteIfExists(address.socket());
        } catch (IOException ignored) {
            // closing anyway
        }
        warm.close();
    }

    @Override
    public void close() {
        shutDown();
    }

    private static void log(String line) {
        System.out.println(LocalTime.now().format(TIME) + "  " + line);
    }
}
