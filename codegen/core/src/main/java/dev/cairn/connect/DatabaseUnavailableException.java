package dev.cairn.connect;

/** The database could not be used at all (unreachable, login refused, missing); nothing was changed. */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
