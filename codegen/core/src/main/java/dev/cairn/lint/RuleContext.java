package dev.cairn.lint;

/**
 * What a statement rule may know besides the change itself: the schema as the earlier migrations
 * left it, the file the statement is in, and the PostgreSQL major the migrations will run on.
 */
public interface RuleContext {

    /** Created by an earlier version and not (re)created in this file: may hold rows and be in use. */
    boolean existingTable(String table);

    /** Inside {@code DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN NULL; END $$}: a CREATE there may fail harmlessly. */
    boolean duplicateGuarded();

    /** A schema migration (db/migration, or an undo of one), as opposed to a data migration (db/data). */
    boolean schemaMigration();

    /** The production PostgreSQL major ({@link LintConfig#postgresMajor()}). */
    int postgresMajor();

    int statementsInFile();

    /** The column's type as the migrations so far left it, or null when they did not say it in a form lint reads. */
    ColumnType columnType(String table, String column);

    /** Flyway runs the file in a transaction: no {@code <file>.sql.conf} beside it says executeInTransaction=false. */
    boolean runsInTransaction();

    /** This file dropped the constraint with IF EXISTS before: re-adding it is repeatable. */
    boolean droppedIfExistsBefore(String table, String constraint);

    /** The table of an index the migrations created, or null when unknown. */
    String tableOfIndex(String index);

    /** The index is on an existing table, or was created outside the migrations read (so it may be). */
    boolean indexOnExistingTable(String index);

    /** A valid (validated) {@code CHECK (column IS NOT NULL)} exists, so SET NOT NULL needs no scan (PostgreSQL 12+). */
    boolean notNullProvenByCheck(String table, String column);

    void report(String message);
}
