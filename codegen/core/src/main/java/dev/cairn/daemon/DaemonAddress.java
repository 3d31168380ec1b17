package dev.cairn.daemon;

import dev.cairn.config.Setting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the daemon of one project, one engine and one environment listens, and where it keeps its
 * lock (holding its pid) and log. The name is {@code <project>-<engine>-<all>}, hashes of the
 * project folder, of the engine, and of everything that makes a daemon another one: a rebuilt
 * engine, another JDK or another Docker host gets a daemon of its own, a daemon never runs code or
 * settings a client did not mean, and a client finds the engines of other versions for its project.
 * The folder is the user's alone (0700), so no other user can connect.
 */
record DaemonAddress(Path socket, Path lock, Path log, Path baseDir) {

    /** What, besides the settings sent with every run, can change what a run in the daemon does. */
    private static final String[] ENVIRONMENT_PREFIXES = {"CAIRN_", "DOCKER_", "TESTCONTAINERS_", "PG", "XDG_"};
    private static final String[] ENVIRONMENT_NAMES = {"HOME", "TMPDIR", "USER", "CI", "DATABASE_URL"};

    /** The daemon's files, and nothing else the folder may hold: an older cairn's had one hash of 16. */
    private static final Pattern OWN_FILE = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}|[0-9a-f]{16})\\.(sock|lock|log)");

    static DaemonAddress of(Path baseDir, EngineClassPath engine, Map<String, String> environment) throws IOException {
        return of(baseDir, engine.identity(), environment);
    }

    static DaemonAddress of(Path baseDir, String engineIdentity, Map<String, String> environment) throws IOException {
        String project = baseDir.toAbsolutePath().normalize().toString();
        Map<String, String> key = new TreeMap<>();
        key.put("project", project);
        key.put("engine", engineIdentity);
        key.put("cairn build", dev.cairn.files.CacheKey.buildId()); // by content: a rebuild with the same time stamps too
        key.put("java", ProcessHandle.current().info().command().orElse("java") + " " + Runtime.version());
        key.put("tmpdir", System.getProperty("java.io.tmpdir"));
        key.put("working directory", System.getProperty("user.dir")); // the stage lines' paths are relative to it
        passedOn().forEach((name, value) -> key.put("-D" + name, value));
        relevant(environment).forEach((name, value) -> key.put("$" + name, value));
        String name = hash(project) + "-" + hash(engineIdentity) + "-" + hash(key.toString());
        return at(folder().resolve(name + ".sock"), baseDir);
    }

    /** The daemon's side: the address its client computed, from the socket it was told. */
    static DaemonAddress at(Path socket, Path baseDir) {
        String id = socket.getFileName().toString().replaceFirst("\\.sock$", "");
        return new DaemonAddress(socket, socket.resolveSibling(id + ".lock"), socket.resolveSibling(id + ".log"),
                baseDir.toAbsolutePath().normalize());
    }

    /**
     * The environment variables that can change a run (settings, Docker, the server's, the caches'
     * folders, CI): all that a request carries, and what tells one daemon from another. No other
     * variable of the build leaves its process.
     */
    static Map<String, String> relevant(Map<String, String> environment) {
        Map<String, String> m = new TreeMap<>();
        environment.forEach((name, value) -> {
            for (String p : ENVIRONMENT_PREFIXES) if (name.startsWith(p)) m.put(name, value);
            for (String n : ENVIRONMENT_NAMES) if (name.equals(n)) m.put(name, value);
        });
        return m;
    }

    /** Whether {@code file} in the folder is a daemon's socket, lock or log, by its exact name. */
    static boolean ownFile(Path file) {
        return OWN_FILE.matcher(file.getFileName().toString()).matches();
    }

    /** The sockets of this project's daemons of other engines (another cairn version, a rebuild). */
    List<Path> otherEngines() throws IOException {
        String[] mine = socket.getFileName().toString().split("-");
        if (mine.length != 3) return List.of();
        try (Stream<Path> files = Files.list(socket.getParent())) {
            return files.filter(f -> ownFile(f) && f.toString().endsWith(".sock")).filter(f -> {
                String[] other = f.getFileName().toString().split("-");
                return other.length == 3 && other[0].equals(mine[0]) && !other[1].equals(mine[1]);
            }).sorted().toList();
        }
    }

    /** The pid its daemon wrote into its lock, when one did. */
    Optional<Long> pid() {
        try {
            String text = Files.readString(lock()).strip();
            return text.matches("\\d{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
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
     * long for a socket's (about 100 bytes on Linux and macOS). Another user may have made that name
     * first, as a folder or a link to one of ours: it is looked at itself (never through a link),
     * and anything but a folder of this user's alone is refused.
     */
    static Path folder() throws IOException {
        String name = "cairn-daemons-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (tmp.resolve(name).toString().length() > 70) tmp = Path.of("/tmp");
        Path dir = tmp.resolve(name);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another build made it at the same moment
            }
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String perms = PosixFilePermissions.toString(a.permissions());
        if (!a.isDirectory() || !a.owner().getName().equals(System.getProperty("user.name")) || !perms.equals("rwx------")) {
            throw new IOException(dir + " is not a folder of this user's alone (" + (a.isSymbolicLink() ? "a symbolic link"
                    : a.isDirectory() ? "owner " + a.owner().getName() + ", " + perms : "not a folder")
                    + "): no daemon uses it. Remove it if it is not yours to keep.");
        }
        return dir;
    }
    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
