package dev.cairn.daemon;

import dev.cairn.config.Setting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the daemon of one project, one engine and one environment listens, and where it keeps its
 * lock and log. The name is a hash of all three: a rebuilt engine, another JDK or another Docker
 * host gets a daemon of its own, and a daemon never runs code or settings a client did not mean.
 * The folder is the user's alone (0700), so no other user can connect.
 */
record DaemonAddress(Path socket, Path lock, Path log, Path baseDir) {

    /** What, besides the settings sent with every run, can change what a run in the daemon does. */
    private static final String[] ENVIRONMENT_PREFIXES = {"CAIRN_", "DOCKER_", "TESTCONTAINERS_", "PG", "XDG_"};
    private static final String[] ENVIRONMENT_NAMES = {"HOME", "TMPDIR", "USER", "CI"};

    static DaemonAddress of(Path baseDir, EngineClassPath engine, Map<String, String> environment) throws IOException {
        Map<String, String> key = new TreeMap<>();
        key.put("project", baseDir.toAbsolutePath().normalize().toString());
        key.put("engine", engine.identity());
        key.put("cairn build", dev.cairn.files.CacheKey.buildId()); // by content: a rebuild with the same time stamps too
        key.put("java", ProcessHandle.current().info().command().orElse("java") + " " + Runtime.version());
        key.put("tmpdir", System.getProperty("java.io.tmpdir"));
        key.put("working directory", System.getProperty("user.dir")); // the stage lines' paths are relative to it
        passedOn().forEach((name, value) -> key.put("-D" + name, value));
        environment.forEach((name, value) -> {
            for (String p : ENVIRONMENT_PREFIXES) if (name.startsWith(p)) key.put("$" + name, value);
            for (String n : ENVIRONMENT_NAMES) if (name.equals(n)) key.put("$" + name, value);
        });
        return at(folder().resolve(hash(key.toString()) + ".sock"), baseDir);
    }

    /** The daemon's side: the address its client computed, from the socket it was told. */
    static DaemonAddress at(Path socket, Path baseDir) {
        String id = socket.getFileName().toString().replaceFirst("\\.sock$", "");
        return new DaemonAddress(socket, socket.resolveSibling(id + ".lock"), socket.resolveSibling(id + ".log"),
                baseDir.toAbsolutePath().normalize());
    }

    /**
     * The system properties a daemon is started with: cairn's own that are no setting (this
     * repository's build gives the PostgreSQL version so) and jOOQ's. Settings travel with every run.
     */
    static Map<String, String> passedOn() {
        Map<String, String> m = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String name = String.valueOf(k);
            if ((name.startsWith("cairn.") && Setting.byKey(name.substring("cairn.".length())).isEmpty()) || name.startsWith("org.jooq.")) {
                m.put(name, String.valueOf(v));
            }
        });
        return m;
    }

    /**
     * {@code <tmp>/cairn-daemons-<user>}, made 0700; {@code /tmp} when the temp folder's path is too
     * long for a socket's (about 100 bytes on Linux and macOS).
     */
    static Path folder() throws IOException {
        String name = "cairn-daemons-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (tmp.resolve(name).toString().length() > 70) tmp = Path.of("/tmp");
        Path dir = tmp.resolve(name);
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another build made it at the same moment
            }
        }
        if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                || !PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).equals("rwx------")) {
            throw new IOException(dir + " is not this user's alone (owner " + Files.getOwner(dir).getName()
                    + ", " + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) + "): no daemon uses it.");
        }
        return dir;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
