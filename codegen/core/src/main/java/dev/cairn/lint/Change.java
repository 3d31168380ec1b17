package dev.cairn.lint;

/**
 * What a statement does, as far as the rules care; produced by {@link JooqStatementReader} or,
 * where jOOQ's parser cannot read the statement, by {@link KeywordStatementReader}. Names are
 * lower-case without the {@code public.} schema.
 */
sealed interface Change extends java.io.Serializable {

    /** CREATE TABLE, CREATE SEQUENCE/VIEW/SCHEMA/EXTENSION/TYPE/...: {@code guarded} = IF NOT EXISTS or OR REPLACE. */
    record Create(String objectType, String name, boolean guarded) implements Change {
    }

    /** DROP TABLE/VIEW/TYPE/...: {@code guarded} = IF EXISTS. */
    record Drop(String objectType, String name, boolean guarded) implements Change {
    }

    record CreateIndex(String name, String table, boolean ifNotExists, boolean concurrently) implements Change {
    }

    record DropIndex(String name, boolean ifExists, boolean concurrently) implements Change {
    }

    record AddColumn(String table, String column, boolean ifNotExists, boolean notNull, boolean hasDefault) implements Change {
    }

    record DropColumn(String table, String column, boolean ifExists) implements Change {
    }

    record AlterColumnType(String table, String column) implements Change {
    }

    /** {@code kind}: foreign key, check, unique, primary key, exclude; {@code name} may be null. */
    record AddConstraint(String table, String name, String kind, boolean notValid) implements Change {
    }

    record DropConstraint(String table, String name, boolean ifExists) implements Change {
    }

    record RenameTable(String table, String newName) implements Change {
    }

    record RenameColumn(String table, String column, String newName) implements Change {
    }

    /** INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY. */
    record DataChange(String verb, String table) implements Change {
    }
}
