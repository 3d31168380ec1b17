package dev.cairn.walk;

import dev.cairn.files.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The long walk (bench/walk.sh): {@code WalkMain SEED STEPS}, one line per step, a summary line,
 * each divergence in full; exit code 0 with none, 3 with any. Every engine it started is stopped.
 */
public final class WalkMain {

    private WalkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: WalkMain SEED STEPS");
        long seed = Long.parseLong(args[0]);
        int steps = Integer.parseInt(args[1]);
        Path work = Files.createTempDirectory("cairn-walk-" + seed + "-");
        UserWalk.Report report;
        try (UserWalk walk = new UserWalk(work, seed, line -> {
            System.out.println(line);
            System.out.flush();
        })) {
            report = walk.walk(steps);
        } finally {
            FileTrees.deleteQuietly(work);
        }
        System.out.println("walk seed " + seed + ": " + report.steps() + " steps, " + report.divergences().size() + " divergences, "
                + report.oracleRuns() + " runs from zero, " + report.wallTime().toSeconds() + " s, " + report.frontEnds() + ", "
                + report.exits() + ", " + report.routes());
        report.divergences().forEach(System.out::println);
        System.exit(report.divergences().isEmpty() ? 0 : 3);
    }
}
