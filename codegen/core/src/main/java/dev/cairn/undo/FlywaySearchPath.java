package dev.cairn.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Undo scripts run on our own connection, not Flyway's, but must resolve names as their migrations
 * did: Flyway puts its default schema (the first of {@code schemas}) in front of the search_path
 * while it migrates, so {@code CREATE TABLE notes} in a migration creates {@code app.notes}.
 */
public final class FlywaySearchPath {

    private FlywaySearchPath() {
    }

    /** Puts {@code schema} first on the connection's search_path, keeping the rest (as Flyway does). */
    public static void apply(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('search_path', quote_ident(?) || coalesce(nullif(', ' || current_setting('search_path'), ', '), ''), false)")) {
            ps.setString(1, schema);
            ps.execute();
        }
    }
}
