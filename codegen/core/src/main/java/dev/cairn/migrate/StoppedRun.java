package dev.cairn.migrate;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.connect.OwnSessions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A command on a real database that was interrupted: its statements stopped on the server
 * ({@link OwnSessions#stop}) and the state that left, read from Flyway's history afterwards, so
 * the one line it prints is true.
 *
 * @param table   the history table, schema-qualified
 * @param history empty when there is no history table
 */
public record StoppedRun(OwnSessions.Stopped stopped, String table, Optional<FlywayHistory> history) {

    /** How long a cancelled statement may take to roll back, and the sessions to end. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    public static StoppedRun stop(ConnectionSettings settings, FlywaySettings flyway) throws SQLException {
        OwnSessions.Stopped stopped = OwnSessions.stop(settings, WAIT);
        String schema = flyway.schemas().getFirst();
        try (Connection c = settings.connect(Duration.ofSeconds(5))) {
            return new StoppedRun(stopped, schema + "." + flyway.table(), FlywayHistory.read(c, schema, flyway.table()));
        }
    }

    /** What happened and the database's state, e.g. {@code the running statement was cancelled ...; history says ...}. */
    public String line() {
        String statements = stopped.cancelled() == 0 ? "no statement of cairn was running on the server"
                : (stopped.cancelled() == 1 ? "the running statement was" : stopped.cancelled() + " running statements were")
                  + " cancelled on the server and rolled back"
                  + (stopped.rolledBack() ? "" : " (they did not end within " + WAIT.toSeconds() + " s; ending their sessions rolled them back)");
        String sessions = stopped.left() == 0 ? "no session of cairn is left on the server"
                : stopped.left() + " session(s) of cairn did not end within " + WAIT.toSeconds() + " s: see pg_stat_activity, application_name "
                  + OwnSessions.applicationName();
        return statements + "; " + state() + "; " + sessions + ".";
    }

    private String state() {
        if (history.isEmpty()) return "there is no history table " + table + ": nothing was migrated";
        List<FlywayHistory.Entry> failed = history.get().failed();
        if (!failed.isEmpty()) {
            FlywayHistory.Entry f = failed.getLast();
            return "the history " + table + " records " + f.script() + " as failed: undo what of it took effect, run `repair`,"
                    + " then `migrate` again";
        }
        List<FlywayHistory.Entry> applied = history.get().appliedVersions();
        return "the history " + table + " says applied up to "
                + (applied.isEmpty() ? "no version" : "version " + applied.getLast().version());
    }
}
