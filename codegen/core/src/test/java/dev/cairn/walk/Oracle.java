package dev.cairn.walk;

import dev.cairn.build.Goals;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.files.FileTrees;
import dev.cairn.generate.UserGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answer a run must give: a run from zero on a clean copy of the project's inputs (migrations,
 * lock, settings, generator file and the git repository, so the same entries are released), with
 * no target/, no snapshot, no cache and no warm engine ({@code force}, {@code daemon=off}, an empty
 * snapshot folder that must stay empty).
 *
 * <p>The answer depends on those inputs alone, so it is remembered by their digest: a step that
 * changes no input (an engine killed, a cache corrupted, a generated file edited) costs no second
 * database.
 */
final class Oracle implements AutoCloseable {

    private final Path work;
    private final Path noSnapshots;
    private final Map<String, Future<Observation>> answers = new HashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("walk-oracle").daemon().unstarted(r));

    Oracle(Path work) throws IOException {
        this.work = Files.createDirectories(work);
        this.noSnapshots = Files.createDirectories(work.resolve("no-snapshots"));
    }

    /** How many times the oracle ran a database (the others were remembered). */
    int runs() {
        return runs.get();
    }

    /**
     * The from-zero answer for the project's inputs as they are now, before the walked run (which
     * writes the lock) begins: the inputs are copied here, the run from zero goes on in the
     * background, one at a time, while the walked run runs.
     */
    Future<Observation> answer(WalkProject project, Map<String, String> environment, String inlineGenerator) throws Exception {
        String key = digest(project, environment, inlineGenerator);
        Future<Observation> known = answers.get(key);
        if (known != null) return known;
        Path copy = work.resolve("copy-" + answers.size());
        copyInputs(project.dir, copy);
        Future<Observation> answer = runner.submit(() -> fromZero(copy, environment, inlineGenerator));
        answers.put(key, answer);
        return answer;
    }

    private Observation fromZero(Path copy, Map<String, String> environment, String inlineGenerator) throws Exception {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        explicit.put(Setting.DAEMON, "off");
        explicit.put(Setting.FORCE, "true");
        explicit.put(Setting.DATABASE, "embedded");
        explicit.put(Setting.SNAPSHOT_CACHE, noSnapshots.toString());
        int exit;
        try {
            CairnSettings settings = CairnSettings.resolve(copy, explicit, Map.of(), environment);
            if (inlineGenerator != null) settings = settings.withGenerator(UserGenerator.parse(inlineGenerator));
            exit = Goals.run(settings, environment, line -> { }, line -> { }, r -> { }, null);
        } catch (Exception | LinkageError failed) {
            exit = Goals.FAILURE;
        }
        runs.incrementAndGet();
        try (var left = Files.list(noSnapshots)) {
            if (left.findAny().isPresent()) throw new IllegalStateException("a forced run wrote to the snapshot folder " + noSnapshots);
        }
        Observation answer = Observation.of(exit, copy);
        FileTrees.delete(copy);
        return answer;
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** Everything but target/, links not followed (a project holds none; a link would be copied as a link). */
    private static void copyInputs(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(from.resolve("target"))) return FileVisitResult.SKIP_SUBTREE;
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The inputs of a from-zero run: every file outside target/ and .git/ by path and content, what
     * HEAD holds (which lock entries are released), the environment and the inline generator.
     */
    private static String digest(WalkProject project, Map<String, String> environment, String inlineGenerator)
            throws IOException, InterruptedException {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Path> f : FileTrees.files(project.dir).entrySet()) {
            if (f.getKey().startsWith("target/") || f.getKey().startsWith(".git/")) continue;
            parts.add(f.getKey() + " " + Observation.sha256(Files.readAllBytes(f.getValue())));
        }
        parts.add("HEAD " + project.gitOutput("ls-tree", "-r", "HEAD"));
        parts.add("environment " + new TreeMap<>(environment));
        parts.add("generator " + inlineGenerator);
        return Observation.sha256(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }
}
