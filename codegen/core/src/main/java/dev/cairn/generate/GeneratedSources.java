package dev.cairn.generate;

import dev.cairn.files.FileTrees;

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

    /** A fresh, empty staging directory beside the target. The caller deletes it on failure. */
    public Path newStaging() throws IOException {
        Files.createDirectories(directory.getParent());
        return Files.createTempDirectory(directory.getParent(), "." + directory.getFileName() + ".staging-");
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
        Path previous = directory.resolveSibling("." + directory.getFileName() + ".previous-" + System.nanoTime());
        boolean hadPrevious = Files.exists(directory);
        if (hadPrevious) Files.move(directory, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadPrevious) Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        if (hadPrevious) FileTrees.delete(previous);
        return true;
    }
}
