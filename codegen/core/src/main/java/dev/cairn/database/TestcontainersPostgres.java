package dev.cairn.database;

import dev.cairn.connect.ConnectionSettings;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.io.IOException;
import java.time.Duration;

/**
 * PostgreSQL in a Docker container started through Testcontainers. Any image that behaves like
 * the official one is accepted (postgis, pgvector, a company mirror): it is declared a compatible
 * substitute for {@code postgres}.
 *
 * <p>Reuse: when the user enabled it ({@code testcontainers.reuse.enable=true} in
 * {@code ~/.testcontainers.properties} or {@code TESTCONTAINERS_REUSE_ENABLE=true}), the container
 * is kept running between runs and each run gets its own fresh database inside it
 * ({@link TemporaryServerDatabase}), dropped afterwards; without it, the container is removed on
 * {@link #close()}. Reuse is never switched on by this tool, because a kept container outlives
 * the build and only its owner should decide that.
 */
public final class TestcontainersPostgres implements ThrowawayPostgres {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final PostgreSQLContainer container;
    private final ThrowawayPostgres database;
    private final boolean reused;

    private TestcontainersPostgres(PostgreSQLContainer container, ThrowawayPostgres database, boolean reused) {
        this.container = container;
        this.database = database;
        this.reused = reused;
    }

    public static DatabaseProvider provider(String image) {
        return () -> start(image);
    }

    public static TestcontainersPostgres start(String image) throws IOException {
        boolean reuse = reuseEnabled();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withStartupTimeout(START_TIMEOUT)
                // Throwaway data, as for the embedded server: durability buys nothing.
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
                .withReuse(reuse);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IOException("Could not start PostgreSQL image " + image + " with Testcontainers: "
                    + e.getMessage() + ". Check that Docker runs and the image can be pulled (--image to pick another,"
                    + " --database=embedded to run without Docker).", e);
        }
        ThrowawayPostgres db = reuse
                ? TemporaryServerDatabase.create(new ConnectionSettings(container.getJdbcUrl(), container.getUsername(),
                container.getPassword()), TemporaryServerDatabase.PREFIX)
                : new ContainerDatabase(container);
        return new TestcontainersPostgres(container, db, reuse);
    }

    /** Whether the user allowed reuse in their Testcontainers configuration. */
    public static boolean reuseEnabled() {
        return TestcontainersConfiguration.getInstance().environmentSupportsReuse();
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public String user() {
        return database.user();
    }

    @Override
    public String password() {
        return database.password();
    }

    @Override
    public String description() {
        return "container " + container.getDockerImageName() + " (" + container.getContainerId().substring(0, 12)
                + (reused ? ", reused" : "") + ") on " + container.getHost() + ":" + container.getFirstMappedPort();
    }

    public String containerId() {
        return container.getContainerId();
    }

    @Override
    public void close() {
        database.close();
        if (!reused) container.stop();
        cleanUpNowWithoutRyuk();
    }

    /**
     * Without Ryuk ({@code TESTCONTAINERS_RYUK_DISABLED=true}, common on CI runners and rootless
     * Docker), Testcontainers removes what it started from a JVM shutdown hook. In Maven that hook
     * runs after the build closed the engine's class loader, and ends the build with a
     * NoClassDefFoundError and its stack trace. The clean-up runs here instead, while its classes
     * still load: the container is gone before the run returns, and the hook finds nothing left to do
     * and every class it needs already loaded.
     */
    @SuppressWarnings("deprecation") // ResourceReaper is Testcontainers' own clean-up, the one its hook would run
    private static void cleanUpNowWithoutRyuk() {
        try {
            // As ResourceReaper.instance() decides which reaper it is (Ryuk's is package-private).
            if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) ResourceReaper.instance().performCleanup();
        } catch (RuntimeException | LinkageError e) {
            // the container itself is stopped; what the hook may still find is Testcontainers' own
        }
    }

    /** The container's own database, gone with the container. */
    private record ContainerDatabase(PostgreSQLContainer container) implements ThrowawayPostgres {
        @Override
        public String jdbcUrl() {
            return container.getJdbcUrl();
        }

        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public String description() {
            return container.getDockerImageName();
        }

        @Override
        public void close() {
        }
    }
}
