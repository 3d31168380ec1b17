package dev.cairn.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * The catalog facts a migration's effects are read from, at one moment of one session: every user
 * relation with its relfilenode and the scans of it in the current transaction, every constraint
 * with whether it is validated, every index with its table.
 */
record CatalogState(Map<Long, Relation> relations, Map<Long, Constraint> constraints, Map<Long, Long> indexTables,
                    Timestamp transactionStart) {

    record Relation(long oid, long relfilenode, char kind, String name, long scansInTransaction) {

        String kindName() {
            return switch (kind) {
                case 'r', 'p' -> "table";
                case 'i', 'I' -> "index";
                case 'm' -> "materialized view";
                case 'S' -> "sequence";
                case 'v' -> "view";
                default -> "relation";
            };
        }
    }

    record Constraint(long oid, long table, String name, char type, boolean validated) {
    }

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    static CatalogState read(Connection c) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        Map<Long, Constraint> constraints = new HashMap<>();
        Map<Long, Long> indexes = new HashMap<>();
        Timestamp start;
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT c.oid, c.relfilenode, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
                    + " CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid) ELSE 0 END"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS)) {
                while (r.next()) {
                    relations.put(r.getLong(1), new Relation(r.getLong(1), r.getLong(2), r.getString(3).charAt(0),
                            r.getString(4), r.getLong(5)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT oid, conrelid, conname, contype, convalidated FROM pg_constraint WHERE conrelid <> 0")) {
                while (r.next()) {
                    constraints.put(r.getLong(1), new Constraint(r.getLong(1), r.getLong(2), r.getString(3),
                            r.getString(4).charAt(0), r.getBoolean(5)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT indexrelid, indrelid FROM pg_index")) {
                while (r.next()) indexes.put(r.getLong(1), r.getLong(2));
            }
            try (ResultSet r = s.executeQuery("SELECT transaction_timestamp()")) {
                r.next();
                start = r.getTimestamp(1);
            }
        }
        return new CatalogState(relations, constraints, indexes, start);
    }
}
