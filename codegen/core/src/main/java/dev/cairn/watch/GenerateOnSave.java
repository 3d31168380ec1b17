package dev.cairn.watch;

import dev.cairn.build.ErrorText;
import dev.cairn.pipeline.PipelineResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code cairn generate --watch}: one run at the start, then one whenever a migration file is
 * saved, each reported in one line (lint findings and errors in full, at once). Runs until
 * {@link #close()} (Ctrl-C: the CLI's shutdown hook); every run owns and stops its own server.
 * Between runs, one server started ahead for the next run may wait ({@code snapshot.WarmStart},
 * closed by the same hook), so nothing is left running after the end.
 */
public final class GenerateOnSave implements AutoCloseable {

    /** Time an editor's save (or a checkout) gets to settle before the run starts. */
    public static final Duration DEBOUNCE = Duration.ofMillis(200);

    /** One pipeline run; its stage lines go to the consumer. */
    @FunctionalInterface
    public interface Run {
        PipelineResult run(Consumer<String> stageLines) throws Exception;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FolderWatcher watcher;
    private final Run run;
    private final Consumer<String> out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean looping;

    public GenerateOnSave(List<Path> folders, Run run, Consumer<String> out) throws java.io.IOException {
        this.watcher = new FolderWatcher(folders, DEBOUNCE);
        this.run = run;
        this.out = out;
    }

    /** Runs until closed. */
    public void loop() throws InterruptedException {
        looping = true;
        try {
            out.accept("watching the migration folders; every save regenerates, Ctrl-C stops");
            once("start");
            while (!closed) {
                Optional<SortedSet<String>> changed = watcher.next();
                if (changed.isEmpty() || closed) break;
                if (changed.get().isEmpty()) continue; // only non-SQL files
                once(String.join(", ", changed.get()));
            }
        } finally {
            out.accept("stopped watching");
            finished.countDown();
        }
    }

    private void once(String why) {
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        String time = LocalTime.now().format(TIME);
        try {
            PipelineResult r = run.run(lines::add);
            out.accept(time + "  " + why + ": " + summary(r, lines) + String.format("  %.1f s", (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            // Ctrl-C in the middle of a run: its server was stopped under it; that is no finding.
            if (closed) {
                out.accept(time + "  " + why + ": stopped (Ctrl-C)");
                return;
            }
            // Lint errors (indented stage output) first, then what stopped the run.
            lines.stream().filter(l -> l.startsWith("  ") && l.matches(".*:\\d+ error .*")).forEach(out);
            out.accept(time + "  " + why + ": " + ErrorText.of(e).replace("\n", "\n    "));
        }
    }

    static String summary(PipelineResult r, List<String> lines) {
        return switch (r.outcome()) {
            case UP_TO_DATE -> "up to date";
            case GENERATED -> r.tables() + " tables, " + r.enums() + " enums " + (r.outputChanged() ? "updated" : "unchanged")
                    + stage(lines, "migrate").map(m -> "; " + m).orElse("")
                    + warnings(lines);
            default -> r.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(" ", r.findings());
        };
    }

    private static String warnings(List<String> lines) {
        long n = lines.stream().filter(l -> l.startsWith("  ")).count();
        return n == 0 ? "" : "; " + n + " lint warning" + (n == 1 ? "" : "s") + " (cairn lint lists them)";
    }

    /** The text of a stage line without its name and time. */
    static Optional<String> stage(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " "))
                .map(l -> l.substring(name.length()).replaceFirst("\\s+[0-9.]+ s$", "").strip()).findFirst();
    }

    /** Stops watching; a run in progress finishes first (its server is stopped as always). */
    @Override
    public void close() {
        closed = true;
        watcher.close();
        if (!looping) return;
        try {
            finished.await(java.time.Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
