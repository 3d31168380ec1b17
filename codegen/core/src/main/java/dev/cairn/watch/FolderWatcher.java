package dev.cairn.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The migration folders (and their subfolders: Flyway reads those too), watched with the JDK's
 * WatchService. An editor's save is several events (temp file, rename, modify), and a checkout
 * touches many files: {@link #next()} waits until no event came for the debounce time and hands
 * them over as one change.
 */
final class FolderWatcher implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Duration debounce;

    FolderWatcher(List<Path> roots, Duration debounce) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.debounce = debounce;
        for (Path root : roots) registerTree(root);
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                dirs.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), d);
            }
        }
    }

    /**
     * Blocks until files changed, then until they stayed quiet for the debounce time; returns the
     * changed .sql files' names. Empty once {@link #close()} was called.
     */
    Optional<SortedSet<String>> next() throws InterruptedException {
        SortedSet<String> changed = new TreeSet<>();
        try {
            WatchKey key = service.take();
            while (key != null) {
                collect(key, changed);
                key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ClosedWatchServiceException closed) {
            return Optional.empty();
        }
        return Optional.of(changed);
    }

    private void collect(WatchKey key, SortedSet<String> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changed.add("(many files)");
                continue;
            }
            Path child = dir.resolve((Path) e.context());
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException ignored) {
                    // gone again already
                }
            }
            String name = child.getFileName().toString();
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) changed.add(name);
        }
        if (!key.reset()) dirs.remove(key);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing only
        }
    }
}
