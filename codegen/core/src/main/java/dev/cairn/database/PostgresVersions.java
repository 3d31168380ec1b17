package dev.cairn.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The PostgreSQL versions the build declares (parent pom: {@code postgres.version}, the throwaway
 * database, and {@code postgres.production.major}), carried to run time in the filtered resource
 * {@code cairn-build.properties}. Every provider starts this major by default, so generated
 * code does not depend on which provider happened to run. The build's own run (exec:java in
 * generate-sources, before process-resources) passes the same pom properties as system
 * properties {@code cairn.postgres.version} and {@code cairn.postgres.production.major}.
 */
public record PostgresVersions(String throwawayVersion, int productionMajor) {

    static final String RESOURCE = "/cairn-build.properties";

    static final String VERSION_PROPERTY = "cairn.postgres.version";
    static final String PRODUCTION_PROPERTY = "cairn.postgres.production.major";

    public static PostgresVersions load() {
        String fromBuild = System.getProperty(VERSION_PROPERTY);
        if (fromBuild != null && !fromBuild.isBlank()) {
            return new PostgresVersions(fromBuild.strip(), Integer.parseInt(System.getProperty(PRODUCTION_PROPERTY,
                    fromBuild.strip().split("\\.")[0]).strip()));
        }
        Properties p = new Properties();
        try (InputStream in = PostgresVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild cairn-core.");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("postgres.version", "");
        String production = p.getProperty("postgres.production.major", "");
        if (version.isBlank() || version.startsWith("${") || production.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build (postgres.version=" + version
                    + "); run it through Maven's resources plugin.");
        }
        return new PostgresVersions(version, Integer.parseInt(production.strip()));
    }

    /** Major of the throwaway database, e.g. 18 for postgres.version 18.3.0. */
    public int throwawayMajor() {
        return Integer.parseInt(throwawayVersion.split("\\.")[0]);
    }

    /** The official image of the same major, the Testcontainers default. */
    public String defaultImage() {
        return "postgres:" + throwawayMajor();
    }

    /** Major of a running server from {@code SHOW server_version_num} (e.g. 150013 -> 15). */
    public static int majorOf(int serverVersionNum) {
        return serverVersionNum / 10000;
    }
}
