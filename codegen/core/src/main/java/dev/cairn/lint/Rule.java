package dev.cairn.lint;

import java.util.Arrays;
import java.util.Optional;

/** The checks, each with the id used in output and in {@code -- lint:ignore} comments, and its fix. */
public enum Rule {
    INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
            "use CREATE/DROP INDEX CONCURRENTLY, alone in its own migration file"),
    CONCURRENTLY_NOT_ALONE("concurrently-not-alone", Severity.ERROR,
            "move the CONCURRENTLY statement into a migration file of its own (it cannot run in a transaction)"),
    // House rules, off unless a project turns them on (the tracker sample does, in cairn.properties).
    NOT_IDEMPOTENT("not-idempotent", Severity.OFF,
            "add IF [NOT] EXISTS (CREATE TYPE: wrap in DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
                    + " ADD CONSTRAINT c: precede it with DROP CONSTRAINT IF EXISTS c)"),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Severity.ERROR,
            "add a DEFAULT, or add the column nullable, backfill it in db/data, then SET NOT NULL in a later version"),
    COLUMN_TYPE_CHANGED("column-type-changed", Severity.WARNING,
            "add a new column, backfill it in db/data and switch readers over; a type change rewrites the table under an exclusive lock"),
    DESTRUCTIVE("destructive", Severity.ERROR,
            "make sure nothing still reads it, then acknowledge with -- lint:ignore destructive reason: <why>"),
    CONSTRAINT_NOT_VALID("constraint-not-valid", Severity.ERROR,
            "add the constraint NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later version"),
    DATA_CHANGE("data-change", Severity.OFF,
            "move the UPDATE/INSERT/DELETE into a data migration under db/data"),
    FILE_NAME("file-name", Severity.ERROR,
            "name it as Flyway expects: V<version>__<description>.sql (or B..., R__..., a callback such as beforeMigrate.sql)"
                    + " with a version no other file uses"),
    FILE_NAME_STYLE("file-name-style", Severity.OFF,
            "name it V<int>__<what_it_does_in_snake_case>.sql (opt-in house style: lint=file-name-style=error)"),
    MISSING_UNDO("missing-undo", Severity.WARNING,
            "add db/undo/U<version>__<same description>.sql that reverses it"),
    SUPPRESSION_WITHOUT_REASON("suppression-without-reason", Severity.ERROR,
            "write -- lint:ignore <rule-id> reason: <why this is safe>"),
    SUPPRESSION_UNKNOWN_RULE("suppression-unknown-rule", Severity.ERROR,
            "use one of the rule ids listed by `cairn lint --help`"),
    PARSE_FALLBACK("parse-fallback", Severity.INFO,
            "none needed; the statement was classified by its keywords instead of jOOQ's parser");

    private final String id;
    private final Severity defaultSeverity;
    private final String fix;

    Rule(String id, Severity defaultSeverity, String fix) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String fix() {
        return fix;
    }

    /** Rules that a {@code lint:ignore} comment may not silence: they are about the comments themselves. */
    boolean suppressible() {
        return this != SUPPRESSION_WITHOUT_REASON && this != SUPPRESSION_UNKNOWN_RULE;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
