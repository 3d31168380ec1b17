package dev.cairn.lint;

import java.util.Locale;
import java.util.Map;

/**
 * What a statement does, as far as the rules care; produced by {@link JooqStatementReader} or,
 * where jOOQ's parser cannot read the statement, by {@link KeywordStatementReader}. Names are
 * lower-case without the {@code public.} schema. Public so that each rule of
 * {@code dev.cairn.lint.rules} can match on it.
 */
public sealed interface Change extends java.io.Serializable {

    /**
     * CREATE TABLE, CREATE SEQUENCE/VIEW/SCHEMA/EXTENSION/TYPE/...: {@code guarded} = IF NOT EXISTS or OR REPLACE;
     * {@code columns}: a table's columns whose types were read, by name.
     */
    record Create(String objectType, String name, boolean guarded, Map<String, ColumnType> columns) implements Change {

        public Create {
            columns = Map.copyOf(columns);
        }

        public Create(String objectType, String name, boolean guarded) {
            this(objectType, name, guarded, Map.of());
        }
    }

    /** DROP TABLE/VIEW/TYPE/...: {@code guarded} = IF EXISTS. */
    record Drop(String objectType, String name, boolean guarded) implements Change {
    }

    record CreateIndex(String name, String table, boolean ifNotExists, boolean concurrently) implements Change {
    }

    record DropIndex(String name, boolean ifExists, boolean concurrently) implements Change {
    }

    /** REINDEX INDEX/TABLE/SCHEMA/DATABASE/SYSTEM {@code target}: {@code kind} is that word, lower case. */
    record Reindex(String kind, String target, boolean concurrently) implements Change {
    }

    /**
     * ADD COLUMN with what decides how PostgreSQL adds it: {@code defaultKind} of its DEFAULT,
     * {@code generatedSequence} for serial types and GENERATED ... AS IDENTITY (every row gets
     * nextval), {@code storedGenerated} for GENERATED ALWAYS AS (expr) STORED, and {@code inlineKey}
     * for an inline UNIQUE or PRIMARY KEY (an index built under the ALTER's lock); {@code type} null when not read.
     */
    record AddColumn(String table, String column, boolean ifNotExists, boolean notNull, DefaultKind defaultKind,
                     boolean generatedSequence, boolean storedGenerated, boolean inlineKey, ColumnType type) implements Change {

        /** Existing rows get a value, so NOT NULL cannot fail on them. */
        public boolean hasDefault() {
            return defaultKind != DefaultKind.NONE || generatedSequence || storedGenerated;
        }
    }

    /** How a column's DEFAULT behaves when the column is added to a table with rows. */
    enum DefaultKind {
        /** No DEFAULT, or DEFAULT NULL: existing rows are NULL, nothing is written. */
        NONE,
        /** A constant or a STABLE/IMMUTABLE expression (now(), 'x', 0): stored once in the catalog from PostgreSQL 11 on. */
        NON_VOLATILE,
        /** random(), gen_random_uuid(), clock_timestamp(), nextval(), a user function: evaluated per row, so every row is written. */
        VOLATILE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record DropColumn(String table, String column, boolean ifExists) implements Change {
    }

    /** ALTER COLUMN ... TYPE {@code type} (null when not read); {@code plain}: without USING or COLLATE. */
    record AlterColumnType(String table, String column, ColumnType type, boolean plain) implements Change {
    }

    /** ALTER COLUMN ... SET NOT NULL: PostgreSQL scans the table unless a valid CHECK proves it (12+). */
    record SetNotNull(String table, String column) implements Change {
    }

    /**
     * {@code kind}: foreign key, check, unique, primary key, exclude; {@code name} may be null.
     * {@code usingIndex}: UNIQUE/PRIMARY KEY USING INDEX (an index built before, no build now);
     * {@code notNullColumn}: the column of a {@code CHECK (col IS NOT NULL)}, else null;
     * {@code onNewNullColumn}: a FOREIGN KEY written on a column the same statement adds, and the statement
     * has no DEFAULT clause (DEFAULT NULL counts as one, PostgreSQL validates then): every row is NULL, so
     * PostgreSQL checks no row.
     */
    record AddConstraint(String table, String name, String kind, boolean notValid, boolean usingIndex,
                         String notNullColumn, boolean onNewNullColumn) implements Change {

        public AddConstraint(String table, String name, String kind, boolean notValid, boolean usingIndex, String notNullColumn) {
            this(table, name, kind, notValid, usingIndex, notNullColumn, false);
        }
    }

    record ValidateConstraint(String table, String name) implements Change {
    }

    record DropConstraint(String table, String name, boolean ifExists) implements Change {
    }

    record RenameTable(String table, String newName) implements Change {
    }

    record RenameColumn(String table, String column, String newName) implements Change {
    }

    /** ALTER DOMAIN ... ADD CONSTRAINT: checks every column of the domain, in every table, under lock. */
    record AlterDomainAddConstraint(String domain, String name, boolean notValid) implements Change {
    }

    /**
     * INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY; {@code cascade} only for TRUNCATE ... CASCADE;
     * {@code filtered}: a WHERE outside parentheses (an UPDATE without one changes every row).
     */
    record DataChange(String verb, String table, boolean cascade, boolean filtered) implements Change {
        public DataChange(String verb, String table) {
            this(verb, table, false, false);
        }
    }

    /** ALTER TYPE ... RENAME VALUE: a writer still sending the old label fails. */
    record RenameEnumValue(String type, String value, String newValue) implements Change {
    }

    /** ALTER TABLE ... DETACH PARTITION: {@code concurrently} (PostgreSQL 14+) cannot run in a transaction. */
    record DetachPartition(String table, String partition, boolean concurrently) implements Change {
    }
}
