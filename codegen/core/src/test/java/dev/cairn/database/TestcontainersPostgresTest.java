package dev.cairn.database;

import dev.cairn.lint.LintConfig;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The testcontainers provider against a real Docker engine. Image: {@code -Dcairn.test.image}
 * (default: the official image of the build's major). On a machine without registry access:
 * {@code bash shared/tools/docker-postgres.sh}, then
 * {@code TESTCONTAINERS_RYUK_DISABLED=true ./mvnw ... -Dcairn.test.image=local/postgres:15}.
 */
@Tag("docker")
class TestcontainersPostgresTest {

    static String image;

    @BeforeAll
    static void requireDocker() {
        assumeTrue(DockerEngineProbe.answers(Duration.ofSeconds(10)),
                "SKIPPED: no Docker engine answers here; the testcontainers provider is not tested on this machine");
        image = System.getProperty("cairn.test.image", PostgresVersions.load().defaultImage());
    }

    @Test
    void generatesFromAContainerAndRemovesIt(@TempDir Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        DatabaseProvider provider = DatabaseChoice.of(DatabaseKind.TESTCONTAINERS, image, null, null, null, Map.of())
                .provider(lines::add);
        String[] containerId = new String[1];
        DatabaseProvider remembering = () -> {
            ThrowawayPostgres db = provider.start();
            containerId[0] = db.description().replaceAll(".*\\((\\w{12}).*", "$1");
            return db;
        };
        PipelineResult r = new Pipeline(remembering, lines::add).run(new PipelineOptions(
                List.of(ProviderTestSupport.migrations()), out.resolve("java"), CodegenSettings.defaults()).withLint(LintConfig.reportOnly()));

        assertEquals(3, r.migrationsApplied());
        assertEquals(2, r.tables());
        assertTrue(r.database().startsWith("container " + image), r.database());
        assertTrue(Files.isRegularFile(out.resolve("java/org/jooq/generated/tables/Owners.java")));
        if (!image.startsWith("postgres:" + PostgresVersions.load().productionMajor())) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("warning +PostgreSQL .*") && l.contains("differs from production's major")),
                    String.join("\n", lines));
        }
        boolean stillThere = DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .anyMatch(c -> c.getId().startsWith(containerId[0]));
        assertFalse(stillThere, "container " + containerId[0] + " is removed after the run");
    }

    /**
     * Without Ryuk, Testcontainers cleans up from a JVM shutdown hook; in Maven that hook ran after the
     * engine's class loader was closed and ended every build with a NoClassDefFoundError and its stack
     * trace. Run as Maven runs it (a child JVM, cairn in a loader of its own, closed before the exit):
     * nothing on stderr, and no container left.
     */
    @Test
    void withoutRyukTheContainerIsGoneBeforeTheRunReturnsAndNothingIsPrintedAtExit() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                ClosedLoaderRun.class.getName(), image);
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes());
        String err = new String(child.getErrorStream().readAllBytes());
        assertTrue(child.waitFor(180, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out + err);
        assertTrue(out.contains("started container " + image) && out.contains("loader closed"), out + err);
        assertFalse(err.contains("NoClassDefFoundError") || err.contains("Exception"), "nothing at exit:\n" + err);
        String id = out.replaceAll("(?s).*started container \\S+ \\((\\w{12}).*", "$1");
        assertFalse(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .anyMatch(c -> c.getId().startsWith(id)), "container " + id + " is removed");
    }

    @Test
    void autoChoosesTestcontainersWhenDockerAnswers() {
        List<String> lines = new ArrayList<>();
        AutoDatabaseProvider auto = new AutoDatabaseProvider(java.util.Optional.empty(), image,
                i -> DockerEngineProbe.unavailable(i, Duration.ofSeconds(10)), lines::add);
        assertEquals("database    auto: no server URL, Docker engine answers -> testcontainers", auto.decide().line());
    }
}
