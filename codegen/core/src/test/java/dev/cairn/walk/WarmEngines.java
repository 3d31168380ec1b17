package dev.cairn.walk;

import dev.cairn.daemon.DaemonClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm engines (cairn daemons) that serve the walk's project, as {@code cairn daemon} lists
 * them, and what a user or the system does to them from outside: kill, SIGSTOP and SIGCONT.
 */
final class WarmEngines {

    private static final Pattern PID = Pattern.compile("^pid (\\d+) ");
    private static final Pattern STARTED = Pattern.compile("^daemon {6}started \\(pid (\\d+)\\)");

    private WarmEngines() {
    }

    /** The engines that answer for this project now. */
    static List<ProcessHandle> of(Path project) throws IOException {
        List<String> lines = new ArrayList<>();
        DaemonClient.everyDaemon(false, lines::add);
        List<ProcessHandle> engines = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PID.matcher(line);
            if (m.find() && line.contains(" " + project + " ")) ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(engines::add);
        }
        return engines;
    }

    /** The engine a run's line says it started ({@code daemon      started (pid N)}), if that line is one. */
    static Optional<ProcessHandle> startedBy(String line) {
        Matcher m = STARTED.matcher(line);
        return m.find() ? ProcessHandle.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Sends a signal by its name (STOP, CONT) with kill(1): the JDK can send only TERM and KILL. */
    static void signal(ProcessHandle engine, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(engine.pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!kill.waitFor(30, TimeUnit.SECONDS)) kill.destroyForcibly();
    }

    /** Waits (bounded) for the engine's end; whether it ended. */
    static boolean awaitExit(ProcessHandle engine, Duration timeout) throws InterruptedException {
        try {
            engine.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return !engine.isAlive();
        }
    }
}
