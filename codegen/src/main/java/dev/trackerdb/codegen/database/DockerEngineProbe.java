package dev.trackerdb.codegen.database;

import org.testcontainers.DockerClientFactory;

import java.time.Duration;
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
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(
                () -> DockerClientFactory.instance().isDockerAvailable(),
                r -> {
                    Thread t = new Thread(r, "trackerdb-docker-probe");
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
}
