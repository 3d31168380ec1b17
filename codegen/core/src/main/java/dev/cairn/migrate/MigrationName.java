package dev.cairn.migrate;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file name as Flyway reads it, the one parser every part of cairn uses (lint, lock,
 * fingerprint, undo): {@code V<version>__<description>.sql} (versioned), {@code U...} (undo),
 * {@code B...} (baseline), {@code R__<description>.sql} (repeatable, no version), and SQL callbacks
 * named after a Flyway event ({@code beforeMigrate.sql}, {@code afterMigrate__refresh.sql}).
 * Versions are Flyway's: parts split by '.' or '_', so {@code V1_1}, {@code V1.1} and {@code V1.01}
 * are all version 1.1.
 *
 * @param kind        what Flyway does with the file
 * @param version     null for repeatables and callbacks
 * @param description the part after {@code __} as written (empty when there is none)
 * @param fileName    the whole name
 */
public record MigrationName(Kind kind, MigrationVersion version, String description, String fileName) {

    public enum Kind {
        VERSIONED('V'), UNDO('U'), BASELINE('B'), REPEATABLE('R'), CALLBACK(' ');

        private final char prefix;

        Kind(char prefix) {
            this.prefix = prefix;
        }

        public char prefix() {
            return prefix;
        }

        /** Versioned and baseline migrations: applied once, recorded by version, never edited afterwards. */
        public boolean locked() {
            return this == VERSIONED || this == BASELINE;
        }
    }

    public static final String SEPARATOR = "__";
    public static final String SUFFIX = ".sql";

    /** Flyway's version syntax: digits, parts split by '.' or '_' (a single underscore). */
    private static final Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");
    private static final Pattern VERSIONED_NAME = Pattern.compile("([VUB])(.*?)__(.*)\\.sql");

    /** The name Flyway would give this file, or empty when Flyway would not run it (see {@link #problem}). */
    public static Optional<MigrationName> parse(String fileName) {
        Optional<MigrationName> name = PARSED.get(fileName);
        if (name == null) {
            if (PARSED.size() > 100_000) PARSED.clear();
            name = Optional.ofNullable(parseOrNull(fileName));
            PARSED.put(fileName, name);
        }
        return name;
    }

    /** Names parsed before, by file name: a JVM that scans thousands of files again (the warm engine) parses the new ones. */
    private static final java.util.Map<String, Optional<MigrationName>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static MigrationName parseOrNull(String fileName) {
        if (!fileName.endsWith(SUFFIX)) return null;
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        Event event = callbackEvent(stem);
        if (event != null) {
            int sep = stem.indexOf(SEPARATOR);
            return new MigrationName(Kind.CALLBACK, null, sep < 0 ? "" : stem.substring(sep + 2), fileName);
        }
        if (stem.startsWith("R" + SEPARATOR)) {
            return new MigrationName(Kind.REPEATABLE, null, stem.substring(3), fileName);
        }
        Matcher m = VERSIONED_NAME.matcher(fileName);
        if (!m.matches() || !VERSION.matcher(m.group(2)).matches()) return null;
        Kind kind = switch (m.group(1).charAt(0)) {
            case 'V' -> Kind.VERSIONED;
            case 'U' -> Kind.UNDO;
            default -> Kind.BASELINE;
        };
        return new MigrationName(kind, MigrationVersion.fromVersion(m.group(2)), m.group(3), fileName);
    }

    /** Why Flyway would not take {@code fileName} as a migration, for messages; null when it would. */
    public static String problem(String fileName) {
        if (parseOrNull(fileName) != null) return null;
        if (!fileName.endsWith(SUFFIX)) return "it does not end in " + SUFFIX;
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        char first = stem.isEmpty() ? ' ' : stem.charAt(0);
        if ("VUB".indexOf(first) >= 0) {
            int sep = stem.indexOf(SEPARATOR);
            if (sep < 0) return "there is no '__' between version and description";
            return "'" + stem.substring(1, sep) + "' is not a version (use digits split by '.' or '_', e.g. 1, 1_1, 1.2.3)";
        }
        if (first == 'R') return "a repeatable migration is named R__<description>.sql (no version)";
        return "it starts with neither V, B, R nor U, and is not a Flyway callback such as beforeMigrate.sql";
    }

    /** Version as people write it in messages: {@code 1.1} (the file may say 1_1). */
    public String versionText() {
        return version == null ? "" : version.getVersion();
    }

    /** The description as Flyway records it: underscores become spaces. */
    public String displayDescription() {
        return description.replace('_', ' ');
    }

    private static Event callbackEvent(String stem) {
        int sep = stem.indexOf(SEPARATOR);
        String id = sep < 0 ? stem : stem.substring(0, sep);
        if (id.isEmpty() || !Character.isLowerCase(id.charAt(0))) return null;
        try {
            return Event.fromId(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
