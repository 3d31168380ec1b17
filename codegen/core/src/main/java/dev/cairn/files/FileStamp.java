package dev.cairn.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * A file as one stat saw it: identity (inode), size and time stamp. A JVM that reads a file again and
 * again (the warm engine: the lock file, the caches under target/, the snapshots' descriptions) keeps
 * what it read with the stamp, and reads the file again only when the stamp differs: replaced,
 * rewritten or touched.
 */
public record FileStamp(Object fileKey, long size, FileTime modified) {

    /**
     * How old a file must be before its stamp is trusted to stand for its content: file systems keep
     * time stamps in coarse ticks, so a second edit in the same tick keeps size and time stamp.
     */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    public static FileStamp of(BasicFileAttributes a) {
        return new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime());
    }

    public static FileStamp of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    /** The stamp, or null when the file cannot be read (missing, say). */
    public static FileStamp orNull(Path file) {
        try {
            return of(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the file was last modified more than {@link #SETTLE} ago, so this stamp can stand for its content. */
    public boolean settled() {
        return System.currentTimeMillis() - modified.toMillis() > SETTLE.toMillis();
    }
}
