package dev.cairn.generate;

import dev.cairn.files.DurableFiles;
import dev.cairn.files.FileTrees;
import dev.cairn.files.OwnedFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The committed generated-source directory, replaced only after a successful run: new code is
 * written to a sibling staging directory (same file system), then swapped in with renames. A
 * failed run leaves the committed classes exactly as they were.
 */
public final class GeneratedSources {

    private final Path directory;

    public GeneratedSources(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    private String stagingPrefix() {
        return "." + directory.getFileName() + ".staging-";
    }

    private String previousPrefix() {
        return "." + directory.getFileName() + ".previous-";
    }

    /**
     * What runs killed outright (no shutdown hook) left beside the directory: staging folders are
     * deleted; a previous version is deleted, or moved back when the kill came between the two
     * renames of {@link #replaceWith} and the directory is missing.
     */
    public void removeAbandoned() {
        if (directory.getParent() == null || !Files.isDirectory(directory.getParent())) return;
        OwnedFolders.sweep(directory.getParent(), stagingPrefix());
        OwnedFolders.sweep(directory.getParent(), previousPrefix(), previous -> {
            try {
                if (!Files.exists(directory)) Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
                else FileTrees.deleteQuietly(previous);
            } catch (IOException e) {
                // left for a later run
            }
        });
    }

    /** A fresh, empty staging directory beside the target. The caller deletes it on failure. */
    public Path newStaging() throws IOException {
        Files.createDirectories(directory.getParent());
        return OwnedFolders.create(directory.getParent(), stagingPrefix());
    }

    /**
     * Checks that every staged file was written completely and forces it to disk, so that a swap
     * never publishes a half-written tree. jOOQ writes through a PrintWriter, which swallows write
     * errors: on a full disk it leaves empty or cut-off files and reports success. An empty file,
     * or a Java file that does not end with the closing brace of its class, is such a file.
     */
    public void seal(Path staging) throws IOException {
        for (var e : FileTrees.files(staging).entrySet()) {
            Path file = e.getValue();
            if (linkedToCommitted(file, directory.resolve(e.getKey()))) continue;
            DurableFiles.force(file);
            if (!complete(file)) {
                throw new IOException("Cannot write " + directory.resolve(staging.relativize(file)) + ": the generator left it "
                        + (Files.size(file) == 0 ? "empty" : "cut off") + " (is the disk full? "
                        + file.getParent().toAbsolutePath() + "). Nothing was replaced: free some space and run generate again.");
            }
        }
        try (var dirs = Files.walk(staging)) {
            dirs.filter(Files::isDirectory).forEach(DurableFiles::forceDirectory);
        }
    }

    /**
     * Replaces a staged file that is byte for byte the committed one with a hard link to it: that
     * content is complete and on disk already, so it needs no force (on 200 tables, forcing every
     * file was 0.15 s of each run, when one table changed), and it keeps its time stamp, so an IDE
     * that compiles what changed sees only what did. False where there is nothing to link to, or the
     * file system has no hard links: the file is forced as it is.
     */
    private static boolean linkedToCommitted(Path staged, Path committed) {
        try {
            if (!Files.isRegularFile(committed, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(committed) != Files.size(staged) || Files.mismatch(staged, committed) != -1) return false;
            Path link = staged.resolveSibling(staged.getFileName() + ".link");
            Files.createLink(link, committed);
            try {
                Files.move(link, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(link);
                throw e;
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean complete(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) return false;
        String name = file.getFileName().toString();
        if (!name.endsWith(".java") || name.equals("package-info.java") || name.equals("module-info.java")) return true;
        // The last non-blank byte of a generated compilation unit closes its type.
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            int tail = (int) Math.min(size, 256);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(tail);
            ch.read(b, size - tail);
            for (int i = tail - 1; i >= 0; i--) {
                byte c = b.get(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
                return c == '}';
            }
            return false;
        }
    }

    /**
     * Replaces the directory with {@code staging}. Returns false, and leaves the directory (and its
     * timestamps, so incremental compilation stays incremental) untouched, when nothing changed.
     */
    public boolean replaceWith(Path staging) throws IOException {
        if (Files.isDirectory(directory) && FileTrees.sameContent(staging, directory)) {
            FileTrees.delete(staging);
            return false;
        }
        Path previous = directory.resolveSibling(OwnedFolders.name(previousPrefix()));
        boolean hadPrevious = Files.exists(directory);
        if (hadPrevious) Files.move(directory, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadPrevious) Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        DurableFiles.forceDirectory(directory.getParent());
        if (hadPrevious) FileTrees.delete(previous);
        return true;
    }
}
