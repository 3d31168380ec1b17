package dev.cairn.daemon;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class path this engine runs from, wherever it was loaded: the Maven plugin's engine class
 * loader, exec:java's, or the JVM's own class path (the CLI). A daemon is started on it, and its
 * {@link #identity()} tells when a rebuilt or upgraded engine makes a daemon stale.
 */
record EngineClassPath(List<Path> entries) {

    EngineClassPath {
        entries = List.copyOf(entries);
    }

    static EngineClassPath current() {
        Set<Path> paths = new LinkedHashSet<>();
        ClassLoader loader = EngineClassPath.class.getClassLoader();
        if (loader instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                if (!url.getProtocol().equals("file")) continue;
                try {
                    paths.add(Path.of(url.toURI()).toAbsolutePath().normalize());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a plain file URL: not a class path entry a JVM can be started with
                }
            }
        }
        if (paths.isEmpty()) {
            for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!e.isBlank()) paths.add(Path.of(e).toAbsolutePath().normalize());
            }
        }
        return new EngineClassPath(new ArrayList<>(paths));
    }

    /** For {@code java -cp}. */
    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /**
     * Each entry's size and time stamp; a folder (this repository's own target/classes) by its
     * newest file and file count, so that a recompile gives another identity.
     */
    String identity() {
        StringBuilder b = new StringBuilder();
        for (Path p : entries) {
            b.append(p).append('|');
            try {
                if (Files.isDirectory(p)) {
                    long[] newest = {0, 0};
                    try (Stream<Path> files = Files.walk(p)) {
                        files.forEach(f -> {
                            try {
                                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                                newest[0] = Math.max(newest[0], a.lastModifiedTime().toMillis());
                                newest[1]++;
                            } catch (IOException gone) {
                                newest[1]--;
                            }
                        });
                    }
                    b.append(newest[0]).append('/').append(newest[1]);
                } else if (Files.exists(p)) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    b.append(a.size()).append('/').append(a.lastModifiedTime().toMillis());
                } else {
                    b.append("missing");
                }
            } catch (IOException | UncheckedIOException e) {
                b.append("unreadable");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
