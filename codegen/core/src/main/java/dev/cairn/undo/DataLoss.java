package dev.cairn.undo;

import dev.cairn.catalog.CatalogSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an undo would destroy: rows of the tables it drops and values of the columns it drops. Found
 * by running the plan's transactional statements in a transaction that is always rolled back and
 * comparing the catalog before and after (a script's own words, IF EXISTS, DO blocks..., need no
 * guessing); the data is counted outside that transaction. A CONCURRENTLY step cannot run in a
 * transaction; it only ever builds or drops an index, which holds no data.
 *
 * @param losses one per dropped table or column that holds data; empty when nothing is lost
 */
public record DataLoss(List<Loss> losses) {

    /** @param column null for a whole table; {@code count} is rows (table) or non-null values (column) */
    public record Loss(String table, String column, long count) {
        @Override
        public String toString() {
            return column == null ? "table " + table + ": " + count + (count == 1 ? " row" : " rows")
                    : "column " + table + "." + column + ": " + count + (count == 1 ? " value" : " values") + " (not null)";
        }
    }

    public DataLoss {
        losses = List.copyOf(losses);
    }

    public boolean isEmpty() {
        return losses.isEmpty();
    }

    /** Rehearses {@code plan} on {@code c} (rolled back; waits at most 5 s for a lock) and counts what it drops. */
    public static DataLoss of(Connection c, UndoPlan plan) throws SQLException {
        CatalogSnapshot before = CatalogSnapshot.read(c, plan.schema());
        CatalogSnapshot after = rehearse(c, plan);
        List<Loss> out = new ArrayList<>();
        for (CatalogSnapshot.Table t : before.tables().values()) {
            CatalogSnapshot.Table left = after.tables().get(t.name());
            if (left == null) {
                long rows = count(c, "SELECT count(*) FROM " + q(plan.schema()) + "." + q(t.name()));
                if (rows > 0) out.add(new Loss(t.name(), null, rows));
                continue;
            }
            for (String column : t.columns().keySet()) {
                if (left.columns().containsKey(column)) continue;
                long values = count(c, "SELECT count(" + q(column) + ") FROM " + q(plan.schema()) + "." + q(t.name()));
                if (values > 0) out.add(new Loss(t.name(), column, values));
            }
        }
        return new DataLoss(out);
    }

    private static CatalogSnapshot rehearse(Connection c, UndoPlan plan) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        UndoScript.Statement current = null;
        UndoScript script = null;
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '5s'");
            for (UndoScript step : plan.steps()) {
                if (!step.transactional()) continue;
                script = step;
                for (UndoScript.Statement st : step.statements()) {
                    current = st;
                    s.execute(st.sql());
                }
            }
            return CatalogSnapshot.read(c, plan.schema());
        } catch (SQLException e) {
            throw new UndoRefusedException((script == null ? "The undo" : "Undo " + script.fileName())
                    + " failed" + (current == null ? "" : " at line " + current.line())
                    + " in a rehearsal before anything was changed (rolled back): " + e.getMessage()
                    + (current == null ? "" : "\n  Statement: " + UndoScriptParser.oneLine(current.sql()))
                    + "\n  Nothing was undone. Fix the undo script and try again.");
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
