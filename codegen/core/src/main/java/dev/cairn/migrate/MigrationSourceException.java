package dev.cairn.migrate;

/** The migration folders cannot be used as they are (missing, empty, unreadable file); nothing was run. */
public final class MigrationSourceException extends RuntimeException {

    public MigrationSourceException(String message) {
        super(message);
    }

    public MigrationSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
