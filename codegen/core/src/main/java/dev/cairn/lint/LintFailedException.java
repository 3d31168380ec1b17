package dev.cairn.lint;

/** The migrations broke a lint rule set to error; the message lists each finding with file and line. */
public final class LintFailedException extends RuntimeException {

    private final LintReport report;

    public LintFailedException(String message, LintReport report) {
        super(message);
        this.report = report;
    }

    public LintReport report() {
        return report;
    }
}
