package dev.cairn.undo;

import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;
import java.util.List;

/**
 * One parsed {@code U<n>__<description>.sql}: the statements that take the schema from version n back
 * to n-1. A script runs in one transaction unless a statement cannot (CREATE/DROP INDEX CONCURRENTLY);
 * such a statement must then be alone in its file, the same rule Flyway applies to migrations.
 */
public record UndoScript(MigrationVersion version, String description, Path file, List<Statement> statements) {

    /** @param line 1-based line where the statement starts in the file */
    public record Statement(int line, String sql, boolean transactional) {
    }

    public UndoScript {
        statements = List.copyOf(statements);
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** False for a script whose (single) statement PostgreSQL refuses inside a transaction block. */
    public boolean transactional() {
        return statements.stream().allMatch(Statement::transactional);
    }

    /** A comment-only script, e.g. the undo of a data migration. */
    public boolean isNoOp() {
        return statements.isEmpty();
    }
}
