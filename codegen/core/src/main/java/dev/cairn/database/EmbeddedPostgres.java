package dev.cairn.database;

import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server started from the binaries on the class path, on a free port of
 * 127.0.0.1, with its own temporary data directory and settings for speed (no fsync: the data is
 * thrown away). When the JVM runs as root, initdb and postgres run as an unprivileged user.
 *
 * <p>{@link #close()} stops the server and deletes its directory; a shutdown hook does the same
 * when the JVM exits first (failure, Ctrl-C).
 */
public final class EmbeddedPostgres implements ThrowawayPostgres {

    private static final String SUPERUSER = "postgres";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * initdb's arguments besides -D (also the initdb cache's key). 1 MB WAL segments instead of 16:
     * every copy of a data directory (initdb cache, snapshots) is 15 MB smaller.
     *
     * <p>Password authentication, not trust: the server listens on 127.0.0.1, where trust would make
     * every local user a superuser of it. The password is {@link ServerSecret}'s, readable by the
     * build's user only; initdb gets just its SCRAM verifier, and the driver the password.
     */
    private static final List<String> INITDB_ARGS = List.of("-U", SUPERUSER, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C",
            "--no-sync", "--wal-segsize=1");

    private final Path workDir;
    private final Optional<UnprivilegedUser> runAs;
    private final Thread shutdownHook;
    /** The process currently owned: initdb while initialising, then the server. */
    private volatile Process current;
    private volatile int port;
    private volatile String version;
    private volatile boolean initdbFromCache;
    private volatile boolean seeded;
    private volatile String password = "";
    private boolean closed;

    private EmbeddedPostgres(Path workDir, Optional<UnprivilegedUser> runAs) {
        this.workDir = workDir;
        this.runAs = runAs;
        this.shutdownHook = new Thread(this::stopAndDelete, "cairn-postgres-cleanup");
    }

    /** Starts a fresh server; the caller owns it and must close it. */
    public static EmbeddedPostgres start() throws IOException {
        return start(null);
    }

    /**
     * Where a server's data directory can come from instead of initdb: a stopped data directory
     * kept from an earlier run (a migrated snapshot). {@link #copyInto} fills {@code data}, which
     * does not exist yet, keeping owners and permissions.
     */
    @FunctionalInterface
    public interface DataSeed {
        void copyInto(Path data) throws IOException;
    }

    /** Starts a server on a copy of {@code seed} (null: a fresh initdb); the caller owns it and must close it. */
    public static EmbeddedPostgres start(DataSeed seed) throws IOException {
        Optional<UnprivilegedUser> runAs = UnprivilegedUser.whenRoot();
        Path install;
        EmbeddedPostgres pg;
        try {
            install = PostgresBinaries.install();
            LeftoverServers.removeAbandoned();
            pg = new EmbeddedPostgres(LeftoverServers.newWorkDir(), runAs);
        } catch (IOException e) {
            Optional<String> cause = TempFolderCheck.unusable(LeftoverServers.tmp(), e);
            if (cause.isPresent()) throw new IOException(cause.get(), e);
            throw e;
        }
        // From here on, Ctrl-C or a failure at any point still stops what was started and deletes the files.
        try {
            Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came while this start was on its way (it runs on a thread of its own): no hook
            // would remove the folder, so it goes now.
            FileTrees.deleteQuietly(pg.workDir);
            throw new IOException("Embedded PostgreSQL not started: the JVM is shutting down", shuttingDown);
        }
        try {
            pg.initialise(install, seed);
            return pg;
        } catch (IOException | RuntimeException e) {
            pg.close();
            // A temp folder the server's user cannot enter, or one mounted noexec, fails deep inside
            // initdb ("libicuuc.so.60: cannot open shared object file"): name the cause instead.
            java.util.Optional<String> cause = TempFolderCheck.problem(install, pg.workDir, runAs, e);
            if (cause.isPresent()) throw new IOException(cause.get(), e);
            throw e;
        }
    }

    private void initialise(Path install, DataSeed seed) throws IOException {
        Path data = workDir.resolve("data");
        if (seed != null) {
            synchronized (this) {
                if (closed) throw new IOException("Embedded PostgreSQL closed while starting");
                seed.copyInto(data);
            }
            seeded = true;
            password = ServerSecret.password();
            startServer(install, data);
            return;
        }
        // The key names the secret whose verifier a cached data directory holds.
        List<String> cacheKey = new ArrayList<>(INITDB_ARGS);
        cacheKey.add("--pwfile=<SCRAM verifier of server secret " + ServerSecret.id() + ">");
        Optional<InitdbCache> cache = InitdbCache.forInstall(install, cacheKey, runAs);
        // Copies into or out of the work directory hold this object's lock, which the cleanup also
        // takes: a shutdown hook never deletes the directory while a copy is still filling it.
        synchronized (this) {
            if (closed) throw new IOException("Embedded PostgreSQL closed while starting");
            initdbFromCache = cache.isPresent() && cache.get().copyTo(data);
        }
        if (!initdbFromCache) {
            Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (runAs.isPresent()) runAs.get().own(data);
            Path verifierFile = writeVerifier(workDir.resolve("initdb-verifier"));
            try {
                initdb(install, data, verifierFile, workDir.resolve("initdb.log"));
            } finally {
                Files.deleteIfExists(verifierFile);
            }
            // Before the first start: the cache must hold a never-started data directory.
            if (cache.isPresent()) {
                synchronized (this) {
                    if (closed) throw new IOException("Embedded PostgreSQL closed while starting");
                    cache.get().store(data, workDir.resolve("initdb-cache-staging"));
                }
            }
        }
        password = ServerSecret.password();
        startServer(install, data);
    }

    /**
     * The superuser's SCRAM verifier in a file the server's user can read (initdb --pwfile reads it
     * and stores it as it is); the password itself stays with {@link ServerSecret}.
     */
    private Path writeVerifier(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, ServerSecret.verifier() + "\n", StandardCharsets.UTF_8);
        if (runAs.isPresent()) runAs.get().own(file);
        return file;
    }

    private void startServer(Path install, Path data) throws IOException {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            // Started under the lock the clean-up takes: a Ctrl-C during the start either finds the
            // process to stop, or this finds the clean-up done and starts nothing.
            synchronized (this) {
                if (closed) throw new IOException("Embedded PostgreSQL closed while starting");
                current = startServer(install, data, port, runAs, workDir.resolve("postgres.log"));
            }
            try {
                version = awaitReady(current, port, password, workDir.resolve("postgres.log"));
                return;
            } catch (PortTakenException e) {
                // Another process took the port between probing and binding: try another one.
                stop(current);
                if (attempt == 3) throw new IOException(e.getMessage());
            }
        }
    }

    private void initdb(Path install, Path data, Path verifierFile, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(install.resolve("bin/initdb").toString(), "-D", data.toString()));
        cmd.addAll(INITDB_ARGS);
        cmd.add("--pwfile=" + verifierFile);
        Process p;
        synchronized (this) {
            if (closed) throw new IOException("Embedded PostgreSQL closed while starting");
            p = process(cmd, runAs, log).start();
            current = p;
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("initdb did not finish within 120 s; its output: " + tail(log));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running initdb", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("initdb failed (exit " + p.exitValue() + "):\n" + tail(log));
        }
    }

    private static Process startServer(Path install, Path data, int port, Optional<UnprivilegedUser> runAs, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(install.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", "",
                // Throwaway data: durability buys nothing here.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "wal_level=minimal", "-c", "max_wal_senders=0", "-c", "autovacuum=off",
                "-c", "jit=off", "-c", "max_connections=50", "-c", "shared_buffers=64MB",
                "-c", "logging_collector=off",
                // Old WAL is removed at each checkpoint, not kept for reuse: a stopped data directory stays small.
                "-c", "min_wal_size=2MB", "-c", "wal_recycle=off"));
        return process(cmd, runAs, log).start();
    }

    private static ProcessBuilder process(List<String> cmd, Optional<UnprivilegedUser> runAs, Path log) {
        List<String> command = new ArrayList<>(runAs.map(u -> u.wrap(cmd)).orElse(cmd));
        // A session of its own: Ctrl-C in a terminal signals the whole foreground process group, and
        // a server stopping by itself at that moment would fail the run with errors of its own before
        // cairn can say it was interrupted. cairn stops it. (setsid execs, so the pid stays the server's.)
        if (Files.isExecutable(SETSID)) command.addFirst(SETSID.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("PGDATA");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb;
    }

    private static String awaitReady(Process server, int port, String password, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2";
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                String out = tail(log);
                if (out.contains("could not bind") || out.contains("Address already in use")) {
                    throw new PortTakenException("PostgreSQL could not bind port " + port + ":\n" + out);
                }
                throw new IOException("PostgreSQL exited (code " + server.exitValue() + ") during start:\n" + out);
            }
            try (Connection c = java.sql.DriverManager.getConnection(url, SUPERUSER, password);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                last = e;
                // Not yet accepting (refused, starting up) is worth waiting for; any other answer (a damaged catalog:
                // "invalid page in block 0 of relation base/5/1259") is the server's last word: a minute changes nothing.
                if (!startingUp(e)) {
                    throw new IOException("PostgreSQL started but refuses connections: " + e.getMessage()
                            + " (SQL state " + e.getSQLState() + "):\n" + tail(log), e);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL", e);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s"
                + (last != null ? " (" + last.getMessage() + ")" : "") + ":\n" + tail(log));
    }

    /** Whether a failed connection means the server is still coming up: refused (08xxx), or "starting up" (57P03). */
    private static boolean startingUp(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.equals("57P03");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return password;
    }

    /**
     * Set when the server process ended while this object still owns it (killed, crashed, out of
     * memory): says so, with the end of its log, so that a failing migration or generate names the
     * real cause instead of a connection error.
     */
    @Override
    public Optional<String> ended() {
        Process p = current;
        synchronized (this) {
            if (closed || p == null || p.isAlive()) return Optional.empty();
        }
        int code = p.exitValue();
        String how = code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
        List<String> log = tail(workDir.resolve("postgres.log")).lines().filter(l -> !l.isBlank()).toList();
        String last = String.join(" | ", log.subList(Math.max(0, log.size() - 3), log.size()));
        return Optional.of("the throwaway PostgreSQL server (pid " + p.pid() + ") ended (" + how + ")"
                + (last.isEmpty() ? "; its log is empty" : "; the last lines of its log: " + last));
    }

    @Override
    public Optional<String> ended(java.time.Duration grace) {
        Process p = current;
        if (p != null && !closed) {
            try {
                p.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ended();
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version + " on 127.0.0.1:" + port
                + (seeded ? "" : initdbFromCache ? ", cached initdb" : "")
                + runAs.map(u -> " (as " + u.name() + ")").orElse("");
    }

    /** The server's process id, for tests that check nothing is left behind. */
    public long pid() {
        return current.pid();
    }

    /** Whether the data directory was copied from the initdb cache rather than made by initdb. */
    public boolean initdbFromCache() {
        return initdbFromCache;
    }

    /** The directory holding the data directory and logs; gone after {@link #close()}. */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /**
     * Stops the server cleanly and moves its data directory to {@code target} (which must not
     * exist) instead of deleting it, then removes the rest of the work directory. Returns false,
     * keeping nothing, when the server did not shut down cleanly: such a directory would need
     * crash recovery and is not worth keeping.
     */
    public boolean closeKeepingData(Path target) throws IOException {
        try {
            synchronized (this) {
                if (closed) return false;
                closed = true;
                Process p = current;
                if (p != null) stop(p);
                boolean clean = p != null && !p.isAlive() && p.exitValue() == 0
                        && !Files.exists(workDir.resolve("data/postmaster.pid"));
                try {
                    if (clean) moveTree(workDir.resolve("data"), target);
                    return clean;
                } finally {
                    FileTrees.deleteQuietly(workDir);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** A rename on one file system; a copy (owners kept) across file systems. */
    private static void moveTree(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            if (Files.exists(to)) throw e;
            FileTrees.copyTree(from, to);
        }
    }

    private synchronized void stopAndDelete() {
        if (closed) return;
        closed = true;
        Process p = current;
        if (p != null) stop(p);
        FileTrees.deleteQuietly(workDir);
    }

    /** Fast shutdown (SIGINT: disconnect clients, no checkpoint wait), then kill if it hangs. */
    private static void stop(Process server) {
        if (!server.isAlive()) return;
        try {
            // pid of setpriv is postgres' pid: setpriv execs it.
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static final class PortTakenException extends RuntimeException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
