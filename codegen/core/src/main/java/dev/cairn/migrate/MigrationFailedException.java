package dev.cairn.migrate;

/** A migration that PostgreSQL rejected, described so a person can act on it. */
public final class MigrationFailedException extends RuntimeException {

    private final String script;
    private final int line;

    public MigrationFailedException(String message, String script, int line, Throwable cause) {
        super(message, cause);
        this.script = script;
        this.line = line;
    }

    /** The migration file name, e.g. {@code V3__add_events.sql}; null when no file was involved. */
    public String script() {
        return script;
    }

    /** 1-based line of the failing statement, or -1 when unknown. */
    public int line() {
        return line;
    }
}
