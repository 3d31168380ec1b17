package dev.cairn.daemon;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.pipeline.RunOutput;
import dev.cairn.lint.Severity;

import dev.cairn.signal.Interruption;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front ends' side of the warm engine ({@link GenerateDaemon}): hands a generate to the
 * project's daemon when one is up, and starts one after a run that needed a database here.
 */
public final class DaemonClient {

    private static final Pattern IDLE = Pattern.compile("(\\d+)\\s*([smh])");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private DaemonClient() {
    }

    /**
     * How long a daemon would wait for the next run, or empty where none is used: {@code daemon=off}
     * or {@code stop}, a run whose policy takes no shortcut (CI, check, --force), Windows.
     *
     * @throws IllegalArgumentException for a value that is no time, off or stop, naming where it came from
     */
    public static Optional<Duration> wanted(CairnSettings settings, Map<String, String> environment) {
        if (off(settings)) return Optional.empty();
        String v = settings.value(Setting.DAEMON).toLowerCase(Locale.ROOT);
        Matcher m = IDLE.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("daemon (" + settings.sources().get(Setting.DAEMON) + ") must be a time such as 30m,"
                    + " 90s or 2h, off or stop; not '" + settings.value(Setting.DAEMON) + "'.");
        }
        // CI, check and --force prove the chain from zero in a JVM of their own.
        if (!settings.policy(environment).trustsShortcuts()) return Optional.empty();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return Optional.empty();
        long n = Long.parseLong(m.group(1));
        Duration idle = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        return idle.isZero() ? Optional.empty() : Optional.of(idle);
    }

    /** Whether the setting leaves the daemon out ({@code off}, or {@code stop}). */
    public static boolean off(CairnSettings settings) {
        String v = settings.value(Setting.DAEMON).toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("off") || v.equals("false") || v.equals("0") || v.equals("no") || stopping(settings);
    }

    /** {@code daemon=stop}: stop the project's daemon, and run in this JVM. */
    public static boolean stopping(CairnSettings settings) {
        return settings.value(Setting.DAEMON).equalsIgnoreCase("stop");
    }

    /**
     * {@code cairn daemon}: one line per daemon of this user, or (with {@code stop}) stops each and
     * says so. A socket nobody listens on (a daemon killed outright) is removed; a daemon that does
     * not answer (stopped, stuck) is named with its pid and left.
     *
     * @return how many daemons answered
     */
    public static int everyDaemon(boolean stop, Consumer<String> out) throws IOException {
        Path folder = DaemonAddress.folder();
        List<Path> sockets;
        try (var files = Files.list(folder)) {
            sockets = files.filter(f -> DaemonAddress.ownFile(f) && f.getFileName().toString().endsWith(".sock")).sorted().toList();
        }
        int answered = 0;
        int stuck = 0;
        for (Path socket : sockets) {
            try {
                String status = String.join(" ", ask(socket, DaemonProtocol.STATUS));
                if (stop) ask(socket, DaemonProtocol.STOP);
                out.accept(stop ? "stopped " + status : status);
                answered++;
            } catch (DaemonConnection.NoAnswer silent) {
                stuck++;
                out.accept(engine(DaemonAddress.at(socket, folder)) + " " + silent.getMessage() + " (stopped, or stuck): "
                        + (stop ? "not stopped" : "left as it is") + "; its socket " + socket);
            } catch (IOException gone) {
                Files.deleteIfExists(socket);
            }
        }
        if (answered + stuck == 0) out.accept("no cairn daemon runs for this user (" + folder + ")");
        return answered;
    }

    /** A request without settings; the daemon's lines until its exit frame. */
    static List<String> ask(Path socket, byte kind) throws IOException {
        List<String> lines = new ArrayList<>();
        try (DaemonConnection c = DaemonConnection.open(socket)) {
            c.send(request -> DaemonProtocol.writeBare(request, kind));
            for (byte frame = c.firstFrame(); frame == DaemonProtocol.OUT; frame = c.in().readByte()) {
                lines.add(DaemonProtocol.readString(c.in()));
            }
        }
        return lines;
    }

    /** Stops the project's daemon, if one is up (a run with {@code daemon=stop}), and says so. */
    public static void stop(CairnSettings settings, Map<String, String> environment, Consumer<String> out) {
        DaemonAddress address = null;
        try {
            address = DaemonAddress.of(settings.baseDir(), EngineClassPath.current(), environment);
            if (!Files.exists(address.socket(), LinkOption.NOFOLLOW_LINKS)) return;
            ask(address.socket(), DaemonProtocol.STOP);
            out.accept(line("stopped this project's warm engine (daemon=stop)"));
        } catch (DaemonConnection.NoAnswer stuck) {
            out.accept(line(engine(address) + " " + stuck.getMessage() + " (stopped, or stuck): not stopped"));
        } catch (IOException | UnsupportedOperationException none) {
            // none was listening
        }
    }

    /**
     * Runs the generate in the project's daemon, its lines to {@code out} and {@code err} as they
     * come; empty when no daemon answered before the run began (the caller runs it itself), said in
     * one line when a daemon was there. Ctrl-C meanwhile asks the daemon to drop the run, and the
     * line says whether it did.
     *
     * @return the run's exit code
     * @throws IOException when the daemon stopped in the middle of the run
     * @throws IllegalStateException the run's failure, with its message
     */
    public static Optional<Integer> run(CairnSettings settings, Map<String, String> environment, Consumer<String> out,
                                        Consumer<String> err, Consumer<PipelineResult> onResult) throws IOException {
        DaemonAddress address;
        try {
            address = DaemonAddress.of(settings.baseDir(), EngineClassPath.current(), environment);
        } catch (IOException | UnsupportedOperationException noDaemons) {
            return Optional.empty();
        }
        if (!Files.exists(address.socket(), LinkOption.NOFOLLOW_LINKS)) {
            // Started by an earlier run and not listening yet: say why this run is not warm.
            if (starting(address)) out.accept(line("still warming up (started by an earlier run):"
                    + " this run runs in its own JVM, the next one in the warm engine"));
            return Optional.empty();
        }
        DaemonConnection c;
        try {
            c = DaemonConnection.open(address.socket());
        } catch (DaemonConnection.NoAnswer stuck) {
            out.accept(line(engine(address) + " " + stuck.getMessage() + ": this run runs in its own JVM"));
            return Optional.empty();
        } catch (IOException notListening) {
            // A daemon killed outright (or one exiting this moment) left its socket; the next one started replaces it.
            out.accept(line(engine(address) + " is gone (" + notListening.getMessage() + "; its log: " + address.log()
                    + "): this run runs in its own JVM"));
            return Optional.empty();
        }
        long[] pid = {address.pid().orElse(-1L)};
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        boolean begun = false;
        try (c) {
            c.send(request -> DaemonProtocol.writeRequest(request, settings, environment));
            Interruption.workElsewhere(() -> cancel(c, cancelled, pid[0], address));
            DataInputStream in = c.in();
            for (byte frame = c.firstFrame(); ; frame = in.readByte()) {
                switch (frame) {
                    case DaemonProtocol.HELLO -> pid[0] = in.readLong();
                    case DaemonProtocol.REFUSED -> {
                        out.accept(line(engine(pid[0]) + " did not take this run (" + DaemonProtocol.readString(in)
                                + "): this run runs in its own JVM"));
                        return Optional.empty();
                    }
                    case DaemonProtocol.OUT -> {
                        begun = true;
                        out.accept(DaemonProtocol.readString(in));
                    }
                    case DaemonProtocol.ERR -> {
                        begun = true;
                        err.accept(DaemonProtocol.readString(in));
                    }
                    case DaemonProtocol.LEVELED -> {
                        begun = true;
                        Severity level = DaemonProtocol.readLevel(in);
                        RunOutput.of(out).accept(level, DaemonProtocol.readString(in));
                    }
                    case DaemonProtocol.RESULT -> onResult.accept(DaemonProtocol.readResult(in));
                    case DaemonProtocol.CANCEL -> cancelled.complete(in.readBoolean());
                    case DaemonProtocol.EXIT -> {
                        return Optional.of(in.readInt());
                    }
                    case DaemonProtocol.FAILED -> throw new IllegalStateException(DaemonProtocol.readString(in));
                    default -> throw new IOException("frame " + frame + " is not cairn's protocol");
                }
            }
        } catch (DaemonConnection.NoAnswer stuck) {
            out.accept(line(engine(pid[0]) + " " + stuck.getMessage() + " (stopped, or stuck): this run runs in its own JVM"
                    + " (the engine drops the request, its client gone)"));
            return Optional.empty();
        } catch (IOException e) {
            String why = (e instanceof EOFException ? "end of stream" : e.getMessage()) + "; its log: " + address.log();
            if (!begun) {
                out.accept(line(engine(pid[0]) + " ended before the run began (" + why + "): this run runs in its own JVM"));
                return Optional.empty();
            }
            // No cause attached: Maven would add the bare class name of an EOFException to the line.
            throw new IOException("the cairn daemon stopped in the middle of the run (" + why
                    + "). Run again; daemon=off runs every generate in its own JVM.");
        } finally {
            Interruption.workElsewhere(null);
        }
    }

    /**
     * Ctrl-C while the daemon runs the generate (on the signal's thread): asks it to drop the run;
     * the line says what it answered. {@link Interruption} then interrupts the reading thread, which
     * closes the connection.
     */
    private static String cancel(DaemonConnection c, CompletableFuture<Boolean> answer, long pid, DaemonAddress address) {
        String engine = engine(pid);
        try {
            c.send(request -> request.writeByte(DaemonProtocol.CANCEL));
            return answer.get(DaemonConnection.ANSWER.toSeconds(), TimeUnit.SECONDS)
                    ? "interrupted: " + engine + " drops the run before it writes anything; nothing was written"
                    : "interrupted: " + engine + " is writing the generated code, its fingerprint and the lock: it finishes the run";
        } catch (TimeoutException | IOException | ExecutionException e) {
            return "interrupted: " + engine + " did not answer; it drops the run unless it has begun to write"
                    + " (its log: " + address.log() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted: " + engine + " drops the run unless it has begun to write";
        }
    }

    private static String engine(DaemonAddress address) {
        return engine(address == null ? -1 : address.pid().orElse(-1L));
    }

    private static String engine(long pid) {
        return pid > 0 ? "the warm engine (pid " + pid + ")" : "the warm engine";
    }

    private static String line(String text) {
        return String.format("%-11s %s", "daemon", text);
    }

    /** Whether a daemon holds the address's lock: started, and (without its socket) warming up before it listens. */
    private static boolean starting(DaemonAddress address) {
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(address.lock(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.tryLock()) {
            return held == null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    static String minutes(Duration d) {
        return d.toSeconds() % 60 != 0 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }

    /**
     * Starts the project's daemon in the background (a session of its own, so the terminal's Ctrl-C
     * does not reach it), telling it these settings, so it starts the next run's server at once.
     * The project's daemons of other engines (an older cairn, a rebuild) are stopped first.
     */
    public static void start(CairnSettings settings, Map<String, String> environment, Duration idle, Consumer<String> out) {
        try {
            EngineClassPath engine = EngineClassPath.current();
            DaemonAddress address = DaemonAddress.of(settings.baseDir(), engine, environment);
            if (starting(address)) return; // one is warming up (it holds its lock and listens soon): nothing to say
            stopOtherEngines(address, out);
            Process p = launch(address, engine, idle, first -> DaemonProtocol.writeRequest(first, settings, environment));
            out.accept(line("started (pid " + p.pid() + "): it runs the next generate of this"
                    + " project warm, and exits after " + minutes(idle) + " without one (daemon=stop stops it, off leaves it out)"));
        } catch (IOException | RuntimeException e) {
            out.accept(line("not started (" + dev.cairn.build.ErrorText.of(e) + "); every generate runs in its own JVM"));
        }
    }

    /** They would wait out their idle time, each with a server started ahead, for runs that never come again. */
    private static void stopOtherEngines(DaemonAddress address, Consumer<String> out) throws IOException {
        for (Path other : address.otherEngines()) {
            String engine = engine(DaemonAddress.at(other, address.baseDir()));
            try {
                ask(other, DaemonProtocol.STOP);
                out.accept(line("stopped " + engine + " of another cairn build for this project"));
            } catch (DaemonConnection.NoAnswer stuck) {
                out.accept(line(engine + " of another cairn build for this project " + stuck.getMessage() + ": not stopped"));
            } catch (IOException gone) {
                Files.deleteIfExists(other);
            }
        }
    }

    /** The daemon's JVM at {@code address}, its log beside the socket, {@code first} written to its stdin. */
    static Process launch(DaemonAddress address, EngineClassPath engine, Duration idle, DaemonConnection.Write first) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) command.add(SETSID.toString());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", engine.asArgument(), "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        DaemonAddress.passedOn().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(GenerateDaemon.class.getName(), address.socket().toString(), address.baseDir().toString(),
                Long.toString(idle.toSeconds())));
        // One log per address, kept short: a daemon's start and one line per run.
        if (Files.exists(address.log()) && Files.size(address.log()) > (1 << 20)) Files.delete(address.log());
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()));
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream();
             DataOutputStream request = new DataOutputStream(new BufferedOutputStream(stdin))) {
            first.to(request);
            request.flush();
        }
        return p;
    }
}
