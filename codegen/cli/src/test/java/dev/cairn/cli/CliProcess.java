package dev.cairn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CLI as a process of its own (`java -cp <test class path> dev.cairn.cli.Cairn ...`), for
 * faults that need one: signals, a kill. stdout is read line by line as it comes, stderr whole.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out, outLines);
        this.errReader = reader(process.getErrorStream(), err, null);
    }

    static CliProcess start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    static CliProcess start(java.util.Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), Cairn.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CI"); // these runs write; the build's CI=true must not make them checks
        pb.environment().putAll(env);
        return new CliProcess(pb.start());
    }

    private static Thread reader(InputStream in, StringBuffer all, BlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.append(line).append('\n');
                    if (lines != null) lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for a stdout line starting with {@code prefix}; fails with everything printed so far. */
    String awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = outLines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) return line;
            if (line == null && !process.isAlive() && outLines.isEmpty()) break;
        }
        throw new AssertionError("no line starting with '" + prefix + "'; stdout:\n" + out + "stderr:\n" + err);
    }

    /** kill -INT, -TERM or -9. */
    void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    long pid() {
        return process.pid();
    }

    int exitCode(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + seconds + " s; stdout:\n" + out + "stderr:\n" + err);
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Folders in the temp folder owned by this process (named by OwnedFolders), and its servers still running. */
    List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        String owner = "-" + pid() + "-";
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cairn-") && n.contains(owner)).forEach(left::add);
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains("cairn-pg-" + pid() + "-")).orElse(false))
                .forEach(p -> left.add("process " + p.pid() + ": " + p.info().commandLine().orElse("?")));
        return left;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
