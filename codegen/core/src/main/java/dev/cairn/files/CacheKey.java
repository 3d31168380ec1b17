package dev.cairn.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The one key discipline of every cache cairn keeps on disk or in a long-lived JVM (file hashes,
 * lint parses, snapshots, the initdb cache, the warm engine's address): a cache entry is valid
 * only for the cache's name, the {@link #buildId() build of cairn} that wrote it, and every
 * input that can change its content, each named. Add the inputs with {@link #with}; the key is
 * {@link #hash()} (or {@link #text()} where a cache keeps it readable).
 *
 * <p>The committed fingerprint is the one exception that keys on cairn's release
 * ({@link #cairnVersion()}) instead of the build: it lives in the team's repository, and two
 * builds of one release must agree on it.
 */
public final class CacheKey {

    private static volatile String buildId;

    private final SortedMap<String, String> parts = new TreeMap<>();

    private CacheKey(String cache) {
        parts.put("cache", cache);
        parts.put("cairn build", buildId());
    }

    /** A key for the named cache, with cairn's build already in it. */
    public static CacheKey of(String cache) {
        return new CacheKey(cache);
    }

    public CacheKey with(String name, Object value) {
        parts.put(name, String.valueOf(value));
        return this;
    }

    public CacheKey withAll(Map<String, String> more) {
        parts.putAll(more);
        return this;
    }

    /** Every part, one {@code name=value} a line, sorted. */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach((k, v) -> b.append(k).append('=').append(v.replace("\n", "\\n")).append('\n'));
        return b.toString();
    }

    /** SHA-256 of {@link #text()}, hex. */
    public String hash() {
        return Sha256.of(text());
    }

    /**
     * cairn's release, as the build filled it in ({@code 0.1.0-SNAPSHOT}); a run before the build
     * filtered its resources (this repository's own generate-sources) is told it as the system
     * property {@code cairn.build.version}.
     */
    public static String cairnVersion() {
        String v = null;
        try (InputStream in = CacheKey.class.getResourceAsStream("/cairn-build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v = p.getProperty("cairn.version");
            }
        } catch (IOException e) {
            v = null;
        }
        if (v == null || v.startsWith("${")) v = System.getProperty("cairn.build.version", "unknown");
        return v;
    }

    /**
     * The identity of this build of cairn: SHA-256 over cairn's own classes and resources
     * ({@code dev/cairn/**} and cairn-build.properties) where this class was loaded from. In a jar,
     * each entry's name, size and CRC (read from the jar's directory, nothing is inflated; a shaded
     * CLI jar costs the same as cairn-core's); in a folder (this repository's own build), each
     * file's content. A rebuilt cairn with any change gets another id; the same build, the same id.
     */
    public static String buildId() {
        String id = buildId;
        if (id == null) buildId = id = computeBuildId();
        return id;
    }

    private static String computeBuildId() {
        try {
            Path source = Path.of(CacheKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(source)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(source)) {
                    files = walk.filter(Files::isRegularFile).filter(p -> ours(source.relativize(p).toString().replace('\\', '/')))
                            .sorted().toList();
                }
                for (Path f : files) {
                    d.update(source.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    d.update(Files.readAllBytes(f));
                }
            } else {
                SortedMap<String, String> entries = new TreeMap<>();
                try (ZipFile jar = new ZipFile(source.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry z = e.nextElement();
                        if (!z.isDirectory() && ours(z.getName())) entries.put(z.getName(), z.getSize() + "/" + Long.toHexString(z.getCrc()));
                    }
                }
                entries.forEach((name, sizeAndCrc) -> d.update((name + " " + sizeAndCrc + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (IOException | UncheckedIOException | URISyntaxException | NoSuchAlgorithmException | SecurityException
                 | NullPointerException | IllegalArgumentException e) {
            // No code source to read (an unusual class loader): the release stands in, the most a key can know.
            return "version " + cairnVersion();
        }
    }

    private static boolean ours(String name) {
        return name.startsWith("dev/cairn/") || name.equals("cairn-build.properties");
    }
}
