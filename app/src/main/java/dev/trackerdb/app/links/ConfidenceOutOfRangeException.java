package dev.trackerdb.app.links;

/** A link confidence outside 0..1, refused by the database's check_confidence_range. */
public final class ConfidenceOutOfRangeException extends IllegalArgumentException {

    private final double confidence;

    public ConfidenceOutOfRangeException(double confidence, Throwable cause) {
        super("confidence must be between 0 and 1, was " + confidence, cause);
        this.confidence = confidence;
    }

    public double confidence() {
        return confidence;
    }
}
