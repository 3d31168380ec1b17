package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.daemon.DaemonClient;
import dev.cairn.files.FileTrees;
import dev.cairn.pipeline.PipelineOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every cache cairn keeps, by where it lives, and the one command that clears them
 * ({@code cairn clean-cache}, {@code mvn cairn:clean-cache}): the warm engines first (they hold
 * servers and memory of what they read), then the user's snapshot cache, the unpacked PostgreSQL
 * binaries with their initdb caches, and the project's own caches in its target/. Nothing that
 * is committed (the lock, the fingerprint, the generated code) is touched. docs/caches.md lists
 * each cache with its key. Links are deleted as links, never followed.
 */
public final class Caches {

    private Caches() {
    }

    /** What one clean removed, for its lines and for tests. */
    public record Cleared(int engines, List<Path> removed) {
    }

    public static Cleared clean(CairnSettings settings, Map<String, String> environment, Consumer<String> out) throws IOException {
        return clean(settings, environment, Path.of(System.getProperty("java.io.tmpdir")), true, out);
    }

    /**
     * @param tmp         the temp folder that holds the binaries' caches
     * @param stopEngines stop every warm engine of this user first (a test leaves other tests' engines alone)
     */
    static Cleared clean(CairnSettings settings, Map<String, String> environment, Path tmp, boolean stopEngines,
                         Consumer<String> out) throws IOException {
        int engines = 0;
        try {
            if (stopEngines) {
                engines = DaemonClient.everyDaemon(true, line -> out.accept(line.startsWith("stopped ")
                        ? "stopped     " + line.substring("stopped ".length()) : "daemon      " + line));
            }
        } catch (IOException | UnsupportedOperationException none) {
            engines = 0; // no daemon folder (Windows, or never made)
        }
        List<Path> removed = new ArrayList<>();
        PipelineOptions options = settings.pipelineOptions(environment);
        Path target = options.hashCacheFile().getParent();
        List<Path> candidates = new ArrayList<>(List.of(
                settings.snapshotCache(environment).root(),
                options.hashCacheFile(),
                options.parseCacheFile(),
                target.resolve("cairn")));
        // The unpacked binaries (cairn-postgres-<key>) and their initdb caches (cairn-initdb-<key>) of this user.
        candidates.addAll(ours(tmp, "cairn-postgres-"));
        candidates.addAll(ours(tmp, "cairn-initdb-"));
        for (Path p : candidates) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue;
            FileTrees.delete(p);
            removed.add(p);
            out.accept("removed     " + p);
        }
        out.accept("clean-cache " + engines + " warm engine" + (engines == 1 ? "" : "s") + " stopped, " + removed.size()
                + " cache" + (removed.size() == 1 ? "" : "s") + " removed; the next generate migrates from zero");
        return new Cleared(engines, removed);
    }

    /** Folders directly under {@code dir} named {@code prefix...} and owned by this user (another user's are theirs). */
    private static List<Path> ours(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        String user = System.getProperty("user.name");
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try {
                    if (Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(user)) found.add(p);
                } catch (IOException gone) {
                    // removed meanwhile
                }
            }
        }
        return found;
    }
}
