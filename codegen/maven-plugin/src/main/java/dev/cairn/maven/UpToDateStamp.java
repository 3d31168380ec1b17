package dev.cairn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A build in which nothing changed, told without loading the engine. When the engine finds a
 * generate up to date it names the files and folders its verdict read (migrations, undo scripts,
 * lock, fingerprint, generated output, settings files); this stamp keeps their size, time stamp
 * and identity, and a key of everything else that chooses the result (the goal's parameters,
 * cairn's properties and environment, the engine's jars). While the key and every one of those is
 * unchanged, the verdict is the same, and the plugin says so without starting cairn. Git's index
 * trick, as the engine's own file-hash cache uses it: a file younger than {@link #SETTLE_NANOS}
 * is never trusted, so two edits in one clock tick cannot hide. The engine also names the
 * environment variables its verdict depends on ({@code $NAME} among the inputs: those that make a
 * build a CI build, where it never answers "up to date" without a database); the stamp holds only
 * while each has the value it had, so the plugin itself never has to know what CI is.
 */
final class UpToDateStamp {

    private static final String HEADER = "# cairn up-to-date stamp v1 (F size mtime-ns file-key path | D mtime-ns path | - absent-path) ";
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What the stamp says: the engine's line, and the output directory to add as a source root. */
    record Verdict(String line, String sourceRoot) {
    }

    private final Path file;
    private final String key;

    UpToDateStamp(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /**
     * The stamp at {@code file} for a build with these inputs: the goal and project, the parameters
     * and {@code <generator>}, the {@code cairn.*} properties, the {@code CAIRN_*} variables, and
     * the engine's jars (path, size, time); null when a jar cannot be read.
     */
    static UpToDateStamp of(Path file, String goal, Path baseDir, Map<String, String> parameters, String generatorXml,
                            Map<String, String> properties, Map<String, String> environment, List<Path> classPath) {
        StringBuilder key = new StringBuilder(goal).append('\n').append(baseDir).append('\n');
        parameters.forEach((k, v) -> key.append("parameter ").append(k).append('=').append(v).append('\n'));
        key.append("generator ").append(generatorXml).append('\n');
        new TreeMap<>(properties).forEach((k, v) -> {
            if (k.startsWith("cairn.")) key.append("property ").append(k).append('=').append(v).append('\n');
        });
        new TreeMap<>(environment).forEach((k, v) -> {
            if (k.startsWith("CAIRN_")) key.append("env ").append(k).append('=').append(v).append('\n');
        });
        try {
            for (Path jar : classPath) {
                key.append("jar ").append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            }
            return new UpToDateStamp(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    Path file() {
        return file;
    }

    /** The verdict, when the key matches and every recorded file and folder is as it was; empty otherwise. */
    Optional<Verdict> read() {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADER + key)) return Optional.empty();
            for (String entry : lines.subList(3, lines.size())) {
                String path = entry.substring(entry.lastIndexOf('\t') + 1);
                if (!entry.equals(describe(path))) return Optional.empty();
            }
            return Optional.of(new Verdict(lines.get(1), lines.get(2)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or foreign: the engine decides, and writes it anew
        }
    }

    /**
     * Records the verdict and the state of {@code roots} (folders with all they hold). Writes nothing,
     * and removes an older stamp, when any of them changed within the last two seconds.
     */
    void write(String line, String sourceRoot, List<String> roots) {
        try {
            List<String> entries = new ArrayList<>();
            long settled = System.currentTimeMillis() * 1_000_000L - SETTLE_NANOS;
            for (String root : roots) {
                if (root.startsWith("$")) {
                    entries.add(describe(root));
                    continue;
                }
                Path r = Path.of(root);
                List<Path> paths;
                if (Files.isDirectory(r)) {
                    try (Stream<Path> walk = Files.walk(r)) {
                        paths = walk.sorted().toList();
                    }
                } else {
                    paths = List.of(r);
                }
                for (Path p : paths) {
                    if (Files.exists(p) && Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS) > settled) {
                        Files.deleteIfExists(file);
                        return;
                    }
                    entries.add(describe(p));
                }
            }
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            List<String> lines = new ArrayList<>(List.of(HEADER + key, line, sourceRoot));
            lines.addAll(entries);
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no stamp: the next build asks the engine, which is only slower
        }
    }

    /** One line for an input's state: a path, or {@code $NAME} for an environment variable; the input comes last, after a tab. */
    private static String describe(String input) throws IOException {
        if (!input.startsWith("$")) return describe(Path.of(input));
        String value = System.getenv(input.substring(1));
        return (value == null ? "-" : "E " + HexFormat.of().formatHex(sha256(value))) + "\t" + input;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Path p) throws IOException {
        if (!Files.exists(p)) return "-\t" + p;
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        if (a.isDirectory()) return "D " + modified + "\t" + p;
        return "F " + a.size() + " " + modified + " " + Objects.toString(a.fileKey(), "-") + "\t" + p;
    }
}
