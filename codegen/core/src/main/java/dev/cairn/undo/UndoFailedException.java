package dev.cairn.undo;

/** An undo script that PostgreSQL rejected, described so a person can act on it. */
public final class UndoFailedException extends RuntimeException {

    private final String script;
    private final int line;

    public UndoFailedException(String message, String script, int line, Throwable cause) {
        super(message, cause);
        this.script = script;
        this.line = line;
    }

    /** The undo file name, e.g. {@code U3__add_events.sql}. */
    public String script() {
        return script;
    }

    /** 1-based line of the failing statement, or -1 when the failure was not in the script itself. */
    public int line() {
        return line;
    }
}
