package dev.cairn.undo;

import java.time.Duration;
import java.util.List;

/** The outcome of {@link RoundTripVerifier#verify}: one result per version, in version order. */
public record VerifyUndoReport(List<RoundTripResult> results, Duration total) {

    public VerifyUndoReport {
        results = List.copyOf(results);
    }

    public long count(RoundTripResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public long verified() {
        return count(RoundTripResult.Status.OK);
    }

    public long failed() {
        return count(RoundTripResult.Status.FAILED);
    }

    public long missing() {
        return count(RoundTripResult.Status.MISSING);
    }

    /** Clean when nothing failed, and (if every version must have an undo) nothing is missing. */
    public boolean clean(boolean requireAll) {
        return failed() == 0 && (!requireAll || missing() == 0);
    }

    public String summary() {
        return String.format("undo: %d verified, %d failed, %d missing  (%.1f s)",
                verified(), failed(), missing(), total.toMillis() / 1000.0);
    }
}
