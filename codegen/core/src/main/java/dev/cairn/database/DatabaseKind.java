package dev.cairn.database;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways of getting a schema to generate from; {@code --database} / {@code -Dcodegen.database}. */
public enum DatabaseKind {
    /** server if a URL is configured, else testcontainers if Docker answers, else embedded. */
    AUTO,
    EMBEDDED,
    TESTCONTAINERS,
    SERVER,
    /** No database: jOOQ's DDLDatabase interprets the migrations. Never chosen by AUTO. */
    OFFLINE;

    public static DatabaseKind parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown database '" + value + "'; use one of " + names() + ".");
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(DatabaseKind::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
