package dev.cairn.observe;

/** New migrations did something on the database that blocks writes for as long as the table is big. */
public final class ObservedRiskException extends RuntimeException {

    public ObservedRiskException(String message) {
        super(message);
    }
}
