package dev.cairn.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL refuses to run as root ("root" execution of the PostgreSQL server is not permitted).
 * CI jobs and containers often run as root, so there the server's processes are started through
 * {@code setpriv} as an unprivileged user (default {@code nobody}, overridable with
 * {@code -Dcairn.postgres.user} or {@code CAIRN_POSTGRES_USER}).
 */
record UnprivilegedUser(String name, int uid, int gid) {

    static Optional<UnprivilegedUser> whenRoot() {
        if (!isRoot()) return Optional.empty();
        String name = System.getProperty("cairn.postgres.user",
                Optional.ofNullable(System.getenv("CAIRN_POSTGRES_USER")).orElse("nobody"));
        return Optional.of(lookup(name));
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static UnprivilegedUser lookup(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 3 && f[0].equals(name)) {
                    return new UnprivilegedUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read /etc/passwd to find user '" + name + "'", e);
        }
        throw new IllegalStateException("Running as root, and user '" + name + "' to run PostgreSQL as does not exist."
                + " Create it, or name another unprivileged user with -Dcairn.postgres.user=<user>.");
    }

    /** The command, prefixed so that it runs as this user. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("setpriv",
                "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    void own(Path path) throws IOException {
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        Files.setOwner(path, owner);
    }
}
