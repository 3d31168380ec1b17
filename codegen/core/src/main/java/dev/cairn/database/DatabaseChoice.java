package dev.cairn.database;

import dev.cairn.connect.ConnectionSettings;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which throwaway database to use, as data: filled from the CLI ({@code cli.DatabaseOptions}) or
 * from system properties and the environment (the test extension), turned into a provider here so
 * both choose the same way.
 *
 * @param kind          what to use
 * @param image         Docker image for testcontainers (default: official postgres of the build's major)
 * @param server        an existing server for {@code server} (and for {@code auto}, which prefers it)
 * @param dockerTimeout how long {@code auto} waits for a Docker engine to answer
 * @param versions      the build's PostgreSQL versions
 */
public record DatabaseChoice(DatabaseKind kind, String image, Optional<ConnectionSettings> server,
                             Duration dockerTimeout, PostgresVersions versions) {

    public static final String SERVER_URL_ENV = "CAIRN_SERVER_URL";
    public static final Duration DEFAULT_DOCKER_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Options win; then {@code CAIRN_SERVER_URL} (with {@code CAIRN_SERVER_USER},
     * {@code CAIRN_SERVER_PASSWORD}, else PGUSER/PGPASSWORD, else credentials in the URL).
     */
    public static DatabaseChoice of(DatabaseKind kind, String image, String serverUrl, String user, String password,
                                    Map<String, String> env) {
        PostgresVersions versions = PostgresVersions.load();
        String url = serverUrl != null ? serverUrl : env.get(SERVER_URL_ENV);
        Optional<ConnectionSettings> server = Optional.empty();
        if (url != null && !url.isBlank()) {
            server = Optional.of(ConnectionSettings.resolve(url,
                    user != null ? user : env.get("CAIRN_SERVER_USER"),
                    password != null ? password : env.get("CAIRN_SERVER_PASSWORD"), env));
        }
        if (kind == DatabaseKind.SERVER && server.isEmpty()) {
            throw new IllegalArgumentException("--database=server needs a server: pass --server-url=jdbc:postgresql://host:5432/postgres"
                    + " (a user with CREATEDB) or set " + SERVER_URL_ENV + ".");
        }
        return new DatabaseChoice(kind, image != null && !image.isBlank() ? image : versions.defaultImage(), server,
                DEFAULT_DOCKER_TIMEOUT, versions);
    }

    /** From {@code -Dcairn.database}, {@code -Dcairn.image}, {@code -Dcairn.server-url} and the environment. */
    public static DatabaseChoice fromSystem() {
        return of(DatabaseKind.parse(System.getProperty("cairn.database",
                        System.getenv().getOrDefault("CAIRN_DATABASE", "auto"))),
                System.getProperty("cairn.image", System.getenv("CAIRN_IMAGE")),
                System.getProperty("cairn.server-url"), null, null, System.getenv());
    }

    /**
     * The provider; {@code log} gets the auto decision and a warning when the database's major
     * differs from production's. {@code offline} gives an {@link OfflineProvider}, which has no
     * database to start: the pipeline interprets the migrations instead.
     */
    public DatabaseProvider provider(Consumer<String> log) {
        DatabaseProvider p = switch (kind) {
            case OFFLINE -> new OfflineProvider(log);
            case EMBEDDED -> DatabaseProvider.embedded();
            case TESTCONTAINERS -> TestcontainersPostgres.provider(image);
            case SERVER -> TemporaryServerDatabase.provider(server.orElseThrow());
            case AUTO -> new AutoDatabaseProvider(server, image, i -> DockerEngineProbe.unavailable(i, dockerTimeout), log);
        };
        if (p instanceof OfflineProvider) return p;
        return new DatabaseProvider() {
            @Override
            public ThrowawayPostgres start() throws IOException {
                return checked(p.start());
            }

            @Override
            public boolean isEmbedded() {
                return p.isEmbedded();
            }

            @Override
            public ThrowawayPostgres startFrom(EmbeddedPostgres.DataSeed seed) throws IOException {
                return checked(p.startFrom(seed));
            }

            private ThrowawayPostgres checked(ThrowawayPostgres db) {
                MajorVersionCheck.warning(db, versions.productionMajor()).ifPresent(w -> log.accept(String.format("%-11s %s", "warning", w)));
                return db;
            }
        };
    }
}
