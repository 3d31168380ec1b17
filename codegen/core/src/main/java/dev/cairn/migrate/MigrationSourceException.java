package dev.cairn.migrate;

/**
 * The migration folders cannot be used as they are (missing, empty, a file that is not UTF-8);
 * nothing was run. A wrong input like a bad option, hence an IllegalArgumentException.
 */
public final class MigrationSourceException extends IllegalArgumentException {

    public MigrationSourceException(String message) {
        super(message);
    }

    public MigrationSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
