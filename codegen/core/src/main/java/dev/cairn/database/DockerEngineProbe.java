package dev.cairn.database;

import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Testcontainers whether a Docker engine answers, bounded in time: its strategies can wait on
 * a socket that never answers, and {@code auto} must fall back to the embedded server quickly.
 */
public final class DockerEngineProbe {

    private DockerEngineProbe() {
    }

    public static boolean answers(Duration timeout) {
        // Nothing that could be an engine: say so at once, without Testcontainers' slow, loud search.
        if (!anyEngineConfigured(System.getenv(), Path.of(System.getProperty("user.home", "/")))) return false;
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(
                () -> DockerClientFactory.instance().isDockerAvailable(),
                r -> {
                    Thread t = new Thread(r, "cairn-docker-probe");
                    t.setDaemon(true); // a hung probe must not keep the JVM alive
                    t.start();
                });
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A Docker host named in the environment or Testcontainers' settings, or a socket where engines
     * (Docker Engine, Docker Desktop, rootless Docker, Colima, Podman) put theirs.
     */
    static boolean anyEngineConfigured(Map<String, String> env, Path home) {
        if (env.get("DOCKER_HOST") != null || env.get("TESTCONTAINERS_DOCKER_HOST") != null) return true;
        if (Files.isRegularFile(home.resolve(".testcontainers.properties"))) return true;
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock")));
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman/podman.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }
}
