package dev.cairn.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:postgresql://hosts/database?params} URL split at the database name, so that a tool
 * connected to one database can address a sibling it created (temporary and per-test databases).
 *
 * <p>The one parser for URLs people give ({@link #read}): {@code jdbc:postgresql://},
 * {@code postgresql://} and {@code postgres://}, with credentials in the authority
 * ({@code user:password@}) or in the parameters ({@code ?user=..&password=..}). It reads a URL
 * completely or refuses it, naming the part that is wrong: a lenient parser that fell back to
 * localhost:5432 on a typo in the port once pointed a command at another server. The database name
 * is required (without it a migrate once filled the maintenance database {@code postgres}); a host
 * without a port gets {@code :5432} and an empty host list {@code localhost:5432} written into the
 * URL, so every line that shows the URL shows where it really points.
 */
public record PostgresJdbcUrl(String server, String database, String parameters) {

    private static final String JDBC = "jdbc:postgresql://";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    /** What the driver uses for a URL without host or port; written into the URL so messages show it. */
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 5432;

    /** A URL as given: where it points, and the credentials it carried (decoded; null when absent). */
    public record Given(PostgresJdbcUrl url, String user, String password) {
    }

    /** An internally built JDBC URL (no credentials in it); the database defaults to postgres. */
    public static PostgresJdbcUrl parse(String jdbcUrl) {
        PostgresJdbcUrl url = split(jdbcUrl).url();
        return url.database().isEmpty() ? new PostgresJdbcUrl(url.server(), "postgres", url.parameters()) : url;
    }

    /**
     * Reads a URL someone gave, in any accepted form, checking every part. The credentials come out
     * of the URL (so it can be shown and logged), the rest stays as written.
     *
     * @throws IllegalArgumentException naming the part that is wrong, with the password masked
     */
    public static Given read(String given) {
        Given read = split(given);
        if (read.url().database().isEmpty()) {
            throw bad(given.strip(), "the database name is missing",
                    "Add it after host and port, e.g. postgresql://host:5432/mydb (the server's maintenance database is /postgres).");
        }
        return read;
    }

    private static Given split(String given) {
        String s = given.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String rest = null;
        for (String prefix : List.of(JDBC, "postgresql://", "postgres://")) {
            if (lower.startsWith(prefix)) {
                rest = s.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            throw bad(s, "it does not start with jdbc:postgresql://, postgresql:// or postgres://",
                    "Use jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database.");
        }
        int q = rest.indexOf('?');
        String query = q < 0 ? null : rest.substring(q + 1);
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(s, "user name", colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(s, "password", info.substring(colon + 1));
            if (user.isEmpty()) user = null;
        }
        String hosts = hosts(s, authority);
        if (database.contains("/")) {
            throw bad(s, "the database name \"" + database + "\" contains '/'",
                    "Write a '/' or '@' in a password as %2F or %40.");
        }
        decode(s, "database name", database);

        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.isEmpty()) throw bad(s, "the parameter \"" + pair + "\" has no name", "Parameters are ?name=value&name=value.");
                String value = eq < 0 ? "" : decode(s, "parameter " + key, pair.substring(eq + 1));
                // Credentials in parameters count like those in the authority; the URL keeps neither.
                if (key.equals("user")) user = firstNonNull(user, value);
                else if (key.equals("password")) password = firstNonNull(password, value);
                else kept.add(pair);
            }
        }
        String parameters = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        return new Given(new PostgresJdbcUrl(JDBC + hosts, database, parameters), user, password);
    }

    private static String hosts(String url, String authority) {
        if (authority.isEmpty()) return DEFAULT_HOST + ":" + DEFAULT_PORT; // the driver's own default, said aloud
        List<String> out = new ArrayList<>();
        for (String hostPort : authority.split(",", -1)) {
            int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0))
                    : hostPort.indexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (!HOST_NAME.matcher(host).matches()) {
                throw bad(url, host.isEmpty() ? "a host name is missing" : "the host \"" + host + "\" is not a host name or IP address",
                        "Write host:port, several separated by commas.");
            }
            if (colon >= 0) {
                String port = hostPort.substring(colon + 1);
                if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw bad(url, "the port \"" + port + "\" of host " + host + " is not a number from 1 to 65535",
                            "Fix the port, or leave it out (with its ':') for 5432.");
                }
            }
            out.add(colon < 0 ? hostPort + ":" + DEFAULT_PORT : hostPort);
        }
        return String.join(",", out);
    }

    private static String decode(String url, String part, String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(url, "the " + part + " has a broken %-escape", "Write a '%' as %25.");
        }
    }

    private static IllegalArgumentException bad(String url, String what, String fix) {
        return new IllegalArgumentException("Cannot use the database URL " + ConnectionSettings.mask(url) + ": " + what
                + ". " + fix + " Nothing was connected.");
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    public String withDatabase(String name) {
        return server + "/" + name + parameters;
    }

    @Override
    public String toString() {
        return withDatabase(database);
    }
}
