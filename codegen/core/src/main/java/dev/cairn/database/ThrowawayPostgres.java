package dev.cairn.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL database that exists only for the length of one run: codegen, a check, a test.
 * Closing it stops whatever it started and removes whatever it wrote.
 */
public interface ThrowawayPostgres extends AutoCloseable {

    /** JDBC URL of the database to migrate and read. */
    String jdbcUrl();

    String user();

    String password();

    /** One line for people: what this is and where, e.g. "embedded PostgreSQL 18.3 on 127.0.0.1:5999". */
    String description();

    /** Why the database is gone when its process ended under the run (killed, crashed); empty while it runs. */
    default java.util.Optional<String> ended() {
        return java.util.Optional.empty();
    }

    /**
     * {@link #ended()}, after waiting up to {@code grace} for a process that is going away: a killed
     * server's client sees its connection drop before the process is reaped.
     */
    default java.util.Optional<String> ended(java.time.Duration grace) {
        return ended();
    }

    default Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        if (password() != null) props.setProperty("password", password());
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    void close();
}
