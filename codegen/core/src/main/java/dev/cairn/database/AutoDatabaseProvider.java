package dev.cairn.database;

import dev.cairn.connect.ConnectionSettings;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The default: a configured server first (CI jobs that provide a PostgreSQL service), else
 * Testcontainers when a Docker engine answers (laptops), else the embedded server (CI containers
 * without Docker). Says in one line which it chose and why.
 */
public final class AutoDatabaseProvider implements DatabaseProvider {

    private final Optional<ConnectionSettings> server;
    private final String image;
    private final DockerCheck docker;
    private final Consumer<String> log;

    public AutoDatabaseProvider(Optional<ConnectionSettings> server, String image, DockerCheck docker,
                                Consumer<String> log) {
        this.server = server;
        this.image = image;
        this.docker = docker;
        this.log = log;
    }

    /** Why Docker cannot run {@code image} here (no engine, image not pullable); empty when it can. */
    @FunctionalInterface
    public interface DockerCheck {
        Optional<String> unavailable(String image);
    }

    /** What auto picks here, and the reason in words. */
    public record Decision(DatabaseKind kind, String reason) {
        public String line() {
            return String.format("%-11s auto: %s -> %s", "database", reason, kind);
        }
    }

    private Decision decided;

    /**
     * Probes once per provider: {@link #isEmbedded()} and the start that follows it agree. The
     * decision's line is said then, once: a server started ahead for the next run (the watch, the
     * daemon) does not say it again in the middle of this run's output.
     */
    public synchronized Decision decide() {
        if (decided == null) {
            decided = probe();
            log.accept(decided.line());
        }
        return decided;
    }

    @Override
    public boolean isEmbedded() {
        return decide().kind() == DatabaseKind.EMBEDDED;
    }

    @Override
    public ThrowawayPostgres startFrom(EmbeddedPostgres.DataSeed seed) throws IOException {
        Decision d = decide();
        if (d.kind() != DatabaseKind.EMBEDDED) return DatabaseProvider.super.startFrom(seed);
        return EmbeddedPostgres.start(seed);
    }

    private Decision probe() {
        if (server.isPresent()) {
            return new Decision(DatabaseKind.SERVER, "server URL configured (" + server.get().display() + ")");
        }
        Optional<String> noDocker = docker.unavailable(image);
        if (noDocker.isEmpty()) {
            return new Decision(DatabaseKind.TESTCONTAINERS, "no server URL, Docker engine answers");
        }
        return new Decision(DatabaseKind.EMBEDDED, "no server URL, " + noDocker.get());
    }

    @Override
    public ThrowawayPostgres start() throws IOException {
        Decision d = decide();
        return switch (d.kind()) {
            case SERVER -> TemporaryServerDatabase.provider(server.orElseThrow()).start();
            case TESTCONTAINERS -> TestcontainersPostgres.start(image);
            default -> EmbeddedPostgres.start();
        };
    }
}
