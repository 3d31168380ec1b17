package dev.cairn.connect;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach a real database. Built from explicit options first, then the environment
 * ({@code DATABASE_URL} as a JDBC URL or as {@code postgresql://user:pass@host:port/db};
 * {@code PGUSER}, {@code PGPASSWORD}). The password never appears in {@link #toString()} or
 * {@link #display()}.
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) {

    public ConnectionSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("No database given: pass --url <jdbc-url> or set DATABASE_URL.");
        }
    }

    /** Options win over the environment; either URL form is accepted for both. */
    public static ConnectionSettings resolve(String url, String user, String password, Map<String, String> env) {
        String rawUrl = url != null ? url : env.get("DATABASE_URL");
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new IllegalArgumentException("No database given: pass --url <jdbc-url> or set DATABASE_URL.");
        }
        ConnectionSettings parsed = parse(rawUrl);
        String u = firstNonNull(user, parsed.user(), env.get("PGUSER"));
        String p = firstNonNull(password, parsed.password(), env.get("PGPASSWORD"));
        return new ConnectionSettings(parsed.jdbcUrl(), u, p);
    }

    /**
     * Accepts jdbc:postgresql://..., postgres(ql)://user:pass@host:port/db?params; credentials in the
     * authority or in user=/password= parameters are taken out of the URL. A URL that does not parse
     * completely is refused ({@link PostgresJdbcUrl#read}).
     */
    public static ConnectionSettings parse(String url) {
        PostgresJdbcUrl.Given given = PostgresJdbcUrl.read(url);
        return new ConnectionSettings(given.url().toString(), given.user(), given.password());
    }

    /** A connection named as this process's ({@link OwnSessions}), so an interruption can stop its statement. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties());
    }

    /** As {@link #connect()}, giving up after {@code timeout} to reach the server and log in. */
    public Connection connect(Duration timeout) throws SQLException {
        Properties props = properties();
        props.setProperty("connectTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
        props.setProperty("loginTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** For libraries that open their own connections (Flyway); named like {@link #connect()}'s. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        if (user != null) ds.setUser(user);
        if (password != null) ds.setPassword(password);
        ds.setApplicationName(OwnSessions.applicationName());
        return ds;
    }

    /** The driver properties of every connection: credentials (never in the URL) and the application name. */
    Properties properties() {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", OwnSessions.applicationName());
        return props;
    }

    /**
     * URL and user for messages; never the password. Without a user the driver logs in as the
     * system user, and this says so (the first line of every command shows it).
     */
    public String display() {
        return mask(jdbcUrl) + " as " + (user != null ? user : System.getProperty("user.name") + " (no user given: the system user)");
    }

    /** Removes a password from any text about to be shown (error messages may echo the URL). */
    public String redact(String text) {
        if (text == null) return null;
        String out = mask(text);
        return password != null && !password.isEmpty() ? out.replace(password, "****") : out;
    }

    /** Masks password=... parameters and user:password@ credentials in a URL. */
    public static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&\\s]*", "$1****")
                // up to the last '@' before the path: a password may hold an unescaped '@'
                .replaceAll("(://[^:/@\\s]*:)[^/\\s]*@", "$1****@");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + display() + "]";
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
