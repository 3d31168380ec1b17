package dev.cairn.database;

import dev.cairn.files.Sha256;
import org.postgresql.util.PasswordUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The password of the throwaway servers this user starts, kept in a file only this user can read
 * ({@code <tmp>/cairn-server-secret-<user>}, 0600, checked without following links). A server's data
 * directory holds only the SCRAM verifier (initdb takes one through {@code --pwfile} as it is), from
 * which no one can log in: when the build runs as root, the data directory belongs to the
 * unprivileged user the server runs as, and any process of that user could read a password kept
 * there. One secret for all the user's servers, so copies of data directories (initdb cache,
 * snapshots) keep working; its {@link #id} is part of their keys, so a new secret never meets a copy
 * made for another one.
 */
public final class ServerSecret {

    private static final String NAME = "cairn-server-secret-";
    private static final String OWNER_ONLY = "rw-------";
    private static volatile String password;

    private ServerSecret() {
    }

    /** The password, made on first use. */
    static String password() throws IOException {
        String p = password;
        if (p == null) {
            synchronized (ServerSecret.class) {
                if (password == null) password = inTemp();
                p = password;
            }
        }
        return p;
    }

    private static String inTemp() throws IOException {
        Path tmp = LeftoverServers.tmp();
        try {
            return load(tmp.resolve(NAME + fileSafe(System.getProperty("user.name"))));
        } catch (IOException e) {
            Optional<String> cause = TempFolderCheck.unusable(tmp, e);
            if (cause.isPresent()) throw new IOException(cause.get(), e);
            throw e;
        }
    }

    /** What initdb stores for the superuser: a SCRAM-SHA-256 verifier of {@link #password()}, not the password. */
    static String verifier() throws IOException {
        return PasswordUtil.encodeScramSha256(password().toCharArray());
    }

    /** Names the secret without revealing it, for the keys of cached data directories. */
    public static String id() throws IOException {
        return Sha256.of("cairn server secret\n" + password()).substring(0, 16);
    }

    static String load(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) create(file);
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String perms = PosixFilePermissions.toString(a.permissions());
        if (!a.isRegularFile() || !a.owner().getName().equals(System.getProperty("user.name")) || !perms.equals(OWNER_ONLY)) {
            throw new IOException("Cannot keep the throwaway PostgreSQL's password in " + file + ": it is not a file of "
                    + System.getProperty("user.name") + "'s alone (" + (a.isSymbolicLink() ? "a symbolic link" : a.isRegularFile()
                    ? "owner " + a.owner().getName() + ", " + perms : "not a regular file") + "). Delete it, or point java.io.tmpdir"
                    + " at a folder of your own.");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            String secret = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (secret.length() < 32) throw new IOException("The throwaway PostgreSQL's password file " + file + " is cut off. Delete it.");
            return secret;
        }
    }

    /** Writes a new secret to a private temp file and links it into place: never seen half-written, never replaced. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path temp = Files.createTempFile(file.getParent(), NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        try {
            try {
                Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                throw new FileSystemException(temp.toString(), null, e.getMessage()); // a full disk: name the file
            }
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another build made it first: that one is used
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String fileSafe(String s) {
        return s == null ? "user" : s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
