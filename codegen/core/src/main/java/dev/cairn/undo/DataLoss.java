package dev.cairn.undo;

import dev.cairn.catalog.CatalogSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an undo would destroy: rows of any table (dropped, truncated, deleted, also through CASCADE
 * or in another schema) and values of the columns it drops. Found by running the plan's
 * transactional statements in a transaction that is always rolled back, comparing the row count of
 * every table and the catalog before and after (a script's own words, IF EXISTS, DO blocks...,
 * need no guessing). The transaction is REPEATABLE READ, so every count sees one snapshot and an
 * application writing meanwhile is not mistaken for the undo. A CONCURRENTLY step cannot run in a
 * transaction; it only ever builds or drops an index, which holds no data.
 *
 * @param losses one per table or column that loses data; empty when nothing is lost
 */
public record DataLoss(List<Loss> losses) {

    /** How data goes. */
    public enum Kind { TABLE_DROPPED, ROWS_REMOVED, COLUMN_DROPPED }

    /**
     * @param table  the table's name, schema-qualified when it is not in the plan's schema
     * @param column the dropped column, null unless {@link Kind#COLUMN_DROPPED}
     * @param count  rows (tables) or non-null values (column) lost
     * @param before rows of the table before the undo
     */
    public record Loss(Kind kind, String table, String column, long count, long before) {
        @Override
        public String toString() {
            return switch (kind) {
                case TABLE_DROPPED -> "table " + table + ": " + rows(count);
                case ROWS_REMOVED -> "table " + table + ": " + rows(count) + " removed (" + before + " before, "
                        + (before - count) + " after)";
                case COLUMN_DROPPED -> "column " + table + "." + column + ": " + count + (count == 1 ? " value" : " values")
                        + " (not null)";
            };
        }

        private static String rows(long n) {
            return n + (n == 1 ? " row" : " rows");
        }
    }

    public DataLoss {
        losses = List.copyOf(losses);
    }

    public boolean isEmpty() {
        return losses.isEmpty();
    }

    /** Rehearses {@code plan} on {@code c} (rolled back; waits at most 5 s for a lock) and counts what it destroys. */
    public static DataLoss of(Connection c, UndoPlan plan) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '5s'"); // the counts too must not queue behind an application
            }
            Map<String, Long> rowsBefore = rowCounts(c, plan.schema());
            CatalogSnapshot before = CatalogSnapshot.read(c, plan.schema());
            Savepoint rehearsal = c.setSavepoint();
            rehearse(c, plan);
            Map<String, Long> rowsAfter = rowCounts(c, plan.schema());
            CatalogSnapshot after = CatalogSnapshot.read(c, plan.schema());
            c.rollback(rehearsal); // the dropped columns are back, on the same snapshot, to be counted

            List<Loss> out = new ArrayList<>();
            rowsBefore.forEach((table, rows) -> {
                Long left = rowsAfter.get(table);
                if (left == null && rows > 0) out.add(new Loss(Kind.TABLE_DROPPED, table, null, rows, rows));
                else if (left != null && left < rows) out.add(new Loss(Kind.ROWS_REMOVED, table, null, rows - left, rows));
            });
            for (CatalogSnapshot.Table t : before.tables().values()) {
                CatalogSnapshot.Table left = after.tables().get(t.name());
                if (left == null) continue; // counted with its rows
                for (String column : t.columns().keySet()) {
                    if (left.columns().containsKey(column)) continue;
                    long values = count(c, "SELECT count(" + q(column) + ") FROM " + q(plan.schema()) + "." + q(t.name()));
                    if (values > 0) out.add(new Loss(Kind.COLUMN_DROPPED, t.name(), column, values, rowsBefore.getOrDefault(t.name(), 0L)));
                }
            }
            return new DataLoss(out);
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Rows of every table (ordinary or partitioned; a partition counts in its parent) outside the
     * system schemas, by name: bare in {@code schema}, qualified elsewhere.
     */
    private static Map<String, Long> rowCounts(Connection c, String schema) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT n.nspname, t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).equals(schema) ? rs.getString(2) : rs.getString(1) + "." + rs.getString(2);
                    tables.put(name, q(rs.getString(1)) + "." + q(rs.getString(2)));
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : tables.entrySet()) counts.put(t.getKey(), count(c, "SELECT count(*) FROM " + t.getValue()));
        return counts;
    }

    /** Runs the plan's transactional statements in the caller's transaction; a failure refuses the undo. */
    private static void rehearse(Connection c, UndoPlan plan) throws SQLException {
        UndoScript.Statement current = null;
        UndoScript script = null;
        try (Statement s = c.createStatement()) {
            for (UndoScript step : plan.steps()) {
                if (!step.transactional()) continue;
                script = step;
                for (UndoScript.Statement st : step.statements()) {
                    current = st;
                    s.execute(st.sql());
                }
            }
        } catch (SQLException e) {
            throw new UndoRefusedException((script == null ? "The undo" : "Undo " + script.fileName())
                    + " failed" + (current == null ? "" : " at line " + current.line())
                    + " in a rehearsal before anything was changed (rolled back): " + e.getMessage()
                    + (current == null ? "" : "\n  Statement: " + UndoScriptParser.oneLine(current.sql()))
                    + "\n  Nothing was undone. Fix the undo script and try again.");
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
