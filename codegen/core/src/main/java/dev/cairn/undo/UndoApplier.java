package dev.cairn.undo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs an undo script the way Flyway runs a migration: all statements in one transaction, or, for a
 * lone CONCURRENTLY statement, in autocommit. Work that must happen together with the undo (deleting
 * the version's history row) goes in {@code andThen}, inside the same transaction when there is one.
 */
public final class UndoApplier {

    private UndoApplier() {
    }

    @FunctionalInterface
    public interface Followup {
        void run(Connection c) throws SQLException;

        Followup NONE = c -> { };
    }

    public static void apply(Connection c, UndoScript script, Followup andThen) {
        boolean autoCommit;
        try {
            autoCommit = c.getAutoCommit();
        } catch (SQLException e) {
            throw new UndoFailedException("Cannot use the connection for " + script.fileName() + ": " + e.getMessage(),
                    script.fileName(), -1, e);
        }
        try {
            if (script.transactional()) inTransaction(c, script, andThen);
            else outsideTransaction(c, script, andThen);
        } finally {
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the caller's next use reports it
            }
        }
    }

    private static void inTransaction(Connection c, UndoScript script, Followup andThen) {
        UndoScript.Statement current = null;
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (UndoScript.Statement st : script.statements()) {
                    current = st;
                    s.execute(st.sql());
                }
            }
            current = null;
            andThen.run(c);
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw failure(script, current, e, "The undo ran in a transaction and was rolled back: nothing changed.");
        }
    }

    private static void outsideTransaction(Connection c, UndoScript script, Followup andThen) {
        UndoScript.Statement st = script.statements().getFirst();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            }
        } catch (SQLException e) {
            throw failure(script, st, e, "The statement ran outside a transaction (PostgreSQL allows no other way)."
                    + " A failed CONCURRENTLY index build can leave an INVALID index behind; check with \\d.");
        }
        try {
            andThen.run(c);
        } catch (SQLException e) {
            throw failure(script, null, e, "The undo statement itself succeeded; only the step after it failed.");
        }
    }

    private static UndoFailedException failure(UndoScript script, UndoScript.Statement st, SQLException e, String after) {
        StringBuilder msg = new StringBuilder("Undo ").append(script.fileName()).append(" failed");
        if (st != null) msg.append(" at line ").append(st.line());
        msg.append(" (").append(script.file().toAbsolutePath()).append("):\n  ")
                .append(e.getMessage().replace("\n", "\n  "))
                .append(e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "").append('\n');
        if (st != null) msg.append("  Statement: ").append(UndoScriptParser.oneLine(st.sql())).append('\n');
        msg.append("  ").append(after);
        return new UndoFailedException(msg.toString(), script.fileName(), st != null ? st.line() : -1, e);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
