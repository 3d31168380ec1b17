package dev.cairn.undo;

import dev.cairn.catalog.CatalogSnapshot;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway's history table as the undo needs it: which versions are applied, whether any failed, and the
 * one write Flyway has no command for, forgetting a version (so a later {@code migrate} applies it
 * again). The table is the one {@code FlywayFactory} uses: {@code flyway_schema_history} in the
 * connection's current schema.
 */
public record FlywayHistory(String schema, String table, List<Entry> entries) {

    public static final String TABLE = CatalogSnapshot.FLYWAY_HISTORY;

    /** @param version null for repeatable migrations and Flyway's schema-creation marker */
    public record Entry(int installedRank, MigrationVersion version, String description, String type, String script,
                        boolean success) {
        /** A baseline row marks versions that were never run here, so they cannot be undone either. */
        public boolean isBaseline() {
            return type.contains("BASELINE");
        }
    }

    public FlywayHistory {
        entries = List.copyOf(entries);
    }

    public static Optional<FlywayHistory> read(Connection c) throws SQLException {
        return read(c, null, TABLE);
    }

    /**
     * @param schema where the history table is (Flyway's first schema); null for the connection's current schema
     * @param table  the history table's name (Flyway's {@code table} setting)
     */
    public static Optional<FlywayHistory> read(Connection c, String schema, String table) throws SQLException {
        if (schema == null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                rs.next();
                schema = rs.getString(1);
            }
        }
        if (schema == null) throw new SQLException("The connection has no current schema (empty search_path).");
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?))")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getString(1) == null) return Optional.empty();
            }
        }
        List<Entry> entries = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, success FROM "
                     + qualified(schema, table) + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String v = rs.getString("version");
                entries.add(new Entry(rs.getInt("installed_rank"), v == null ? null : MigrationVersion.fromVersion(v),
                        rs.getString("description"), rs.getString("type"), rs.getString("script"), rs.getBoolean("success")));
            }
        }
        return Optional.of(new FlywayHistory(schema, table, entries));
    }

    public List<Entry> failed() {
        return entries.stream().filter(e -> !e.success()).toList();
    }

    /** Successfully applied versioned migrations (not the baseline marker), oldest first. */
    public List<Entry> appliedVersions() {
        return entries.stream().filter(e -> e.success() && e.version() != null && !e.isBaseline())
                .sorted((a, b) -> a.version().compareTo(b.version())).toList();
    }

    public Optional<Entry> baseline() {
        return entries.stream().filter(e -> e.version() != null && e.isBaseline()).findFirst();
    }

    /** Deletes the row of {@code version}; fails (so a surrounding transaction rolls back) unless exactly one went. */
    public static void forget(Connection c, String schema, MigrationVersion version) throws SQLException {
        forget(c, schema, TABLE, version);
    }

    public static void forget(Connection c, String schema, String table, MigrationVersion version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified(schema, table)
                + " WHERE version = ? AND success")) {
            ps.setString(1, version.getVersion());
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new SQLException("Expected one applied row for version " + version + " in " + schema + "." + table
                        + ", found " + n + "; someone else changed the history meanwhile.");
            }
        }
    }

    private static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }
}
