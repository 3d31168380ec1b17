package dev.cairn.walk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of issue 24, item 7, in the build: a short walk with a fixed seed, every front end and
 * every kind of move, and not one step whose result differs from a run from zero. The long walks
 * (bench/walk.sh, {@code -Dwalk.steps=N -Dwalk.seed=S}) run the same code.
 */
class WalkTest {

    @TempDir
    Path work;

    private UserWalk walk;

    @AfterEach
    void stopEngines() throws Exception {
        if (walk == null) return;
        walk.close();
        Path project = walk.project().dir;
        List<ProcessHandle> left = WarmEngines.of(project);
        for (ProcessHandle engine : left) WarmEngines.awaitExit(engine, Duration.ofSeconds(30));
        assertEquals(List.of(), WarmEngines.of(project), "a warm engine of the walk's project is left");
    }

    @Test
    void everyStepGivesTheResultOfARunFromZero() throws Exception {
        long seed = Long.getLong("walk.seed", 20261207L);
        int steps = Integer.getInteger("walk.steps", 50);
        walk = new UserWalk(work, seed, System.out::println);
        UserWalk.Report report = walk.walk(steps);
        System.out.println("walk seed " + seed + ": " + report.steps() + " steps, " + report.divergences().size() + " divergences, "
                + report.oracleRuns() + " runs from zero, " + report.wallTime().toSeconds() + " s, " + report.frontEnds() + ", " + report.exits());
        assertEquals(steps, report.steps());
        assertTrue(report.frontEnds().size() >= 3, "the walk went through several front ends: " + report.frontEnds());
        assertEquals(List.of(), report.divergences(), report.divergences().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }
}
