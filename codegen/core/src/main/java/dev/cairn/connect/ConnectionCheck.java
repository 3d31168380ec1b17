package dev.cairn.connect;

import org.postgresql.Driver;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens one connection before any real work, so the common mistakes (server down, wrong
 * password, database not created) get a message that says what to do, instead of surfacing
 * later wrapped in a Flyway exception. Messages never contain the password.
 */
public final class ConnectionCheck {

    /** Seconds to wait for the TCP connection and for the login, unless the URL says otherwise. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private ConnectionCheck() {
    }

    /** Where a URL points, for messages. */
    public record Target(String host, String port, String database) {
        String hostPort() {
            return host + ":" + port;
        }
    }

    public static Target target(ConnectionSettings settings) {
        Properties p = Driver.parseURL(settings.jdbcUrl(), null);
        if (p == null) throw new IllegalArgumentException("Not a valid PostgreSQL JDBC URL: " + settings.display());
        String hosts = p.getProperty("PGHOST", "localhost");
        String ports = p.getProperty("PGPORT", "5432");
        return new Target(hosts, ports, p.getProperty("PGDBNAME", ""));
    }

    /** Connects once and closes again; throws {@link DatabaseUnavailableException} with a readable message. */
    public static void verify(ConnectionSettings settings) {
        Target target = target(settings);
        try (Connection ignored = settings.connect(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))) {
            // reachable, authenticated, database exists
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(settings.redact(explain(e, target, settings.user())), e);
        }
    }

    static String explain(SQLException e, Target t, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String who = user != null ? user : System.getProperty("user.name");
        // The driver reports these with connection states (08...), as if the server were not there.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException unknown) {
                String host = unknown.getMessage() == null ? t.host() : unknown.getMessage().split(":")[0].strip();
                return "Cannot find the host \"" + host + "\" of the database URL (no address for it in DNS or /etc/hosts)."
                        + " Fix the host name in --url / DATABASE_URL. Nothing was changed.";
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean empty = message.contains("password is an empty string");
        if (empty || message.contains("no password was provided")) {
            return "PostgreSQL at " + t.hostPort() + " asks user \"" + who + "\" for a password, and "
                    + (empty ? "the one given is empty" : "none was given") + ". Give it with --password (without a value to be"
                    + " prompted), PGPASSWORD or in the URL (user:password@ before the host). Nothing was changed.";
        }
        return switch (state) {
            case "28P01" -> "Password authentication failed for user \"" + who + "\" at " + t.hostPort()
                    + ". Check --password / PGPASSWORD (or the password in DATABASE_URL).";
            case "28000" -> "PostgreSQL at " + t.hostPort() + " rejected user \"" + who + "\": " + firstLine(e)
                    + ". Check the user name and the server's pg_hba.conf.";
            case "3D000" -> "Database \"" + t.database() + "\" does not exist on " + t.hostPort()
                    + ". Create it first, e.g. `createdb -h " + t.host() + " -p " + t.port()
                    + (user != null ? " -U " + user : "") + " " + t.database() + "` or `CREATE DATABASE \""
                    + t.database() + "\";`, or fix the database name in the URL.";
            default -> state.startsWith("08")
                    ? "Cannot reach PostgreSQL at " + t.hostPort() + " (" + firstLine(e) + "). Is the server running,"
                      + " and are host and port right? Nothing was changed."
                    : "Cannot connect to database \"" + t.database() + "\" at " + t.hostPort() + ": " + firstLine(e)
                      + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        };
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
