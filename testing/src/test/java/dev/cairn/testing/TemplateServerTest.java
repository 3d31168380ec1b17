package dev.cairn.testing;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.migrate.MigrationLocations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateServerTest {

    static final MigrationLocations TINY = new MigrationLocations(List.of("classpath:db/tiny"));

    @Test
    void copiesFromOneTemplateAndDropsWhatItMade() throws Exception {
        DatabaseChoice choice = DatabaseChoice.of(DatabaseKind.EMBEDDED, null, null, null, null, Map.of());
        try (TemplateServer server = TemplateServer.start(choice)) {
            String template = server.template(TINY);
            assertEquals(template, server.template(TINY), "migrated once per migration set");
            TestDatabase a = server.copy(TINY);
            TestDatabase b = server.copy(TINY);
            assertNotEquals(a.jdbcUrl(), b.jdbcUrl());
            try (Connection c = a.connect()) {
                assertEquals(1, PerClassDatabaseTest.count(c));
            }
            Connection leftOpen = b.connect();
            server.drop(a);
            server.drop(b); // despite the open session
            assertThrows(SQLException.class, a::connect);
            assertEquals(false, leftOpen.isValid(2));
        }
    }

    @Test
    void offlineIsRejectedWithAReason() {
        DatabaseChoice choice = DatabaseChoice.of(DatabaseKind.OFFLINE, null, null, null, null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemplateServer.start(choice));
        assertEquals(true, e.getMessage().contains("offline has no database"));
    }

    static int databases(Connection c, String like) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE '" + like + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
