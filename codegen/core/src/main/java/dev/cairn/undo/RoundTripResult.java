package dev.cairn.undo;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one version in the round trip.
 *
 * @param script   the undo file name, or the migration's when there is no undo
 * @param problems for FAILED: one line per difference or error
 * @param suggestedUndo for MISSING: DDL that takes the catalog of version n back to n-1 (a starting point)
 * @param undoTime how long applying the undo script took (zero when it did not run)
 */
public record RoundTripResult(String version, String script, Status status, List<String> problems,
                              List<String> suggestedUndo, Duration undoTime) {

    public enum Status { OK, FAILED, MISSING }

    public RoundTripResult {
        problems = List.copyOf(problems);
        suggestedUndo = List.copyOf(suggestedUndo);
    }

    static RoundTripResult ok(String version, String script, Duration undoTime) {
        return new RoundTripResult(version, script, Status.OK, List.of(), List.of(), undoTime);
    }

    static RoundTripResult failed(String version, String script, List<String> problems, Duration undoTime) {
        return new RoundTripResult(version, script, Status.FAILED, problems, List.of(), undoTime);
    }

    static RoundTripResult missing(String version, String migrationScript, List<String> suggestedUndo) {
        return new RoundTripResult(version, migrationScript, Status.MISSING, List.of(), suggestedUndo, Duration.ZERO);
    }
}
