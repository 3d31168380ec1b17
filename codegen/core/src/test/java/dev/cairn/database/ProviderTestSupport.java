package dev.cairn.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the provider tests. */
final class ProviderTestSupport {

    private ProviderTestSupport() {
    }

    static Path migrations() {
        return Path.of("src/test/resources/providers/migration").toAbsolutePath();
    }

    static List<String> databasesLike(ThrowawayPostgres server, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
