package dev.cairn.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole-directory operations: recursive delete and content comparison of generated trees. */
public final class FileTrees {

    private FileTrees() {
    }

    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Copies a directory tree with permissions and (as root) owners: a PostgreSQL data directory
     * must stay its server user's own and 0700.
     */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                return copyOne(dir);
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                return copyOne(file);
            }

            private java.nio.file.FileVisitResult copyOne(Path p) throws IOException {
                Files.copy(p, to.resolve(from.relativize(p).toString()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException ignored) {
            // best effort: the caller is already failing or cleaning up
        }
    }

    /** True when both trees hold the same relative file names with byte-identical content. */
    public static boolean sameContent(Path a, Path b) throws IOException {
        java.util.SortedMap<String, Path> left = files(a);
        java.util.SortedMap<String, Path> right = files(b);
        if (!left.keySet().equals(right.keySet())) return false;
        for (var e : left.entrySet()) {
            if (Files.mismatch(e.getValue(), right.get(e.getKey())) != -1) return false;
        }
        return true;
    }

    /** Regular files below root by their relative path with '/' separators, sorted. */
    public static java.util.SortedMap<String, Path> files(Path root) throws IOException {
        java.util.SortedMap<String, Path> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        return out;
    }
}
