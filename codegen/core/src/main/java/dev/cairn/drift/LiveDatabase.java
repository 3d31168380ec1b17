package dev.cairn.drift;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.connect.OwnSessions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real database that must not change: every connection is read-only at the driver
 * ({@code readOnlyMode=always}: the session's transactions are READ ONLY even in auto-commit, which
 * covers Flyway's own connections too), and ours also runs inside one READ ONLY transaction that is
 * rolled back on close. A stray write fails with "cannot execute ... in a read-only transaction".
 */
public final class LiveDatabase implements AutoCloseable {

    private final ConnectionSettings settings;
    private final PGSimpleDataSource dataSource;
    private final Connection connection;

    private LiveDatabase(ConnectionSettings settings, PGSimpleDataSource dataSource, Connection connection) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** Connects; failures carry a message without the password. */
    public static LiveDatabase open(ConnectionSettings settings) throws ConnectionFailedException {
        PGSimpleDataSource ds;
        try {
            ds = settings.dataSource();
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailedException("Not a usable JDBC URL: " + settings.redact(ConnectionSettings.mask(settings.jdbcUrl())), e);
        }
        ds.setReadOnly(true);
        ds.setReadOnlyMode("always");
        ds.setApplicationName(OwnSessions.applicationName("drift, read-only"));
        if (!settings.jdbcUrl().contains("connectTimeout")) ds.setConnectTimeout(10);
        Connection c = null;
        try {
            c = ds.getConnection();
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("START TRANSACTION READ ONLY");
            }
            return new LiveDatabase(settings, ds, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ConnectionFailedException("Cannot connect to " + settings.display() + ": "
                    + settings.redact(e.getMessage()) + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : ""), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    /** Read-only connections for libraries that open their own (Flyway). */
    public DataSource dataSource() {
        return dataSource;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String currentSchema() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether {@code schema.table} exists, asked of the catalog (so nothing is created by asking). */
    public boolean hasTable(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing was written; the connection is going away anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    /** The live database could not be reached or refused us; the message never contains the password. */
    public static final class ConnectionFailedException extends Exception {
        public ConnectionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
