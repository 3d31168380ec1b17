package dev.cairn.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The server sessions this process opened on a real database, known by their application_name
 * ({@code cairn ... (pid N)}), and how to stop them. When the process is interrupted its
 * connections only close with the JVM, and PostgreSQL does not notice a gone client while a
 * statement runs: an {@code ALTER TABLE} went on holding ACCESS EXCLUSIVE for seconds after the
 * exit. So the statements are cancelled from a second connection, the rollback is awaited, and
 * then the sessions are ended, which also releases Flyway's session-level advisory lock.
 */
public final class OwnSessions {

    private static final String SUFFIX = " (pid " + ProcessHandle.current().pid() + ")";
    private static final Duration POLL = Duration.ofMillis(50);

    private OwnSessions() {
    }

    /** The application_name of this process's connections; {@code label} says what they do. */
    public static String applicationName(String label) {
        return "cairn" + (label.isEmpty() ? "" : " " + label) + SUFFIX;
    }

    public static String applicationName() {
        return applicationName("");
    }

    /**
     * What {@link #stop} did.
     *
     * @param cancelled  statements that were running and got a cancel request
     * @param rolledBack whether they all ended within the wait (a cancelled statement's transaction is rolled back)
     * @param ended      sessions ended after that
     * @param left       sessions still there when the wait ran out (0 normally)
     * @param took       how long it all took
     */
    public record Stopped(int cancelled, boolean rolledBack, int ended, int left, Duration took) {
    }

    /**
     * Cancels the running statements of this process's sessions, waits up to {@code wait} for them to
     * end (roll back), then ends every session and waits up to {@code wait} again until they are gone.
     */
    public static Stopped stop(ConnectionSettings settings, Duration wait) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = settings.connect(Duration.ofSeconds(5))) {
            int cancelled = count(c, "pg_cancel_backend(pid)", "AND state = 'active'");
            boolean rolledBack = until(c, "AND state = 'active'", wait);
            int ended = count(c, "pg_terminate_backend(pid)", "");
            until(c, "", wait);
            int left = count(c, "true", "");
            return new Stopped(cancelled, rolledBack, ended, left, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Applies {@code action} (a boolean SQL expression) to this process's other sessions matching {@code filter}; how many were true. */
    private static int count(Connection c, String action, String filter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE " + action + ") FROM pg_stat_activity"
                + " WHERE application_name LIKE 'cairn%' AND right(application_name, ?) = ? AND pid <> pg_backend_pid() " + filter)) {
            ps.setInt(1, SUFFIX.length());
            ps.setString(2, SUFFIX);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Polls until no session matches {@code filter}; false when {@code wait} ran out first. */
    private static boolean until(Connection c, String filter, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (count(c, "true", filter) > 0) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
