package dev.cairn.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file as one stat saw it: identity (inode), size and time stamp. A JVM that reads a file again and
 * again (the warm engine: the lock file, the caches under target/, the snapshots' descriptions) keeps
 * what it read with the stamp, and reads the file again only when the stamp differs: replaced,
 * rewritten or touched.
 */
public record FileStamp(Object fileKey, long size, FileTime modified) {

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
}
