package dev.cairn.database;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.connect.PostgresJdbcUrl;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A uniquely named database ({@code cairn_tmp_<random>}) created in an existing server (a CI
 * service, a shared development server) by a user with CREATEDB, and dropped on {@link #close()}
 * with {@code WITH (FORCE)}, so a failed run that left connections open still cleans up. A shutdown
 * hook drops it too when the JVM ends first (Ctrl-C).
 */
public final class TemporaryServerDatabase implements ThrowawayPostgres {

    public static final String PREFIX = "cairn_tmp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSettings server;
    private final String name;
    private final String description;
    private final Thread shutdownHook;
    private boolean dropped;

    private TemporaryServerDatabase(ConnectionSettings server, String name, String description) {
        this.server = server;
        this.name = name;
        this.description = description;
        this.shutdownHook = new Thread(this::drop, "cairn-drop-" + name);
    }

    /** The provider for {@code --database server}. */
    public static DatabaseProvider provider(ConnectionSettings server) {
        return () -> create(server, PREFIX);
    }

    /** Creates a database named {@code prefix + random hex} in the server the settings point at. */
    public static TemporaryServerDatabase create(ConnectionSettings server, String prefix) throws IOException {
        String name = prefix + HexFormat.of().formatHex(randomBytes());
        String version;
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            version = c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IOException("Could not create a temporary database in " + server.display() + ": "
                    + server.redact(e.getMessage())
                    + (e.getSQLState() != null && e.getSQLState().equals("42501")
                    ? ". The user needs CREATEDB (ALTER ROLE <user> CREATEDB)." : ""), e);
        }
        PostgresJdbcUrl url = PostgresJdbcUrl.parse(server.jdbcUrl());
        TemporaryServerDatabase db = new TemporaryServerDatabase(server, name,
                "database " + name + " on PostgreSQL " + version + " at " + ConnectionSettings.mask(url.server())
                        .replace("jdbc:postgresql://", ""));
        Runtime.getRuntime().addShutdownHook(db.shutdownHook);
        return db;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return PostgresJdbcUrl.parse(server.jdbcUrl()).withDatabase(name);
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void drop() {
        if (dropped) return;
        dropped = true;
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            // FORCE (PostgreSQL 13+) ends sessions a failed run left behind.
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("warning: could not drop temporary database " + name + " in " + server.display()
                    + ": " + server.redact(e.getMessage()) + ". Drop it by hand: DROP DATABASE " + name + " WITH (FORCE);");
        }
    }
}
