package dev.cairn.lock;

/** The migrations do not match migrations.lock (or the lock itself is unreadable). A finding, not a crash. */
public final class MigrationLockException extends RuntimeException {

    public MigrationLockException(String message) {
        super(message);
    }
}
