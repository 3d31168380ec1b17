package dev.cairn.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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
 * The one history class: Flyway's history table, read as rows (what undo needs: which versions are
 * applied, whether any failed, and the one write Flyway has no command for, forgetting a version so a
 * later {@code migrate} applies it again), and, as {@link Status}, against the migration files (what
 * drift and info need). The table is the one {@code FlywayFactory} uses: {@code flyway_schema_history} in the
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

    /** Flyway's view of a database against the migration files (drift's). */
    public static Status status(Flyway flyway) {
        return Status.of(flyway);
    }

    /**
     * Flyway's view of a live database against the migration files, from {@code info()} alone (it only
     * reads the history table). An edited applied file shows up as a checksum mismatch, the same check
     * {@code validate()} makes, without validate's all-or-nothing exception.
     *
     * @param current  the live database's schema version (null when nothing is applied)
     * @param applied  successfully applied migrations that still have their file
     * @param pending  files not yet applied
     * @param unknown  applied in the database but without a file (deleted, renamed, or from another branch)
     * @param checksumMismatches applied migrations whose file was edited afterwards
     * @param failed   failed entries in the history table
     */
    public record Status(String current, List<Entry> applied, List<Entry> pending, List<Entry> unknown,
                                List<Entry> checksumMismatches, List<Entry> failed, List<String> resolvedVersions) {

        public record Entry(String version, String description, String script, String state) {
            /** e.g. {@code 3 add events (V3__add_events.sql)}. */
            public String display() {
                return (version != null ? version + " " : "") + description + (script != null ? " (" + script + ")" : "");
            }
        }

        public Status {
            applied = List.copyOf(applied);
            pending = List.copyOf(pending);
            unknown = List.copyOf(unknown);
            checksumMismatches = List.copyOf(checksumMismatches);
            failed = List.copyOf(failed);
            resolvedVersions = List.copyOf(resolvedVersions);
        }

        public static Status of(Flyway flyway) {
            var info = flyway.info();
            List<Entry> applied = new ArrayList<>();
            List<Entry> pending = new ArrayList<>();
            List<Entry> unknown = new ArrayList<>();
            List<Entry> mismatches = new ArrayList<>();
            List<Entry> failed = new ArrayList<>();
            List<String> resolved = new ArrayList<>();
            for (MigrationInfo m : info.all()) {
                MigrationState state = m.getState();
                Entry e = new Entry(m.getVersion() != null ? m.getVersion().getVersion() : null, m.getDescription(),
                        m.getScript(), state.getDisplayName());
                if (state.isResolved() && m.getVersion() != null) resolved.add(m.getVersion().getVersion());
                if (state.isFailed()) failed.add(e);
                if (state.isApplied() && !state.isResolved()) {
                    unknown.add(e);
                } else if (state == MigrationState.PENDING || state == MigrationState.IGNORED || state == MigrationState.OUTDATED) {
                    pending.add(e); // IGNORED: a file below the current version that never ran; OUTDATED: an edited repeatable
                } else if (state.isApplied() && !state.isFailed()) {
                    applied.add(e);
                    if (m.isVersioned() && !m.isChecksumMatching()) mismatches.add(e);
                }
            }
            MigrationInfo current = info.current();
            String currentVersion = current != null && current.getVersion() != null ? current.getVersion().getVersion() : null;
            return new Status(currentVersion, applied, pending, unknown, mismatches, failed, resolved);
        }

        /** Problems: pending, unknown, edited and failed migrations. */
        public int findings() {
            return pending.size() + unknown.size() + checksumMismatches.size() + failed.size();
        }

        /**
         * The version the expected schema should be built to: the highest migration file at or below the
         * live database's version (a version applied there but missing here cannot be a target).
         */
        public String targetVersion() {
            if (current == null) return null;
            MigrationVersion live = MigrationVersion.fromVersion(current);
            return resolvedVersions.stream().map(MigrationVersion::fromVersion)
                    .filter(v -> v.compareTo(live) <= 0)
                    .max(MigrationVersion::compareTo)
                    .map(MigrationVersion::getVersion)
                    .orElse(null);
        }
    }
}
