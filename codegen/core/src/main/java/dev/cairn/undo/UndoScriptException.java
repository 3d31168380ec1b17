package dev.cairn.undo;

/** An undo script that cannot be used as written (unparsable, or mixes CONCURRENTLY with other statements). */
public final class UndoScriptException extends RuntimeException {

    public UndoScriptException(String message, Throwable cause) {
        super(message, cause);
    }

    public UndoScriptException(String message) {
        super(message);
    }
}
