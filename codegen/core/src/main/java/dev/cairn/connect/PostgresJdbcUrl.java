package dev.cairn.connect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:postgresql://hosts/database?params} URL split at the database name, so that a tool
 * connected to one database can address a sibling it created (temporary and per-test databases).
 */
public record PostgresJdbcUrl(String server, String database, String parameters) {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    public static PostgresJdbcUrl parse(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: "
                    + ConnectionSettings.mask(jdbcUrl));
        }
        String db = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        return new PostgresJdbcUrl(m.group(1), db, m.group(3) == null ? "" : m.group(3));
    }

    public String withDatabase(String name) {
        return server + "/" + name + parameters;
    }

    @Override
    public String toString() {
        return withDatabase(database);
    }
}
