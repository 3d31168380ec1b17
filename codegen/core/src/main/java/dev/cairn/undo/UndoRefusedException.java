package dev.cairn.undo;

/** The undo was not started because it could not finish cleanly; nothing in the database changed. */
public final class UndoRefusedException extends RuntimeException {

    public UndoRefusedException(String message) {
        super(message);
    }
}
