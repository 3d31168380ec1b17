package dev.cairn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `auto` on an air-gapped runner (issue item 10): a Docker engine answers, but the image is not on
 * the machine and cannot be pulled. Here the engine is {@link FakeDockerEngine} on a real Unix
 * socket, so no Docker is needed; the CLI runs as a process of its own with DOCKER_HOST pointing at it.
 */
class AirGappedDockerTest {

    @TempDir
    Path dir;

    @Test
    void autoFallsBackToEmbeddedWithOneLineWhenTheImageCannotBePulled() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        try (FakeDockerEngine docker = new FakeDockerEngine(dir.resolve("docker.sock"))) {
            long t0 = System.nanoTime();
            CliProcess cli = CliProcess.start(Map.of("DOCKER_HOST", docker.host(), "TESTCONTAINERS_RYUK_DISABLED", "true"),
                    "generate", "--database", "auto", "--image", "postgres:18", "--project-dir", dir.toString(),
                    "--locations", migrations.toString(), "--output", dir.resolve("generated").toString(),
                    "--lint", "not-idempotent=off,missing-undo=off",
                    "--undo-location", Files.createDirectories(dir.resolve("undo")).toString(),
                    "--snapshot-cache-size", "0", "--check", "false", "--ci", "false");
            int code;
            try (cli) {
                code = cli.exitCode(120);
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertEquals(0, code, cli.out() + cli.err());
            assertEquals("", cli.err(), "no Testcontainers log lines; requests: " + docker.requests);
            String line = cli.out().lines().filter(l -> l.contains("auto:")).findFirst().orElseThrow(() -> new AssertionError(cli.out()));
            assertTrue(line.startsWith("database    auto: no server URL, Docker engine answers, but image postgres:18 is not on this"
                    + " machine and cannot be pulled ("), line + "\nrequests: " + docker.requests);
            assertTrue(line.endsWith(") -> embedded"), line);
            assertTrue(line.contains("no such host"), "says why: " + line);
            assertTrue(docker.requests.stream().anyMatch(r -> r.startsWith("POST") && r.contains("/images/create")),
                    "a pull was tried: " + docker.requests);
            assertTrue(seconds < 60, "no long wait for a pull: " + seconds + " s");
        }
    }
}
