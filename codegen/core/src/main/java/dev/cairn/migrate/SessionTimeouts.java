package dev.cairn.migrate;

import dev.cairn.connect.ConnectionSettings;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * PostgreSQL session limits for the connections that migrate a real database. A migration that
 * needs a lock held by a busy application session would otherwise queue behind it, and every
 * later query on that table would queue behind the migration: a short lock_timeout fails fast
 * instead. Values use PostgreSQL's own units (500ms, 5s, 2min, 1h); 0 means no limit.
 */
public record SessionTimeouts(String lockTimeout, String statementTimeout) {

    public static final String DEFAULT_LOCK_TIMEOUT = "10s";
    public static final String DEFAULT_STATEMENT_TIMEOUT = "0";

    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|min|h|d)?");

    public SessionTimeouts {
        lockTimeout = check("lock timeout", lockTimeout);
        statementTimeout = check("statement timeout", statementTimeout);
    }

    public static SessionTimeouts defaults() {
        return new SessionTimeouts(DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * A data source whose every connection starts with these settings: they travel in the startup
     * packet (libpq's {@code options=-c name=value}), so they hold for each connection Flyway opens
     * and survive a RESET ALL. (Flyway's initSql would do the same but is deprecated.)
     */
    public DataSource dataSource(ConnectionSettings settings) {
        PGSimpleDataSource ds = settings.dataSource();
        String own = ds.getOptions() == null || ds.getOptions().isBlank() ? "" : ds.getOptions() + " ";
        ds.setOptions(own + "-c lock_timeout=" + lockTimeout + " -c statement_timeout=" + statementTimeout);
        return ds;
    }

    private static String check(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (!DURATION.matcher(v).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " '" + value
                    + "': use a number with a unit, e.g. 500ms, 5s, 2min (0 = no limit).");
        }
        return v.replace(" ", "");
    }
}
