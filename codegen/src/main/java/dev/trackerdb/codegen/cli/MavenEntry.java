package dev.trackerdb.codegen.cli;

/**
 * Entry point for {@code exec:java} in the build: the same commands as {@link TrackerDb}, but a
 * failure becomes an exception (which fails the Maven build) instead of System.exit, which would
 * end Maven itself.
 */
public final class MavenEntry {

    private MavenEntry() {
    }

    public static void main(String[] args) {
        int code = TrackerDb.execute(args);
        if (code != TrackerDb.OK) {
            throw new IllegalStateException("trackerdb " + String.join(" ", args) + " failed (exit code " + code
                    + "); the reason is printed above.");
        }
    }
}
