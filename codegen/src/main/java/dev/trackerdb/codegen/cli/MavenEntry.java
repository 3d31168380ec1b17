package dev.trackerdb.codegen.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Entry point for {@code exec:java} in the build: the same commands as {@link TrackerDb}, but a
 * failure becomes an exception (which fails the Maven build) instead of System.exit, which would
 * end Maven itself.
 */
public final class MavenEntry {

    private MavenEntry() {
    }

    public static void main(String[] args) {
        // Just the command the build runs (args[0]): the others' picocli models are not built.
        int code = TrackerDb.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args.length > 0 ? List.of(args[0]) : List.of()).execute(args);
        if (code != TrackerDb.OK) {
            throw new IllegalStateException("trackerdb " + String.join(" ", args) + " failed (exit code " + code
                    + "); the reason is printed above.");
        }
    }
}
