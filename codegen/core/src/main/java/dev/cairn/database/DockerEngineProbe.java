package dev.cairn.database;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** How long `auto` waits for an image that is not on this machine to be pulled before it moves on. */
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Why Docker cannot serve {@code image} now (empty: it can): no engine answers, or the image is
     * neither on this machine nor pullable within {@link #PULL_TIMEOUT}. An air-gapped runner has
     * an engine but no registry: without this check, Testcontainers' pull waits for minutes.
     */
    public static Optional<String> unavailable(String image, Duration engineTimeout) {
        Optional<String> engine = engineProblem(engineTimeout);
        if (engine.isPresent()) return engine;
        CompletableFuture<Optional<String>> check = CompletableFuture.supplyAsync(() -> imageProblem(image), DockerEngineProbe::daemon);
        try {
            return check.get(PULL_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of(notPulled(image, "no answer within " + PULL_TIMEOUT.toSeconds() + " s"));
        } catch (ExecutionException e) {
            return Optional.of(notPulled(image, String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse("")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static Optional<String> imageProblem(String image) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (NotFoundException notHere) {
            // try a pull, bounded
        }
        DockerImageName name = DockerImageName.parse(image);
        PullImageResultCallback pull = client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart())
                .exec(new PullImageResultCallback());
        try {
            if (!pull.awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(notPulled(image, "not pulled within " + PULL_TIMEOUT.toSeconds() + " s"));
            }
            client.inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(notPulled(image, "interrupted"));
        } catch (RuntimeException e) {
            return Optional.of(notPulled(image, String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("")));
        } finally {
            try {
                pull.close();
            } catch (java.io.IOException | RuntimeException ignored) {
                // the pull is abandoned either way
            }
        }
    }

    private static String notPulled(String image, String why) {
        return "Docker engine answers, but image " + image + " is not on this machine and cannot be pulled (" + why + ")";
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "cairn-docker-probe");
        t.setDaemon(true); // a hung probe must not keep the JVM alive
        t.start();
    }

    public static boolean answers(Duration timeout) {
        return engineProblem(timeout).isEmpty();
    }

    /** Why no engine can be used (empty: one answers), in words for `auto`'s line. */
    private static Optional<String> engineProblem(Duration timeout) {
        // Nothing that could be an engine: say so at once, without Testcontainers' slow, loud search.
        if (!anyEngineConfigured(System.getenv(), Path.of(System.getProperty("user.home", "/")))) {
            return Optional.of("no Docker engine");
        }
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(
                () -> DockerClientFactory.instance().isDockerAvailable(), DockerEngineProbe::daemon);
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.empty() : Optional.of("no Docker engine answers");
        } catch (TimeoutException e) {
            // Testcontainers starts its Ryuk container as part of this: on a runner without a registry, its pull is what hangs.
            return Optional.of("Docker engine not ready within " + timeout.toSeconds() + " s (Testcontainers' Ryuk image"
                    + " may not be pullable here; TESTCONTAINERS_RYUK_DISABLED=true skips it)");
        } catch (ExecutionException e) {
            return Optional.of("no Docker engine answers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
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
