package dev.cairn.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files written completely or not at all. The JDK's write errors (a full disk says only "No space
 * left on device") do not name the file, and a write is not on disk until it is forced; every
 * method here names the path it failed on and forces what it wrote before anything relies on it.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code target} with {@code content}: a forced sibling temp file, then an atomic rename. */
    public static void replace(Path target, byte[] content) throws IOException {
        commit(prepare(target, content), target);
    }

    /**
     * Writes {@code content} to a forced temp file beside {@code target} and returns it; {@link #commit}
     * moves it into place, {@link #discard} removes it. Lets a caller stage a file before another change.
     */
    public static Path prepare(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failed("create a file in " + dir, e);
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) ch.write(buffer);
            ch.force(true);
            return temp;
        } catch (IOException e) {
            discard(temp);
            throw failed("write " + target, e);
        }
    }

    /** Moves a prepared temp file over {@code target}, atomically where the file system can. */
    public static void commit(Path prepared, Path target) throws IOException {
        try {
            try {
                Files.move(prepared, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(prepared, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            discard(prepared);
            throw failed("replace " + target, e);
        }
    }

    public static void discard(Path prepared) {
        try {
            Files.deleteIfExists(prepared);
        } catch (IOException ignored) {
            // best effort: the caller is already reporting the real failure
        }
    }

    /** Forces a file written by someone else (a generator) to disk; the error names the file. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw failed("write " + file, e);
        }
    }

    /** Forces a directory's entries (new names, renames); not every platform can open a directory. */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open directories; their entries are durable with the rename there
        }
    }

    private static IOException failed(String what, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException("Cannot " + what + ": " + reason, e);
    }
}
