package dev.cairn.connect;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URLs are read completely or refused; nothing here connects anywhere. */
class PostgresJdbcUrlTest {

    private static String refused(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.parse(url), url);
        assertFalse(e.getMessage().contains("pw"), "password masked: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aMalformedPortIsRefusedNamingIt() {
        String m = refused("postgresql://u:pw@10.1.2.3:5x5439/prod");
        assertTrue(m.contains("the port \"5x5439\" of host 10.1.2.3 is not a number from 1 to 65535"), m);
        assertTrue(m.contains("postgresql://u:****@10.1.2.3:5x5439/prod"), m);
        assertTrue(refused("jdbc:postgresql://u:pw@db:99999/prod").contains("\"99999\""));
        assertTrue(refused("jdbc:postgresql://db:/prod").contains("the port \"\""));
    }

    @Test
    void everyOtherBrokenPartIsNamed() {
        assertTrue(refused("jdbc:postgresql://db host/prod").contains("the host \"db host\""));
        assertTrue(refused("jdbc:postgresql://a,,b/prod").contains("a host name is missing"));
        assertTrue(refused("mysql://u:pw@db/prod").contains("does not start with jdbc:postgresql://"));
        assertTrue(refused("jdbc:postgresql://db/prod/extra").contains("the database name \"prod/extra\""));
        assertTrue(refused("jdbc:postgresql://db/prod?=1").contains("the parameter \"=1\" has no name"));
        assertTrue(refused("postgresql://u:p%ZZw@db/prod").contains("the password has a broken %-escape"));
    }

    @Test
    void aMissingDatabaseIsRefusedAndHostAndPortDefaultsAreWrittenOut() {
        for (String url : new String[] {"postgresql://postgres:pw@127.0.0.1:55432/", "postgresql://u:pw@db:5432",
                "jdbc:postgresql://db/?sslmode=require", "postgres://u:pw@db"}) {
            String m = refused(url);
            assertTrue(m.contains("the database name is missing"), m);
            assertTrue(m.contains("e.g. postgresql://host:5432/mydb"), m);
        }
        assertEquals("jdbc:postgresql://db.example:5432/prod", ConnectionSettings.parse("postgresql://db.example/prod").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/prod", ConnectionSettings.parse("postgresql:///prod").jdbcUrl());
        assertEquals("jdbc:postgresql://[::1]:5432,h2:5433/prod", ConnectionSettings.parse("jdbc:postgresql://[::1],h2:5433/prod").jdbcUrl());
        // Without a user the driver logs in as the system user: the shown target says so.
        assertEquals("jdbc:postgresql://localhost:5432/prod as " + System.getProperty("user.name") + " (no user given: the system user)",
                ConnectionSettings.parse("postgresql:///prod").display());
        // Internal URLs (a server's sibling databases) still default to the maintenance database.
        assertEquals("postgres", PostgresJdbcUrl.parse("jdbc:postgresql://db:5432/").database());
    }

    @Test
    void credentialsComeOutOfEveryForm() {
        ConnectionSettings a = ConnectionSettings.parse("jdbc:postgresql://bob:s%40cret@db.example:6432/prod?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6432/prod?sslmode=require", a.jdbcUrl());
        assertEquals("bob", a.user());
        assertEquals("s@cret", a.password());
        ConnectionSettings b = ConnectionSettings.parse("jdbc:postgresql://db:5433/prod?user=bob&password=p%26w&ssl=true");
        assertEquals("jdbc:postgresql://db:5433/prod?ssl=true", b.jdbcUrl());
        assertEquals("bob", b.user());
        assertEquals("p&w", b.password());
        ConnectionSettings c = ConnectionSettings.parse("postgres://bob:p@ss@[::1]:5433/prod");
        assertEquals("jdbc:postgresql://[::1]:5433/prod", c.jdbcUrl());
        assertEquals("p@ss", c.password());
        ConnectionSettings d = ConnectionSettings.parse("jdbc:postgresql://h1:5432,h2:5433/prod");
        assertEquals("jdbc:postgresql://h1:5432,h2:5433/prod", d.jdbcUrl());
        assertNull(d.user());
    }

    @Test
    void optionsWinOverTheUrlAndTheUrlOverTheEnvironment() {
        Map<String, String> env = Map.of("PGUSER", "env-user", "PGPASSWORD", "env-pw");
        ConnectionSettings fromUrl = ConnectionSettings.resolve("jdbc:postgresql://db/prod?user=bob&password=b", null, null, env);
        assertEquals("bob", fromUrl.user());
        assertEquals("b", fromUrl.password());
        ConnectionSettings fromOptions = ConnectionSettings.resolve("jdbc:postgresql://db/prod?user=bob", "carol", "c", env);
        assertEquals("carol", fromOptions.user());
        assertEquals("c", fromOptions.password());
        assertEquals("env-user", ConnectionSettings.resolve("jdbc:postgresql://db/prod", null, null, env).user());
    }

    @Test
    void maskingCoversEveryForm() {
        for (String url : new String[] {"jdbc:postgresql://u:pw@h/db", "postgresql://u:pw@h/db", "postgres://u:p@w@h/db",
                "jdbc:postgresql://h/db?user=u&password=pw", "jdbc:postgresql://h/db?PASSWORD=pw&x=1"}) {
            String masked = ConnectionSettings.mask(url);
            assertFalse(masked.contains("pw") || masked.contains("p@w"), masked);
        }
    }
}
